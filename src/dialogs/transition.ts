/**
 * The dialog engine: `transition(state, event, deps) → { state, effects }`. Pure: no I/O, no clock but
 * `deps.now`, no knowledge of the messenger. Every flow of the assistant starts here.
 */
import { comparableText } from '../i18n/comparable-text.js';
import { type KnowledgeEntry, regionOfCategory, type SectionKey } from '../knowledge/entry.js';
import type { IncomingEvent, UnsupportedMedia } from '../messaging/incoming-event.js';
import { hasIdentityNumbers } from '../messaging/personal-data.js';
import { parseRichText, type RichText } from '../messaging/rich-text.js';
import { compileAudience } from '../search/entry-audience.js';
import type { SearchOutcome, TextUnderstanding } from '../search/search-types.js';
import {
  type AgeAsked,
  aboutWhatIsAsked,
  ageAsked,
  ageAskedInWords,
  asksOfSpouse,
  bestLineOf,
  eligibilityNamesStart,
  lineAbout,
  lineOfMeasure,
  lineOnAmount,
  namesOtherSubject,
  namesOwnSubject,
  partGivesUntil,
  partNamesAgeOf,
  saysNothingOf,
  statesAmount,
  titleAsks,
  titleNamesPension,
  WIDOW_WORDS,
} from './answer-quote.js';
import { tellsOfBereavement } from './bereavement.js';
import { choiceForPart, choicesNamed } from './choice-follow-up.js';
import { answeredByOthersPension } from './deceased-pension.js';
import type { DialogState, RegionChoice } from './dialog-state.js';
import { initialState } from './dialog-state.js';
import {
  cancelHandoff,
  isTypedAcceptance,
  offerConsultant,
  onSystemSignal,
  onWaitingText,
} from './handoff-events.js';
import { serviceHoursMessage } from './hours-replies.js';
import { withoutIncomeOwner } from './income-owner.js';
import { answeredByShare, namesHousing, readShare, shareRule } from './income-share.js';
import { answeredByThreshold, thresholdLead } from './income-threshold.js';
import { figuresChangeBy } from './later-year.js';
import { needClauses, questionNeeds, toldSituation } from './letter-needs.js';
import { asksWhatMoneyIs, entriesShowingAmount, withoutOwnIncomeSums } from './named-amount.js';
import { partElsewhere } from './part-elsewhere.js';
import { decodePayload, encodePayload } from './payloads.js';
import { answeredPerChild } from './per-child-sum.js';
import { reopening } from './queue-replies.js';
import { regionalCounterpart } from './regional-counterpart.js';
import * as reply from './reply-builders.js';
import {
  ageTable,
  describesOnlyAge,
  personalAge,
  speaksOfPension,
  withoutDescription,
} from './retirement-age.js';
import { measureEntryWithPart, sameMeasureEntries } from './same-measure.js';
import { questionSentences } from './several-questions.js';
import { entryOfShownTopic } from './topic-follow-up.js';
import {
  CRISIS_TOPIC,
  type DialogDeps,
  FAILED_SEARCHES_BEFORE_HANDOFF,
  MAX_QUERY_CHARS,
  REPEAT_WINDOW_MS,
  type TransitionResult,
  Turn,
} from './turn.js';
import { isTypedForget, typedForgetAnswer, typedMenuButton, typedSectionButton } from './typed-buttons.js';
import { CHOICE_PLACES, typedChoice } from './typed-choice.js';
import { asksWhyRefused } from './why-refused.js';
import {
  isBarePersonalFollowUp,
  isConditionFollowUp,
  isConditionPut,
  isPersonalFollowUp,
  isShortFollowUp,
  isShortMessage,
} from './word-stems.js';

export type { DialogDeps, TransitionResult } from './turn.js';

/** Whether a payload opens a regional category of the menu. */
function isRegionCategory(payload: string): boolean {
  const action = decodePayload(payload);
  return action?.a === 'category' && regionOfCategory(action.slug) !== undefined;
}

export function transition(state: DialogState, event: IncomingEvent, deps: DialogDeps): TransitionResult {
  const turn = new Turn(state, deps, event);
  const firstContact = !state.greeted;
  // A repeated text is a double tap only when nothing came between: after a press or a command, the same words are
  // asked again and answered again.
  if (event.kind !== 'text' && event.kind !== 'system') turn.state.lastText = undefined;
  switch (event.kind) {
    case 'start':
      onStart(turn);
      break;
    case 'command':
      onCommand(turn, event.command, event.args);
      break;
    case 'button':
      onButton(turn, event.payload);
      break;
    case 'text':
      onText(turn, event.text);
      break;
    case 'location':
      onLocation(turn, event.latitude, event.longitude);
      break;
    case 'contact':
      turn.send(reply.textMessage(turn.ctx, 'contact.message', { footer: true }));
      turn.outcome({ outcome: 'other', detail: 'contact' });
      break;
    case 'unsupported':
      turn.send(reply.textMessage(turn.ctx, unsupportedReplyKey(event.media), { footer: true }));
      turn.outcome({ outcome: 'other', detail: `unsupported:${event.media}` });
      break;
    case 'system':
      onSystemSignal(turn, event.signal);
      break;
  }
  if (
    firstContact &&
    event.kind !== 'system' &&
    !turn.state.greeted &&
    !turn.effects.some((e) => e.type === 'forget')
  ) {
    // The personal-data notice is shown at first contact whatever the first message was, after the reply to it.
    turn.send({ text: parseRichText(deps.translator.t(turn.state.locale, 'privacy_notice')) });
    turn.state.greeted = true;
    turn.effects.push({ type: 'citizen', patch: { consentAt: deps.now } });
  }
  return { state: turn.state, effects: turn.effects };
}

function onLocation(turn: Turn, latitude: number, longitude: number): void {
  const flows = turn.deps.flows ?? [];
  const active = flows.find((f) => f.code === turn.state.flow?.code);
  const ordered = active ? [active, ...flows.filter((f) => f !== active)] : flows;
  if (ordered.some((f) => f.onLocation?.(turn, latitude, longitude))) return;
  turn.send(reply.textMessage(turn.ctx, 'location.message', { footer: true }));
  turn.outcome({ outcome: 'other', detail: 'location' });
}

/**
 * An answer did not help (👎, or "не помогло" in words): recorded against the entry for the curators' report, and a
 * consultant takes over. Without an entry (words with no answer before them) the person is still stuck.
 */
function notHelpful(turn: Turn, entry: KnowledgeEntry | undefined, detail?: string): void {
  // The same answer disliked again (👎 and then "нет, не помогло"), or disliked after its parts were offered ("не
  // понял", then "не помогло"): the person has said it twice, a person answers.
  const again =
    entry !== undefined &&
    ((turn.state.rated?.id === entry.id && turn.state.rated.helpful === false) ||
      turn.state.partsOfferedFor === entry.id);
  if (entry) turn.rate(entry, false);
  const when = reopening(turn);
  if (turn.state.handoff || (again && when === undefined))
    return turn.handoff('negative_feedback', ['handoff.negative_feedback'], detail);
  // A hand-off puts the person in the queue, and until a consultant takes it whatever they write goes there instead
  // of the assistant (two audits: the next question, which the answer shown covered, got only "Передал
  // консультанту"; out of hours the queue means "ответят в понедельник"). So the consultant is offered, one tap away,
  // and the person may ask again in other words.
  offerConsultant(
    turn,
    when === undefined
      ? reply.handoffOffer(turn.ctx, 'not_sure.disliked')
      : reply.handoffOffer(turn.ctx, 'not_sure.disliked_closed', { when }),
  );
  turn.outcome({
    outcome: 'other',
    ...(entry ? { entryId: entry.id } : {}),
    detail: `${detail ?? 'feedback:down'}:${when === undefined ? 'offered' : 'closed'}`,
  });
}

/**
 * "Не понял" after an answer: the answer may be right and its wording too dense for this reader. Its parts are
 * shorter and point by point; a second "не понял", or one with no answer before it, goes to a person.
 */
function offerParts(turn: Turn, entry: KnowledgeEntry): void {
  turn.state.partsOfferedFor = entry.id;
  turn.send(reply.partsOffer(turn.ctx, entry));
  turn.outcome({
    outcome: 'other',
    entryId: entry.id,
    topics: [entry.topic],
    detail: 'intent:not_understood',
  });
}

/**
 * A bare "да" / "нет" (or 👍 / 👎): right after an answer it replies to the answer's "Помог ли ответ?", like the
 * buttons (a "нет" hands over, as 👎 does). With no answer before it, there is nothing to agree with: say what we
 * can do.
 */
function onYesNo(turn: Turn, yes: boolean): void {
  const entry = turn.lastAnswer();
  if (!yes) {
    if (entry) return notHelpful(turn, entry, 'intent:disagree');
    turn.send(turn.menu('small_talk.vague'));
    return turn.outcome({ outcome: 'refuse', detail: 'intent:disagree' });
  }
  if (entry) turn.rate(entry, true);
  turn.send(reply.textMessage(turn.ctx, entry ? 'small_talk.agree' : 'small_talk.ack', { footer: true }));
  turn.outcome({ outcome: 'other', detail: 'intent:agree' });
}

/** A bare hello: greet back with what the assistant does and the menu (no search, no "I can't help"). */
function onGreeting(turn: Turn): void {
  if (turn.state.greeted) {
    turn.send(turn.menu('small_talk.greeting'));
  } else {
    const menu = turn.menu();
    turn.send({ text: [...reply.greetingMessage(turn.ctx).text, ...menu.text], buttons: menu.buttons });
    turn.state.greeted = true;
    turn.effects.push({ type: 'citizen', patch: { consentAt: turn.deps.now } });
  }
  // Recorded as a refusal: the reply says what the assistant can do, without a knowledge-base answer.
  turn.outcome({ outcome: 'refuse', detail: 'intent:greeting' });
}

function onStart(turn: Turn): void {
  const menu = turn.menu();
  turn.send({ text: [...reply.greetingMessage(turn.ctx).text, ...menu.text], buttons: menu.buttons });
  if (!turn.state.greeted) {
    turn.state.greeted = true;
    turn.effects.push({ type: 'citizen', patch: { consentAt: turn.deps.now } });
  }
  turn.state.lastEntryId = undefined;
  turn.state.lastEntryRegion = undefined;
  turn.state.failedSearches = 0;
  turn.state.pending = undefined;
  turn.state.flow = undefined;
  // A fresh start: a complaint left waiting for a question is not offered under the next answers any more.
  turn.state.offered = undefined;
  turn.outcome({ outcome: 'other', detail: 'start' });
}

function onCommand(turn: Turn, command: string, args: string): void {
  turn.state.pending = command === 'forget' ? 'forget-confirm' : undefined;
  const flow = turn.deps.flows?.find((f) => f.commands?.includes(command));
  if (flow?.onCommand) return flow.onCommand(turn, command, args);
  switch (command) {
    case 'start':
      return onStart(turn);
    case 'menu':
      turn.state.flow = undefined;
      turn.send(turn.menu());
      return turn.outcome({ outcome: 'other', detail: 'menu' });
    case 'help':
      turn.send(reply.helpMessage(turn.ctx));
      return turn.outcome({ outcome: 'other', detail: 'help' });
    case 'operator':
      return turn.handoff('user_request', [], 'command');
    // Not in the command list, but people type them: back to the assistant from waiting for a consultant, or to
    // the menu from a service.
    case 'cancel':
    case 'stop':
    case 'back':
      return onButton(turn, encodePayload(turn.state.handoff ? { a: 'handoff-cancel' } : { a: 'menu' }));
    case 'lang':
      turn.send(reply.languageChoice(turn.ctx));
      return turn.outcome({ outcome: 'other', detail: 'lang' });
    case 'privacy':
      turn.send(reply.privacyMessage(turn.ctx, turn.state.locale, turn.deps.retentionDays));
      return turn.outcome({ outcome: 'other', detail: 'privacy' });
    case 'forget':
      turn.send(reply.forgetConfirm(turn.ctx));
      return turn.outcome({ outcome: 'other', detail: 'forget' });
    default:
      turn.send(reply.helpMessage(turn.ctx, 'unknown_command.message'));
      return turn.outcome({ outcome: 'other', detail: 'unknown_command' });
  }
}

function onButton(turn: Turn, payload: string): void {
  const separator = payload.indexOf(':');
  const flow =
    separator > 0 ? turn.deps.flows?.find((f) => f.code === payload.slice(0, separator)) : undefined;
  if (flow) {
    turn.state.pending = undefined;
    return flow.onButton(turn, payload.slice(separator + 1));
  }
  const action = decodePayload(payload);
  if (!action) return turn.stale();
  const { kb } = turn.deps;
  if (action.a !== 'forget') turn.state.pending = undefined;
  switch (action.a) {
    case 'menu':
      turn.state.flow = undefined;
      turn.send(turn.state.handoff ? turn.waitingMenu() : turn.menu());
      return turn.outcome({ outcome: 'other', detail: 'menu' });
    case 'help':
      turn.send(reply.helpMessage(turn.ctx));
      return turn.outcome({ outcome: 'other', detail: 'help' });
    case 'category': {
      const menu = reply.categoryMenu(turn.ctx, action.slug);
      if (!menu) return turn.stale();
      // «📍 Пермский край» pressed by someone remembered as living elsewhere: they chose it, so it is their region now
      // (its measures were answered as another region's; a verification pass). With no region remembered, the same:
      // «сколько прожиточный минимум пенсионера» after «📍 Волгоградская область» asked for the region again.
      const chosen = regionOfCategory(action.slug);
      if (chosen && turn.state.region === 'other') {
        turn.setRegion(chosen);
        turn.leadNextReply(reply.regionSaved(turn.ctx, chosen));
      } else if (chosen && turn.state.region === undefined) turn.setRegion(chosen);
      turn.send(menu);
      return turn.outcome({ outcome: 'other', detail: 'category' });
    }
    case 'topic': {
      const entries = kb.entriesOfTopic(action.slug);
      if (entries.length === 1) return turn.answer(entries[0]!, { detail: 'menu' });
      const menu = reply.topicMenu(turn.ctx, action.slug);
      if (!menu) return turn.stale();
      turn.send(menu);
      return turn.outcome({ outcome: 'other', detail: 'topic' });
    }
    case 'entry': {
      const entry = kb.entry(action.id);
      if (!entry) return turn.stale();
      // "Кратко" under a section replaces that message; an entry picked from a list comes as a new message.
      const fromSection = turn.state.lastEntryId === entry.id;
      return turn.answer(entry, {
        edit: fromSection,
        detail: 'button',
        ...(action.region ? { region: action.region } : {}),
      });
    }
    case 'section': {
      const entry = kb.entry(action.id);
      if (!entry) return turn.stale();
      turn.state.lastEntryId = entry.id;
      turn.state.lastEntryRegion = action.region;
      return turn.answerPart(entry, action.section, `section:${action.section}`, { edit: true });
    }
    case 'feedback': {
      const entry = kb.entry(action.id);
      if (!entry) return turn.stale();
      if (!action.helpful) return notHelpful(turn, entry);
      turn.rate(entry, true);
      turn.send(reply.textMessage(turn.ctx, 'feedback.thanks', { footer: true }));
      return turn.outcome({ outcome: 'other', entryId: entry.id, detail: 'feedback:up' });
    }
    case 'region': {
      turn.setRegion(action.region);
      const entry = action.id ? kb.entry(action.id) : undefined;
      // Pressed under a part («Сколько платят»): that part for the region; it was the short answer (citizen audit 7, L4).
      if (entry && action.section && entry.sections[action.section] !== undefined) {
        turn.state.lastEntryId = entry.id;
        turn.state.lastEntryRegion = undefined;
        return turn.answerPart(entry, action.section, `region:section:${action.section}`, { edit: true });
      }
      if (entry) return turn.answer(entry, { edit: true, detail: 'region' });
      if (action.region === 'other') return onElsewhere(turn, undefined);
      turn.send(
        reply.textMessage(turn.ctx, 'region.saved', {
          vars: { region: turn.ctx.t(`regions.${action.region}`) },
          footer: true,
        }),
      );
      return turn.outcome({ outcome: 'other', detail: 'region' });
    }
    case 'handoff':
      return turn.handoff(action.reason, [], `button:${action.reason}`);
    case 'handoff-cancel':
      return cancelHandoff(turn);
    case 'lang':
      turn.setLocale(action.locale);
      turn.state.localeChosen = true;
      turn.send(turn.menu('lang.changed'));
      return turn.outcome({ outcome: 'other', detail: 'lang' });
    case 'forget':
      if (turn.state.pending !== 'forget-confirm') return turn.stale();
      turn.state.pending = undefined;
      if (!action.confirm) {
        turn.send(reply.textMessage(turn.ctx, 'forget.cancelled', { footer: true }));
        return turn.outcome({ outcome: 'other', detail: 'forget_cancelled' });
      }
      turn.effects.push({ type: 'forget' });
      turn.state = { ...initialState(turn.state.locale), greeted: true };
      turn.send(reply.textMessage(turn.ctx, 'forget.done'));
      return;
  }
}

/**
 * A short fingerprint of a message (FNV-1a, 32 bits) to recognise the same message sent twice: the dialog state is
 * stored, and must not keep a copy of what the person wrote (an income typed into the benefit finder, say).
 */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}

/**
 * Voice notes and pictures get a word of their own: people who find typing hard send voice notes, and a photo is
 * often of a passport or a certificate, which we must not ask for.
 */
function unsupportedReplyKey(media: UnsupportedMedia): string {
  if (media === 'voice' || media === 'audio') return 'unsupported.voice';
  if (media === 'photo' || media === 'document') return 'unsupported.document';
  return 'unsupported.message';
}

/**
 * A search outcome this confident, though not enough to answer or to choose among several, offers its best entry
 * as a possibility (the search's own threshold for "did you mean A, B or C?" is 0.3).
 */
const GUESS_MIN_CONFIDENCE = 0.3;

/** The topic of appealing a refusal or any other decision on a benefit (data/topics.yaml). */
const APPEAL_TOPIC = 'appeal-refusal';

/** Letters or digits in any script: a message without them is emoji or punctuation only. */
const HAS_WORDS = /[\p{L}\p{N}]/u;

/** A message of nothing but these says "yes, thank you" or "no" (skin tones and emoji variation marks aside). */
const YES_EMOJI = /^(?:👍|👌|🙏|❤|🤝|😊|☺|🙂|👏|💐|🌹)+$/u;
const NO_EMOJI = /^👎+$/u;

function emojiReaction(text: string): boolean | undefined {
  const bare = text.replace(/\s|\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu, '');
  if (YES_EMOJI.test(bare)) return true;
  if (NO_EMOJI.test(bare)) return false;
  return undefined;
}

/** Mostly Cyrillic letters: a message written in Russian. */
function writtenInRussian(text: string): boolean {
  const cyrillic = text.match(/[а-яё]/giu)?.length ?? 0;
  const latin = text.match(/[a-z]/giu)?.length ?? 0;
  return cyrillic >= 3 && cyrillic >= 2 * latin;
}

/** Crying, a broken heart, despair: a message of these alone says the person is in distress. */
const DISTRESS_EMOJI =
  /[\u{1F622}\u{1F62D}\u{1F625}\u{1F61E}\u{1F614}\u{1F494}\u{1F630}\u{1F628}\u{1F97A}\u{1F629}\u{1F62B}]/u;

function onText(turn: Turn, raw: string): void {
  const { deps, state } = turn;
  const text = raw.trim();
  if (!HAS_WORDS.test(text)) {
    // 👍 or 🙏 under an answer is the citizen's "yes, it helped"; with no answer before it, or while a consultant or
    // a flow holds the chat, it is a message without words like any other.
    const reaction = emojiReaction(text);
    if (reaction !== undefined && state.lastEntryId && !state.handoff && !state.flow)
      return onYesNo(turn, reaction);
    // 😭, 💔 alone: a person in distress is answered warmly, not asked for words (citizen audit 6).
    const key = DISTRESS_EMOJI.test(text) ? 'empty.distress' : 'empty.message';
    turn.send(reply.textMessage(turn.ctx, key, { footer: true }));
    return turn.outcome({ outcome: 'other', detail: 'empty' });
  }
  // A phone set to English, its owner writing in Russian (common in Russia): the English interface around Russian
  // answers was the result (a web chat audit). Russian from then on, unless English was picked with /lang.
  if (state.locale === 'en' && !state.localeChosen && writtenInRussian(text)) {
    turn.setLocale('ru');
    turn.leadNextReply(parseRichText(deps.translator.t('ru', 'lang.switched_ru')));
  }
  const normalized = text.toLowerCase().replace(/\s+/g, ' ');
  // In a questionnaire the same "нет" answers one question after another; elsewhere it is a double send.
  if (
    !state.flow &&
    state.lastText &&
    state.lastText.text === fingerprint(normalized) &&
    deps.now - state.lastText.at < REPEAT_WINDOW_MS
  ) {
    // The same message again within seconds (a double tap, a flaky connection): answered already.
    return turn.outcome({ outcome: 'other', detail: 'repeat' });
  }
  turn.state.lastText = { text: fingerprint(normalized), at: deps.now };
  const offered = state.pending === 'handoff-offer';
  // «Да» typed to «Удалить всю нашу переписку…?» is the «Да, удалить» button: it got «Хорошо. Напишите вопрос…»,
  // which read as done, and nothing was deleted (a verification pass).
  const deletion = state.pending === 'forget-confirm' ? typedForgetAnswer(text) : undefined;
  if (deletion !== undefined) return onButton(turn, encodePayload({ a: 'forget', confirm: deletion }));
  turn.state.pending = undefined;
  const choices = (state.choices ?? []).map((id) => deps.kb.entry(id)).filter((e) => e !== undefined);
  const choicesSection = state.choicesSection;
  turn.state.choices = undefined;
  turn.state.choicesSection = undefined;
  const askedPayment = state.sharePayment;
  turn.state.sharePayment = undefined;
  const askedIncome = state.shareIncome;
  turn.state.shareIncome = undefined;
  // «3», «третье» right after "which of these do you mean?": the choice of that number, as its button (the part it
  // was offered for, if any).
  const picked = !state.flow && choices.length > 1 ? typedChoice(text, CHOICE_PLACES) : undefined;
  // A number past the last choice («4» under three and the consultant's button): the choices again. It was searched,
  // and «4» was answered with whatever entry has a 4 in it (a verification pass).
  if (picked !== undefined && picked >= choices.length)
    return turn.offerChoices(choices, { section: choicesSection, detail: 'typed-choice:again' });
  if (picked !== undefined) {
    const entry = choices[picked]!;
    return onButton(
      turn,
      encodePayload(
        choicesSection && entry.sections[choicesSection] !== undefined
          ? { a: 'section', id: entry.id, section: choicesSection }
          : { a: 'entry', id: entry.id },
      ),
    );
  }

  // After a card, «а до скольки лет платят» is read as «а до какого возраста платят» (see ageAskedInWords).
  const query = state.lastEntryId
    ? ageAskedInWords(text.slice(0, MAX_QUERY_CHARS))
    : text.slice(0, MAX_QUERY_CHARS);
  const region = deps.understanding.region(query);
  const place = deps.understanding.place(query);
  const previousRegion = state.region;
  if (region && region !== previousRegion) turn.setRegion(region);
  // Elsewhere in Russia ("я живу в саратове", "из Саратова", "другой регион"): remembered for the conversation, so
  // that answers say this region's own measures are not in our data instead of asking for the region again, and
  // regional questions are not answered with Perm or Volgograd figures (a citizen audit).
  const elsewhere = !region && place?.region === 'other' && place.own ? place : undefined;
  if (
    elsewhere &&
    (previousRegion !== 'other' ||
      (elsewhere.otherRegion !== undefined && elsewhere.otherRegion !== state.otherRegion))
  ) {
    turn.setRegion('other', elsewhere.otherRegion);
    turn.regionNamedNow = true;
  }

  const known = region ?? turn.state.region;
  // The year in UTC: on New Year's night Russia's east is a few hours ahead, and the cost is a year weighed as another.
  const currentYear = new Date(deps.now).getUTCFullYear();
  const searchContext = known ? { region: known, currentYear } : { currentYear };
  // «у мужа пенсия 20000»: a relative's words beside their sum say whose it is, not what is asked; searched as they
  // were, «мужа» found the retirement age (income-owner.ts).
  const ownSumsDropped = withoutOwnIncomeSums(query);
  const ownerless = ownSumsDropped ? withoutIncomeOwner(query) : undefined;
  let result = deps.search.search(ownerless ?? query, searchContext);
  // «заявление номер 1234567890 … когда рассмотрят»: the number asks for a look-up the assistant cannot do, the
  // question around it has an answer. It got only «Я не вижу личные дела…» (citizen audit 4, H7).
  const around = result.intent === 'personal_case' ? withoutLookUpNumbers(query) : undefined;
  const general = around ? deps.search.search(around, searchContext) : undefined;
  const answersAround = general?.band === 'answer' && general.intent === undefined;
  if (answersAround) result = general;
  // «пенсия 12000 мне доплатят»: the question without the person's own figure, when it alone is answered. And an
  // answer that stands only on the figure is none: «у мужа пенсия была 25 тысяч сколько мне дадут» was the unified
  // benefit, whose «25%» the «25» matched (the entries' own sums are filled in at answer time; the search never sees
  // them).
  const withoutOwn = ownerless ? withoutOwnIncomeSums(ownerless) : ownSumsDropped;
  const ownless = withoutOwn ? deps.search.search(withoutOwn, searchContext) : undefined;
  const answered = (found: SearchOutcome) => found.band === 'answer' && found.intent === undefined;
  // The figure did not make the answer when the question without it leads with the same entry («пенсия 11000 не
  // хватает»: the supplement either way, so the answer stays, not the choices the shorter words give).
  const sameLead = (found: SearchOutcome) => found.hits[0]?.entryId === result.hits[0]?.entryId;
  if (
    ownless &&
    (result.band === 'answer'
      ? answered(result) && !answered(ownless) && !sameLead(ownless)
      : answered(ownless))
  )
    result = ownless;
  // «мне 70 лет женщина пенсия 12000 доплатят», «я 1962 года рождения женщина пенсия маленькая доплата положена»: who
  // asks weighed as words no entry has, and got «Я не уверен» or choices (audit 8, follow-ups). The question without
  // them, when it answers with an entry found with them, is the answer. Not where the retirement age is among those
  // found (its table answers for the person), nor after an answer (a follow-up is read against it).
  const described =
    result.band !== 'answer' && result.intent === undefined && !state.lastEntryId
      ? withoutDescription(withoutOwn ?? query)
      : undefined;
  const undescribed = described ? deps.search.search(described, searchContext) : undefined;
  const undescribedFirst = undescribed?.hits[0]?.entryId;
  if (
    undescribed?.band === 'answer' &&
    undescribed.intent === undefined &&
    result.hits.some((h) => h.entryId === undescribedFirst) &&
    !result.hits.some((h) => {
      const entry = deps.kb.entry(h.entryId);
      return entry !== undefined && ageTable(entry) !== undefined;
    })
  )
    result = undescribed;
  // «Consultant please»: what happens next in English, before the Russian replies (citizen audit 4, H10).
  if (result.inEnglish && state.locale !== 'en')
    turn.leadNextReply(parseRichText(deps.translator.t(state.locale, `in_english.${result.intent}`)));
  if (result.intent === 'crisis') return onCrisis(turn, result);
  // A СНИЛС, a passport or a card number sent: not to send them, said with whatever the reply is (they are not kept:
  // the runner stores the text without them).
  if (hasIdentityNumbers(text))
    turn.leadNextReply(parseRichText(deps.translator.t(state.locale, 'privacy_numbers')));
  // Once a day: «сын погиб на сво» → «а сколько платят матери погибшего» → «а документы для матери погибшего» began
  // each reply with «Примите мои соболезнования.» (citizen audit 8, helper K).
  if (
    tellsOfBereavement(query) &&
    !(state.condoledAt !== undefined && deps.now - state.condoledAt < CONDOLENCE_GAP_MS)
  ) {
    turn.leadNextReply(parseRichText(deps.translator.t(state.locale, 'bereavement')));
    turn.state.condoledAt = deps.now;
  }

  // The chat is with a consultant: the message is theirs (it is in the transcript), not the search's.
  if (state.handoff && onWaitingText(turn, text, result)) return;
  // "Да", "давайте", "зовите" right after «Могу позвать консультанта.»: the offer taken up, as its button does.
  if (offered && isTypedAcceptance(text)) return turn.handoff('user_request', [], 'typed:offer');

  // A menu button's label typed as words does what the button does, also in the middle of a flow (a place named
  // "подать жалобу" is not one), unless it asks for a part the last answer has ("куда обратиться" after an answer is
  // where to apply for it).
  const lastEntry = turn.lastAnswer();
  if (isTypedForget(query)) return onCommand(turn, 'forget', '');
  // The same for the buttons of the last answer's parts, by the names they show.
  const typedPart = lastEntry && !state.flow ? typedSectionButton(turn, lastEntry, query) : undefined;
  if (typedPart) return onButton(turn, typedPart);
  const typedButton = typedMenuButton(turn, query);
  const activeFlow = state.flow ? deps.flows?.find((f) => f.code === state.flow?.code) : undefined;
  if (typedButton) {
    // A region's name in the middle of a flow («пермский край» when the benefit finder asks where one lives) is the
    // flow's answer first; it opened the region's menu and left the questionnaire (a verification pass).
    if (isRegionCategory(typedButton) && activeFlow?.onText?.(turn, text, result)) return;
    // Or a part another entry of the card's measure has: «а куда идти» after who may get the housing subsidy, whose
    // «Как подать» is its application's entry, got the office finder where «а куда подавать» got that part (helper F).
    const part = lastEntry ? deps.understanding.sectionRequest(query) : undefined;
    if (!(lastEntry && part && measureHasPart(turn, lastEntry, part))) return onButton(turn, typedButton);
  }

  if (activeFlow?.onText?.(turn, text, result)) return;
  // Said only where the search's answer follows it, and after the warning about a СНИЛС sent with it: in a complaint's
  // story «…А в общем случае:» was left with nothing after it (citizen audit 6, verification pass 6).
  if (answersAround)
    turn.leadNextReply(parseRichText(deps.translator.t(state.locale, 'personal_case.number_lead')));
  if (state.flow) turn.state.flow = undefined;
  // A flow may take the question as a request of its own ("а куда идти во фролово" is the agency finder's).
  const shown = lastEntry ? [lastEntry] : choices;
  if (deps.flows?.some((f) => f.onQuestion?.(turn, text, shown))) return;
  // «у меня пенсия 15000 плачу 4000 положено?» after the housing subsidy's 22% rule, «а на двоих детей» after the
  // unified benefit's amount for each child: worked out from the card's own figures (citizen audit 7, M3 and L12).
  // After it, a sum that gives no share is answered too: «…и еще внук живет со мной он работает» with the rule of the
  // whole family's income (it got choices of the survivor's pension and the carers), «я плачу за коммуналку 7000» with
  // a question for the income (it got the card again; audit 8, M3 and L5).
  // «пенсия 12000» with no payment is asked what one pays, unless the search answers it with another measure.
  const answeredElsewhere =
    result.band === 'answer' && lastEntry !== undefined && result.hits[0]?.topic !== lastEntry.topic;
  // «4000» alone, the answer to what the last reply asked, is «vague» to the search.
  if (
    lastEntry &&
    (result.intent === undefined || result.intent === 'vague') &&
    answeredByShare(turn, query, lastEntry, {
      followUp: true,
      askedPayment,
      askedIncome,
      answeredElsewhere,
    })
  )
    return;
  // «у меня пенсия 13 тысяч», «а у меня 14000» after the supplement to the pensioner's minimum: set beside the card's
  // own figure for the region (audit 8, M7). «14000» alone may be «vague» to the search.
  if (
    lastEntry &&
    (result.intent === undefined || result.intent === 'vague') &&
    answeredByThreshold(turn, query, lastEntry)
  )
    return;
  // «у него пенсия была 25 тысяч» after the survivor's pension: how its sum is set (it was «Я не уверен», «у мужа
  // пенсия была 30 тысяч» the retirement age's card).
  if (
    lastEntry &&
    (result.intent === undefined || result.intent === 'vague') &&
    answeredByOthersPension(turn, query, lastEntry, entriesForWidows(deps.kb.entries))
  )
    return;
  // The same in a question the search answers with the subsidy: «квартплата большая 6000 а пенсия 18000 положена
  // субсидия?» got the 22% rule, and the person had to do the sum (citizen audit 7, L1).
  const top = result.band === 'answer' && result.hits[0] ? deps.kb.entry(result.hits[0].entryId) : undefined;
  if (top && result.intent === undefined && answeredByShare(turn, query, top)) return;
  // Or one the search is unsure of, the subsidy among its choices, that names housing: «плачу 4000 за квартиру а
  // пенсия 15000 это много?» got choices with the maternity capital (audit 8, M3).
  const shareChoice =
    result.band === 'clarify' && result.intent === undefined && readShare(query)?.kind === 'share'
      ? result.hits
          .map((h) => deps.kb.entry(h.entryId))
          .find((e) => e !== undefined && shareRule([e], deps.kb.figures) !== undefined)
      : undefined;
  if (shareChoice && namesHousing(query) && answeredByShare(turn, query, shareChoice)) return;
  // «а на пятерых» is «vague» to the search (no word of it is in the base's texts; audit 8, M2).
  if (
    lastEntry &&
    (result.intent === undefined || result.intent === 'vague') &&
    answeredPerChild(turn, query, lastEntry, sameMeasureEntries(turn, lastEntry))
  )
    return;
  if (result.intent === undefined && answeredByAmount(turn, query, result, choices)) return;

  // A message of nothing but a place ("я из саратова", "я из волжского", "Я ЖИВУ В КАМЫШИНЕ"): the region is
  // updated and said so, about the answer before it if there is one. «я из волжского» after an answer got
  // "which of these?" with Volgograd's contacts and parental capital (a citizen audit).
  // "Куда обращаться в саратове" has nothing to search by but the place: the same, with where to ask there.
  if (place?.region === 'other' && (place.only || result.intent === 'vague')) {
    // Where to go there is asked by someone who lives there, though no word says so.
    if (!elsewhere) turn.setRegion('other', place.otherRegion);
    return onElsewhere(turn, lastEntry);
  }
  if (place?.only && region && lastEntry) return onFollowUp(turn, query, lastEntry, region, currentYear);
  // A town of a served region and nothing else, with no answer before it («камышин»): the region, and what next.
  // It got «Запомнил…» and then «С этим вопросом я не помогу» (a verification pass).
  if (place?.only && region && !lastEntry && result.band !== 'answer') {
    turn.leadNextReply(reply.regionSaved(turn.ctx, region));
    // «а в волгограде сколько» right after "which of these?": the same choices, now for that region (it got the
    // main menu, and the question was lost; citizen audit 5, H4).
    // Another region's own measures among them become this region's, where the base has them, or are left out.
    const forRegion = [
      ...new Set(
        choices.flatMap((c) => {
          if (c.regions.includes('federal') || c.regions.includes(region)) return [c];
          const counterpart = regionalCounterpart(deps.kb, c, region);
          return counterpart ? [counterpart] : [];
        }),
      ),
    ];
    // One left: answered, not offered alone («выплаты в перми / а в волгограде»; a verification pass).
    if (forRegion.length === 1) return turn.answer(forRegion[0]!, { detail: 'region:named:choice' });
    if (forRegion.length > 0) {
      const section = deps.understanding.sectionRequest(query) ?? choicesSection;
      return turn.offerChoices(forRegion, {
        detail: 'region:named:choices',
        ...(section ? { section } : {}),
      });
    }
    turn.send(turn.menu('region.other_ask'));
    return turn.outcome({ outcome: 'other', detail: 'region:named' });
  }
  // «я живу в даниловке», «мы из оси»: a place no list names, and nothing else. It was out of scope. The region is
  // asked, unless known: a place the lists lack says nothing of which region it is in.
  if (
    !place &&
    result.band !== 'answer' &&
    (result.intent === undefined || result.intent === 'off_topic' || result.intent === 'vague') &&
    deps.understanding.unlistedPlace?.(query)
  ) {
    turn.send(turn.state.region ? turn.menu('region.other_ask') : reply.unlistedPlaceAsk(turn.ctx));
    return turn.outcome({ outcome: 'other', detail: 'region:unlisted-place' });
  }
  // A region named with a question ("я живу в саратове какие выплаты на детей"), a served one with nothing else, or
  // instead of the one remembered ("а нет, я в перми живу" after "из саратова"): said before what answers it.
  if (turn.regionNamedNow) turn.leadNextReply(reply.otherRegionNote(turn.ctx, 'region.other_saved'));
  else if (region && region !== previousRegion && (place?.only || previousRegion !== undefined))
    turn.leadNextReply(reply.regionSaved(turn.ctx, region));

  // «не понимаю что нажимать» right after an answer is lost in that answer: its parts, as for «не понял»; the help
  // comes with no answer before it, or once the parts were offered.
  if (result.intent === 'not_understood' || result.intent === 'usage') {
    if (lastEntry && state.partsOfferedFor !== lastEntry.id) return offerParts(turn, lastEntry);
  } else if (result.intent !== 'unhelpful') {
    // Any other text moves on: a later "не понял" is about whatever comes next ("не помогло" is about the same).
    turn.state.partsOfferedFor = undefined;
  }
  // «а жена 1967 года рождения» after the retirement age: the table's line for her, not choices of the survivor's
  // pension and a Perm birth payment (citizen audit 7, M5). «мне 62 года» alone too (it offered the card's parts).
  if (
    lastEntry &&
    !region &&
    (isShortFollowUp(query, SITUATION_FOLLOW_UP_WORDS) || describesOnlyAge(query)) &&
    (result.band !== 'answer' || result.hits[0]?.entryId === lastEntry.id) &&
    personalAge(lastEntry, query, currentYear)
  ) {
    turn.send(reply.personalAgeMessage(turn.ctx, lastEntry));
    return turn.outcome({
      outcome: 'answer',
      entryId: lastEntry.id,
      topics: [lastEntry.topic],
      detail: 'follow-up:age',
    });
  }
  // «мне 62 года» alone after another card or choices of the pension («когда пенсия»): when the pension comes for that
  // age, the retirement age's card with the table's lines for it (it was the off-topic refusal).
  const retirement =
    !region &&
    result.band !== 'answer' &&
    describesOnlyAge(query) &&
    shown.some((e) => speaksOfPension(e.title))
      ? deps.kb.entries.find((e) => personalAge(e, query, currentYear)?.lines.length)
      : undefined;
  if (retirement) return turn.answer(retirement, { detail: 'follow-up:age:retirement' });
  const section = lastEntry ? sectionAsked(turn, query, lastEntry) : undefined;
  // Search found something for the message on its own: it names a subject the section cues did not catch.
  const searchFound = (result.band === 'answer' || result.band === 'clarify') && result.hits.length > 0;
  // A follow-up about a part the last answer lacks, when search found something else for it, is a new question
  // ("внук живёт со мной, можно ли получать пособие" after the housing subsidy): "this answer has no such part"
  // would answer the wrong question.
  if (lastEntry && section && !(lastEntry.sections[section] === undefined && searchFound)) {
    let source = sectionSource(turn, lastEntry, section);
    if (source.sections[section] === undefined) {
      const elsewhere = partElsewhere(
        query,
        lastEntry,
        section,
        entriesOfCategory(deps.kb, lastEntry),
        result.hits.map((h) => h.entryId),
        deps.understanding,
      );
      if (elsewhere.length > 1)
        return turn.offerChoices(elsewhere, { section, detail: `follow-up:${section}:choices` });
      if (elsewhere[0]) source = elsewhere[0];
    }
    const onAmount =
      section === 'amount' && source.sections.amount === undefined ? lineOnAmount(lastEntry) : undefined;
    if (onAmount) return quoteLine(turn, lastEntry, onAmount);
    if (source !== lastEntry) turn.showing(source, turn.state.lastEntryRegion);
    if (section === 'documents' && whereDocumentsAreNamed(turn, source, 'follow-up:documents:apply')) return;
    // «а куда идти» of someone who named their town: its offices one tap away (citizen audit 4, H6). «а мне?»: the
    // finder, which tells what is due to the family.
    const offers =
      section === 'apply' || (section === 'eligibility' && isBarePersonalFollowUp(query))
        ? turn.flowOffers(source)
        : [];
    return turn.answerPart(
      source,
      section,
      source === lastEntry ? `follow-up:${section}` : `follow-up:${section}:topic`,
      { offers },
    );
  }
  // "а сколько платят?" with no answer before it asks about some measure: not an off-topic question ("какие
  // документы на рыбалку" is one, and is not bare).
  const bareSection =
    !lastEntry && !searchFound && (result.intent === undefined || result.intent === 'vague')
      ? deps.understanding.sectionRequest(query, { bare: true })
      : undefined;
  if (bareSection && choices.length > 0) {
    const chosen = choiceForPart(bareSection, choices, (title) => deps.understanding.sectionRequest(title));
    // Opened as its button opens it, so that the part is the answer shown and «а документы» next reads against it.
    if (chosen) return onButton(turn, encodePayload({ a: 'section', id: chosen.id, section: bareSection }));
    return turn.offerChoices(choices, { section: bareSection, detail: `follow-up:${bareSection}:choices` });
  }
  // "Нет" to "which of these do you mean?" is its "none of these" button; "да" to the one entry offered as a
  // possibility ("возможно, вы об этом") opens it.
  if (result.intent === 'disagree' && choices.length > 0) {
    // Out of hours the queue means "ответят в понедельник" and every later question goes there: offered, as for 👎.
    const when = reopening(turn);
    if (when === undefined) return turn.handoff('not_found', [], 'intent:disagree');
    offerConsultant(turn, reply.handoffOffer(turn.ctx, 'not_sure.none_closed', { when }));
    return turn.outcome({ outcome: 'other', detail: 'intent:disagree:closed' });
  }
  if (result.intent === 'agree' && choices.length === 1)
    return turn.answer(choices[0]!, { detail: 'intent:agree' });
  if (bareSection) {
    turn.send(turn.menu('answer.which_measure'));
    return turn.outcome({ outcome: 'clarify', detail: `follow-up:${bareSection}:no-answer` });
  }

  if (top && deps.flows?.some((f) => f.onAnswer?.(turn, query, top))) return;

  // «а доплата» after "which of these?": the choice it names, or the choices again, not "I cannot help with this".
  if (
    !lastEntry &&
    choices.length > 0 &&
    result.band === 'out_of_scope' &&
    result.intent === undefined &&
    !region &&
    isShortFollowUp(query)
  ) {
    const named = choicesNamed(query, choices);
    if (named.length === 1) return turn.answer(named[0]!, { detail: 'follow-up:choice' });
    return turn.offerChoices(named, { detail: 'follow-up:choices' });
  }

  // «а на ремонт можно» at the maternity capital choices got the capital-repair compensation for pensioners: a short
  // «а …» at choices is read against their measures first, searched again with each choice's topic (verification
  // audit 8, H5). Only an answer that is one of the choices is taken.
  // Or a longer one the search is unsure of: «а если я еще работаю льготы дадут» at the labour veteran's choices got
  // «Я не уверен…» and the pensioners' overview (audit 8, n05); read with the topic's title it is the veteran's benefits,
  // whose «работающему ветерану…» answers it.
  const ofChoices =
    !lastEntry &&
    choices.length > 0 &&
    !region &&
    result.intent === undefined &&
    (isShortFollowUp(query) ||
      (!top && UNSURE_BANDS.has(result.band) && isShortFollowUp(query, SITUATION_FOLLOW_UP_WORDS)))
      ? answerAmongChoiceTopics(turn, query, choices, top, searchContext)
      : undefined;
  if (ofChoices) return turn.answer(ofChoices, { detail: 'follow-up:choices:topic' });

  if (
    lastEntry &&
    // «а в Перми?», «а у нас в волгограде»: the answer's question asked again for a region (it was answered with the
    // region's contacts, the only entry naming the town, dropping the subject: a citizen audit).
    ((result.band === 'out_of_scope' && result.intent === undefined) || (region && isShortFollowUp(query)))
  )
    return onFollowUp(turn, query, lastEntry, region, currentYear, result);
  // "а в перми?" after "which of these?" with another region's measure among the choices: the named region's own.
  const counterpart =
    !lastEntry && region && isShortFollowUp(query)
      ? choices.map((c) => regionalCounterpart(deps.kb, c, region)).find((e) => e !== undefined)
      : undefined;
  if (counterpart) return turn.answer(counterpart, { detail: 'follow-up:region' });
  // «а мне самой положена? я не работаю сижу с младшим» after the survivor's pension, «а закон про 10 процентов уже
  // действует?» after the rule: the line of the answer shown that says so, not choices of other entries or the same
  // answer again (a citizen audit). What the search answers with another entry is a question of its own if it names
  // that entry's subject, unless it asks for someone («а мне…», «а мужу…»): whether the answer shown holds for them.
  const read = deps.understanding.statedTerms;
  // «до какого возраста платят» after a card, «а» first or not: an age of the card's measure (see ageAsked).
  const ofAge = lastEntry && !region ? ageAsked(query, read) : undefined;
  const quoted =
    lastEntry &&
    !region &&
    // Alimony not paid is the courts' («а если алименты не платит вообще»), and a line of the answer on the unified
    // benefit with alimony says what it means for the benefit (it got the off-topic reply; citizen audit 4, H11).
    (result.intent === undefined || result.intent === 'off_topic') &&
    (!top ||
      top.id === lastEntry.id ||
      isPersonalFollowUp(query) ||
      // «а если я работаю на полставки» after the disabled child's measures: whether they hold then, not the childcare
      // benefit of another topic the search found for it («Пособие сохраняется…»; citizen audit 5, H1).
      (isConditionFollowUp(query) && top.topic !== lastEntry.topic) ||
      !namesOtherSubject(top, lastEntry, query, read)) &&
    (isShortFollowUp(query, SITUATION_FOLLOW_UP_WORDS) ||
      (ofAge !== undefined && isShortMessage(query, SITUATION_FOLLOW_UP_WORDS)))
      ? lineOfMeasure(
          lastEntry,
          deps.kb.entriesOfTopic(lastEntry.topic),
          query,
          read,
          top !== undefined && top.id !== lastEntry.id && !isPersonalFollowUp(query),
        )
      : undefined;
  if (quoted) {
    const subject = lastEntry && entryOfSubjectAsked(turn, query, lastEntry, quoted.entry, result);
    if (subject) return answerSubjectAsked(turn, query, subject);
    const amountFrom = lastEntry && amountElsewhere(turn, query, lastEntry, quoted.line);
    if (amountFrom) return answerAmountOf(turn, amountFrom);
    if (quoted.entry !== lastEntry) turn.showing(quoted.entry, turn.state.lastEntryRegion);
    return quoteLine(turn, quoted.entry, quoted.line);
  }
  if (
    lastEntry &&
    (result.intent === undefined || result.intent === 'off_topic') &&
    answerAgeAsked(turn, lastEntry, query, ofAge, result)
  )
    return;
  // «а если муж не платит алименты» after the unified benefit: its own entry on alimony, not the courts' off-topic
  // reply; «а если учится в колледже» after it: its rules on who counts in the family, not students' maternity pay
  // (citizen audit 7, H4 and H8). A new question's own answer stands (see entryOfShownTopic).
  const ofTopic =
    lastEntry &&
    !region &&
    (result.intent === undefined || result.intent === 'off_topic') &&
    // Or a short one without «а» the search is unsure of: «сколько процентов от дохода» after how to apply for the
    // housing subsidy got choices of the unified benefit's income and the large families' 10% (citizen audit 7, M3).
    (isShortFollowUp(query, SITUATION_FOLLOW_UP_WORDS) ||
      (result.band === 'clarify' && isShortMessage(query, SHORT_FOLLOW_UP_WORDS)))
      ? entryOfShownTopic(turn, query, lastEntry, result, currentYear)
      : undefined;
  if (ofTopic && ofTopic !== lastEntry)
    return turn.answer(ofTopic, { confidence: result.confidence, detail: 'follow-up:topic' });
  // «а мне положено у меня 2 детей зарплата 40 тыс» after the family payment asks whether it is due to them: its «Кто
  // может получить», and the finder, not the childcare benefit the search found for «детей» and «зарплата» (citizen
  // audit 7, H5).
  if (
    ofTopic &&
    ofTopic === lastEntry &&
    isPersonalFollowUp(query) &&
    ofTopic.sections.eligibility !== undefined
  )
    return turn.answerPart(ofTopic, 'eligibility', 'follow-up:eligibility:personal', {
      offers: turn.flowOffers(ofTopic),
    });
  // A condition put to the answer shown that it has no line for is still about it: «а если я работаю удаленно»
  // after the disabled child's measures got the childcare benefit's «Пособие сохраняется…», «а если муж работает»
  // the survivor's pension (a verification pass). Its parts and the consultant, not another category's card; nor
  // choices all of other categories: «а если я живу с сыном он не инвалид» after the 50% utility compensation got the
  // disabled child's measures, the carer payment and the social pensions, «а если устроюсь на полставки» after the
  // care of the over-80s the employment centre and the childcare benefit (audit 8, n04, and its carers' follow-ups).
  const ofOtherCategory = (e: KnowledgeEntry | undefined) =>
    lastEntry !== undefined &&
    e !== undefined &&
    deps.kb.topic(e.topic)?.category !== deps.kb.topic(lastEntry.topic)?.category;
  // Or, where the condition says what is not so, of the card's category but not named by it: «а если я живу с сыном
  // он не инвалид» after the care of the over-80s got the disabled child's measures (drawn by the «инвалид» it denies),
  // the carer payment and the social pensions' indexation, whose title it names nothing of (helper O's note, audit
  // 8's follow-ups; helper Q). Without a «не» such choices stay: «а если доход маленький» may want the social contract.
  const negates = NEGATION.test(comparableText(query));
  const chanceChoice = (e: KnowledgeEntry | undefined) =>
    ofOtherCategory(e) ||
    (negates && lastEntry !== undefined && e !== undefined && !namesOtherSubject(e, lastEntry, query, read));
  if (
    lastEntry &&
    !region &&
    (top
      ? ofOtherCategory(top) && isConditionFollowUp(query)
      : result.band === 'clarify' &&
        result.intent === undefined &&
        result.hits.length > 0 &&
        isConditionPut(query) &&
        result.hits.every((h) => chanceChoice(deps.kb.entry(h.entryId)))) &&
    isShortFollowUp(query, SITUATION_FOLLOW_UP_WORDS)
  ) {
    turn.send(reply.partsOffer(turn.ctx, lastEntry, 'answer.vague_after_answer'));
    return turn.outcome({ outcome: 'other', entryId: lastEntry.id, detail: 'follow-up:condition' });
  }
  const inContext =
    lastEntry &&
    result.band === 'clarify' &&
    result.intent === undefined &&
    !region &&
    isShortMessage(query, SHORT_FOLLOW_UP_WORDS)
      ? choiceOfMeasure(turn, query, lastEntry, result, currentYear)
      : undefined;
  if (inContext)
    return turn.answer(inContext, { confidence: result.confidence, detail: 'follow-up:choice-in-context' });

  // Unpaid wages with nothing to feed the children: where the wages go, then the help with food. A power cut for
  // debts: where the cut goes, then the help with paying that the rule offers (its own bridge).
  if (result.redirect && result.intent !== 'off_topic')
    for (const key of [
      `out_of_scope.where.${result.redirect}`,
      result.offered ? `out_of_scope.offered.${result.redirect}` : 'need.bridge',
    ])
      turn.leadNextReply(parseRichText(deps.translator.t(state.locale, key)));
  if (text.length > MAX_QUERY_CHARS)
    turn.leadNextReply(parseRichText(deps.translator.t(state.locale, 'long.note')));
  // Searched whole, a letter of several questions may also be answered confidently by one of them: the others were
  // dropped unsaid («Первый: когда придёт единое пособие? Второй: можно ли маткапитал на машину?», a citizen audit).
  if (result.intent === undefined) {
    const several = answersToEach(turn, query, known, currentYear);
    if (several) return answerSeveral(turn, several, true, query);
  }
  // A letter joining its needs in one sentence («…и сколько это стоит, а также положена ли ей доплата…»): the answer
  // the whole letter found, with a button for each other need; unsure of the whole, the needs' own answers.
  const needs =
    result.intent === undefined
      ? answersToNeeds(turn, query, known, currentYear)
      : { entries: [], firstAnswered: false, unanswered: [] };
  // Sure of the whole, too, when it found a later need's answer: the first need's first («…единое пособие, … и ещё
  // положен ли региональный капитал…» got the capital with a button to the benefit; citizen audit 8, M1).
  const wholeIsLater =
    needs.firstAnswered && needs.entries.slice(1).some((e) => e.id === result.hits[0]?.entryId);
  const several = (result.band !== 'answer' || wholeIsLater) && needs.entries.length >= 2;
  // A need no answer covers is said to be a consultant's, not dropped unsaid: «…и ещё положен ли ему бесплатный
  // проезд?» (the knowledge base has nothing on it) and «…кроме того можно ли лекарства бесплатно получать» (a
  // choice of the social package's entries) were left out of the reply (citizen audit 8, H8 l19 and M1 a04).
  const shownId = several
    ? needs.entries[0]?.id
    : result.band === 'answer'
      ? result.hits[0]?.entryId
      : undefined;
  const left = shownId === undefined ? [] : needs.unanswered.filter((n) => !n.hits.includes(shownId));
  const note: RichText =
    left.length === 0
      ? []
      : parseRichText(
          turn.ctx.t(left.length === 1 ? 'answer.need_unanswered' : 'answer.needs_unanswered', {
            needs: left.map((n) => n.clause).join('», «'),
          }),
        );
  if (several) return answerSeveral(turn, needs.entries, needs.firstAnswered, query, note);
  onSearchResult(turn, result, query, needs.entries, note);
}

/**
 * Of the choices the search offers for a short follow-up, the one of the answer's own topic: the only one, or the one
 * the search answers with when it reads the follow-up with the answer's title. «а какие льготы дает» after how to get
 * the labour veteran title got choices of the low-income status, the pensioners' property tax and the labour
 * veteran's benefits; «можно на ремонт потратить?» after the maternity capital for education offered the capital
 * repair compensation for pensioners (a tester's report). Both ask about the measure talked about.
 */
function choiceOfMeasure(
  turn: Turn,
  query: string,
  entry: KnowledgeEntry,
  result: SearchOutcome,
  currentYear: number,
): KnowledgeEntry | undefined {
  const ofTopic = result.hits
    .map((h) => turn.deps.kb.entry(h.entryId))
    .filter((e): e is KnowledgeEntry => e !== undefined && e.topic === entry.topic && e.id !== entry.id);
  if (ofTopic.length <= 1) return ofTopic[0];
  const known = turn.state.region;
  const again = turn.deps.search.search(
    `${query} ${entry.title}`,
    known ? { region: known, currentYear } : { currentYear },
  );
  const id = again.band === 'answer' ? again.hits[0]?.entryId : undefined;
  return ofTopic.find((e) => e.id === id);
}

/** A word that says what is not so: «он не инвалид». */
const NEGATION = /(^| )(не|нет)( |$)/;

/** A message this short right after an answer, «можно на ремонт потратить?» with no «а» first, goes on with it. */
const SHORT_FOLLOW_UP_WORDS = 5;

/** A follow-up with a situation in it, «а мне самой положена? я не работаю сижу с младшим», is this long at most. */
const SITUATION_FOLLOW_UP_WORDS = 10;

/**
 * Where a follow-up's part comes from: the answer shown, or when it has no such part, the entry of the same measure
 * (its topic) that has it, its overview first. "а документы?" after the unified benefit's amount was "this answer has
 * no Documents part", though the benefit's overview has one (a citizen audit; it was the README's own example).
 */
function sectionSource(turn: Turn, entry: KnowledgeEntry, section: SectionKey): KnowledgeEntry {
  return (
    measureEntryWithPart(turn, entry, section) ??
    (section === 'appeal' ? generalAppeal(turn) : undefined) ??
    entry
  );
}

/** Whether the card or another entry of its measure (see sameMeasureEntries) has the part. */
function measureHasPart(turn: Turn, entry: KnowledgeEntry, section: SectionKey): boolean {
  return measureEntryWithPart(turn, entry, section) !== undefined;
}

/**
 * The part a follow-up asks for, also when it names the answer's own measure: «а сколько доплатят» after the pension
 * supplement is its «Сколько платят» («доплатят» named a subject of its own, and a line was quoted instead; citizen
 * audit 5, M2). In a short follow-up, words of the answer's title are left out before the cues are read.
 */
function sectionAsked(turn: Turn, text: string, entry: KnowledgeEntry): SectionKey | undefined {
  const { understanding } = turn.deps;
  // «у мужа пенсия была 25 тысяч сколько мне дадут» after the survivor's pension: the sum says whose income, the
  // rest asks the amount (the sum made it a new question, and the unified benefit's «25%» answered it).
  const query = withoutOwnIncomeSums(text) ?? text;
  const asked = understanding.sectionRequest(query);
  // «а детям до скольки лет» after the survivor's pension asks an age, which its line «…до 18 лет, студентам очной
  // формы — до 23 лет» says; «скольки» was read as «сколько» and the amount part shown (audit 8, M7).
  if (asked === 'amount' && ASKS_AGE.test(comparableText(query))) return undefined;
  if (asked) return asked;
  // «а мне?» after the unified benefit's amount, «а мне 25» after the young mothers' payment, «а матери» after the
  // support of the families of the fallen: who may get it (they got «Если вы об ответе…»; citizen audit 7, M1).
  // Unless a line of the answer names the one asked for: «а детям» after the survivor's pension is its line on
  // children (see answer-quote.ts).
  // And only where the measure has that part: «а мне?» after the maternity capital's amount got «В этом ответе нет
  // раздела…».
  if (
    isBarePersonalFollowUp(query) &&
    sectionSource(turn, entry, 'eligibility').sections.eligibility !== undefined &&
    !lineAbout(entry, query, understanding.statedTerms)
  )
    return 'eligibility';
  const words = comparableText(query).split(' ');
  if (words.length > OWN_PART_MAX_WORDS) return undefined;
  const read = understanding.statedTerms;
  // A synonym phrase is one term («социальн доплат пенс»): its words count one by one. The title only: a keyword
  // («группа инвалидности» of the disabled people's overview) may be another entry's subject.
  const named = new Set(read(entry.title, { curated: true }).flatMap((t) => t.split(' ')));
  const own = new Set(
    understanding.subjectWords(query).filter((w) => {
      const terms = read(w);
      return terms.length > 0 && terms.every((t) => named.has(t));
    }),
  );
  if (own.size === 0) return undefined;
  const rest = words.filter((w) => !own.has(w)).join(' ');
  return rest.trim() ? understanding.sectionRequest(rest) : undefined;
}

/** Condolences are not said again within this time of the last: the same loss, told again in a follow-up. */
const CONDOLENCE_GAP_MS = 24 * 60 * 60 * 1000;

/** An age asked («до скольки лет», «со скольких лет», «до какого возраста»), not a sum. */
const ASKS_AGE = /(^| )(до|со|с|во) скольк\S* (лет|год\S*)( |$)|(^| )до какого возраста( |$)/;

/** Bands of a search unsure of a message: choices, or not sure enough to offer any but one. */
const UNSURE_BANDS: ReadonlySet<SearchOutcome['band']> = new Set(['clarify', 'handoff']);

/** How many first words of a follow-up («а сколько платят …») may name the part it asks for. */
const PART_FIRST_WORDS = 3;

/** The part a short follow-up asks for in its first words («а сколько платят матери погибшего»), or undefined. */
function partNamedFirst(turn: Turn, query: string): SectionKey | undefined {
  if (!isShortFollowUp(query, SITUATION_FOLLOW_UP_WORDS)) return undefined;
  const first = comparableText(query).split(' ').slice(0, PART_FIRST_WORDS).join(' ');
  return turn.deps.understanding.sectionRequest(first, { inQuestion: true });
}

/** A follow-up naming the answer's own measure and a part is this short at most («а размер единого пособия?»). */
const OWN_PART_MAX_WORDS = 4;

/** More entries showing the sum named than this, and it names no measure («а 10000 по уходу»). */
const MAX_AMOUNT_CHOICES = 3;

/**
 * A sum the message names that entries show («а 9678 рублей кто платит», «мне пришло 28450 рублей… что за деньги»):
 * that entry, or the choice of a few, when the search did not answer with one of them. The choices on screen are
 * looked at first. A part asked for («кто платит», «как получить») is the part shown.
 */
function answeredByAmount(
  turn: Turn,
  query: string,
  result: SearchOutcome,
  choices: KnowledgeEntry[],
): boolean {
  const { kb } = turn.deps;
  const onScreen = entriesShowingAmount(query, choices, kb.figures);
  const all = onScreen.length > 0 ? onScreen : entriesShowingAmount(query, kb.entries, kb.figures);
  if (all.length === 0 || all.length > MAX_AMOUNT_CHOICES) return false;
  // An answer the search is sure of stands, unless the message asks what a sum received is («что за деньги»).
  if (result.band === 'answer' && !asksWhatMoneyIs(query)) return false;
  // Of the entries showing it, those that share the most words with the message («родила» names the birth's
  // lump sum, not the guardian's, which is the same 28 450,45 ₽).
  const read = turn.deps.understanding.statedTerms;
  const asked = new Set(read(query));
  const shared = all.map(
    (e) =>
      new Set(
        read([e.title, ...e.keywords, ...e.questions].join('. '), { curated: true }).filter((t) =>
          asked.has(t),
        ),
      ).size,
  );
  const most = Math.max(...shared);
  const shown = all.filter((_, i) => shared[i] === most);
  const top = result.band === 'answer' ? result.hits[0]?.entryId : undefined;
  if (top !== undefined && shown.some((e) => e.id === top)) return false;
  const section = turn.deps.understanding.sectionRequest(query, { inQuestion: true });
  if (shown.length > 1) {
    turn.offerChoices(shown, { detail: 'amount:choices', ...(section ? { section } : {}) });
    return true;
  }
  const entry = shown[0]!;
  if (section && entry.sections[section] !== undefined) {
    turn.showing(entry);
    turn.answerPart(entry, section, `amount:${section}`);
  } else {
    turn.answer(entry, { detail: 'amount' });
  }
  return true;
}

/** Numbers of five digits or more: what a look-up would need («заявление номер 1234567890»), not what is asked. */
const LOOK_UP_NUMBER = /\d[\d -]{3,}\d/g;

/** The message without its look-up numbers, or undefined if it has none. */
function withoutLookUpNumbers(query: string): string | undefined {
  const without = query.replace(LOOK_UP_NUMBER, (m) => (m.replace(/\D/g, '').length >= 5 ? ' ' : m));
  return without === query ? undefined : without;
}

/** The entries of `entry`'s category (disability, pensions...), `entry` too. */
function entriesOfCategory(kb: DialogDeps['kb'], entry: KnowledgeEntry): KnowledgeEntry[] {
  const category = kb.topic(entry.topic)?.category;
  return category === undefined ? [] : kb.entries.filter((e) => kb.topic(e.topic)?.category === category);
}

/**
 * The answer to a short follow-up typed at choices, read against the choices' topics: the message searched again with
 * each topic's title («а на ремонт можно Распоряжение материнским капиталом»), the first answer that is one of the
 * choices (one of their topics was too wide: «а можно через мфц» at the old-age pension's got the social pension).
 * Undefined when the search's own answer is of those topics already, or none is found.
 */
function answerAmongChoiceTopics(
  turn: Turn,
  query: string,
  choices: readonly KnowledgeEntry[],
  top: KnowledgeEntry | undefined,
  context: Parameters<DialogDeps['search']['search']>[1],
): KnowledgeEntry | undefined {
  const topics = [...new Set(choices.map((c) => c.topic))];
  // Where the search is unsure of the follow-up alone, it answers a topic's title with anything: the one choice whose
  // own subject (a word of its title or keywords) the follow-up names, «льготы» of «Льготы ветерану труда…».
  if (!top) {
    const read = turn.deps.understanding.statedTerms;
    const named = choices.filter((c) => namesOwnSubject(c, query, read));
    return named.length === 1 ? named[0] : undefined;
  }
  // Only where the search answers with a measure of another topic: choices again («а можно через мфц» at the old-age
  // pension's) are left as they were.
  if (topics.includes(top.topic)) return undefined;
  for (const slug of topics) {
    const topic = turn.deps.kb.topic(slug);
    if (!topic) continue;
    const again = turn.deps.search.search(`${query} ${topic.title}`, context);
    const hit = again.band === 'answer' && again.intent === undefined ? again.hits[0] : undefined;
    const chosen = hit && choices.find((c) => c.id === hit.entryId);
    if (chosen) return chosen;
  }
  return undefined;
}

/**
 * How to appeal any decision on a benefit, for a measure whose entry has no such part: «а куда жаловаться если не
 * пересчитают» after the survivor's pension got «В этом ответе нет раздела «Как обжаловать»» (a citizen audit).
 */
function generalAppeal(turn: Turn): KnowledgeEntry | undefined {
  return turn.deps.kb.entriesOfTopic(APPEAL_TOPIC).find((e) => e.sections.appeal !== undefined);
}

/**
 * The citizen lives elsewhere in Russia (a message of only a place: "я из саратова", "другой регион"): remembered,
 * and said plainly that this region's own measures and amounts are not in our data, with where to ask; about the
 * answer before it, if any, whether it holds there.
 */
function onElsewhere(turn: Turn, entry: KnowledgeEntry | undefined): void {
  turn.send(reply.otherRegionSaved(turn.ctx, entry));
  turn.outcome({ outcome: 'other', ...(entry ? { entryId: entry.id } : {}), detail: 'region:other' });
}

/**
 * Right after an answer, a message the search finds nothing in ("а если я работаю?", "а работающим?", "а в
 * волгоградской области?") is most likely about that answer: it was refused as out of scope, the commonest way a
 * citizen went on talking (a citizen audit). Searched again with the answer's title, it may name another entry (the
 * answer to it); a region named shows the answer again with that region's figures; otherwise the answer's parts are
 * offered, with the consultant.
 */
function onFollowUp(
  turn: Turn,
  query: string,
  entry: KnowledgeEntry,
  region: ReturnType<TextUnderstanding['region']>,
  currentYear: number,
  /** The search's outcome for the follow-up itself, where it was searched. */
  result?: SearchOutcome,
): void {
  const { deps, state } = turn;
  // Another region's own measure: the named region's entry about it, if the base has one.
  const counterpart = region ? regionalCounterpart(deps.kb, entry, region) : undefined;
  if (counterpart) return turn.answer(counterpart, { detail: 'follow-up:region' });
  const known = region ?? state.region;
  const again = deps.search.search(
    `${query} ${entry.title}`,
    known ? { region: known, currentYear } : { currentYear },
  );
  const other = again.band === 'answer' && again.hits[0] ? deps.kb.entry(again.hits[0].entryId) : undefined;
  if (other && other.id !== entry.id)
    return turn.answer(other, { confidence: again.confidence, detail: 'follow-up:context' });
  if (region && reply.answerDependsOnRegion(turn.ctx, entry))
    return turn.answer(entry, { detail: 'follow-up:region' });
  if (region) {
    // «Я ЖИВУ В КАМЫШИНЕ» after the payment dates: the region is kept, and the same answer is not sent again.
    turn.send(
      reply.textMessage(turn.ctx, 'region.same_answer', {
        vars: { region: turn.ctx.t(`regions.${region}`), title: entry.title },
        footer: true,
      }),
    );
    return turn.outcome({ outcome: 'other', entryId: entry.id, detail: 'follow-up:region:same' });
  }
  // «а на 2027» after the Perm subsistence minimum: its amounts with «Суммы на 2027 год здесь ещё не указаны…»
  // (it got the answer's parts; citizen audit 5, H10).
  if (turn.laterYear !== undefined && figuresChangeBy(entry, deps.kb.figures, turn.laterYear)) {
    if (entry.sections.amount === undefined)
      return turn.answer(entry, { detail: 'follow-up:later-year', region: state.lastEntryRegion });
    return turn.answerPart(entry, 'amount', 'follow-up:later-year');
  }
  // «а на учебу можно» after the maternity capital's card: searched with the card's title it found the card again;
  // searched with the measure's name, its entry on spending it for education, a topic of its own (see
  // entryOfShownTopic). Only where the title's words drew the search back to the card shown; the card's own topic is
  // left to the lines and parts below («а самозанятым»: the family payment's overview says they get none).
  const ofMeasure =
    result && !region && other?.id === entry.id
      ? entryOfShownTopic(turn, query, entry, result, currentYear)
      : undefined;
  if (ofMeasure && ofMeasure.topic !== entry.topic)
    return turn.answer(ofMeasure, { detail: 'follow-up:topic' });
  const read = deps.understanding.statedTerms;
  const measure = sameMeasureEntries(turn, entry);
  // Another entry of the measure written for the question the follow-up asks: that entry, not a line of this one.
  const asked = measure.find((e) => titleAsks(e, entry, query, read));
  if (asked) return turn.answer(asked, { detail: 'follow-up:measure', region: turn.state.lastEntryRegion });
  // «а работающим тоже?»: the line of the answer that says so, or of another entry of the same measure («а
  // самозанятым» after when to apply for the family payment: its overview says they get none).
  const line = lineAbout(entry, query, read);
  const amountFrom = amountElsewhere(turn, query, entry, line);
  if (amountFrom) return answerAmountOf(turn, amountFrom);
  if (line) return quoteLine(turn, entry, line);
  const measureLine = bestLineOf(measure, query, read, { ageAlone: false });
  if (measureLine) {
    turn.showing(measureLine.entry, turn.state.lastEntryRegion);
    return quoteLine(turn, measureLine.entry, measureLine.line);
  }
  if (answeredByNamed(turn, query, entry)) return;
  // «а какой возраст» after the ЕДВ, which the search finds nothing for: an age of the card (see answerAgeOfCard), not
  // its parts to open (helper V's note). After the large families' benefits their entry on the children's age, named.
  if (answerAgeAsked(turn, entry, query, ageAsked(query, read), result)) return;
  // «а если доход больше» after the regional parental capital: a condition put to the measure that no line of it has
  // asks its conditions, «Кто может получить» («…не выше 1,5 прожиточного минимума…»), not to open a part (citizen
  // audit 7, M1).
  const conditions = isConditionPut(query) ? sectionSource(turn, entry, 'eligibility') : undefined;
  if (conditions?.sections.eligibility !== undefined) {
    if (conditions !== entry) turn.showing(conditions, turn.state.lastEntryRegion);
    // «а если я работаю» after the ЕДВ: its card has no word of work (nor has the knowledge base a fact on it), so
    // its list of who may get it is not to pass for a yes; where to ask is said (audit 8's follow-ups, helper Q).
    const isMeasure = !NOT_MEASURES.has(deps.kb.topic(conditions.topic)?.category ?? '');
    if (isMeasure && saysNothingOf(conditions, query, read))
      turn.leadNextReply(parseRichText(turn.ctx.t('answer.condition_unsaid')));
    return turn.answerPart(conditions, 'eligibility', 'follow-up:eligibility:condition');
  }
  // «а сколько платят матери погибшего» after the support of SVO families: a part named first, with words the
  // section cues do not take as filler, is still that part of the card (it got «Если вы об ответе… откройте нужную
  // часть», though the card has «Сколько платят»; audit 8, M7).
  const part = partNamedFirst(turn, query);
  const partSource = part ? sectionSource(turn, entry, part) : undefined;
  if (part && partSource?.sections[part] !== undefined) {
    if (partSource !== entry) turn.showing(partSource, turn.state.lastEntryRegion);
    return turn.answerPart(partSource, part, `follow-up:${part}:named-first`);
  }
  // «а какие документы для матери погибшего» after the same card, which has no «Документы»: where to apply.
  if (part === 'documents' && whereDocumentsAreNamed(turn, entry, 'follow-up:documents:named-first:apply'))
    return;
  turn.send(reply.partsOffer(turn.ctx, entry, 'answer.vague_after_answer'));
  turn.outcome({ outcome: 'other', entryId: entry.id, detail: 'follow-up:parts' });
}

/**
 * A short message asking an age of the card shown (see ageAsked), after the search and the card's lines found no answer
 * of their own: the card's «Кто может получить» (answerAgeOfCard), or that the card says no age (answerAgeNotInCard).
 * One block where a new message and a follow-up the search found nothing in each had it. False where neither answers:
 * the reply is then what it was.
 */
function answerAgeAsked(
  turn: Turn,
  entry: KnowledgeEntry,
  query: string,
  asked: AgeAsked | undefined,
  /** The search's outcome for the question, whose answer is offered; none where it was not searched. */
  result: SearchOutcome | undefined,
): boolean {
  if (!asked || !isShortMessage(query, SITUATION_FOLLOW_UP_WORDS)) return false;
  return answerAgeOfCard(turn, entry, query, asked) || answerAgeNotInCard(turn, entry, query, asked, result);
}

/**
 * An age asked of the card's measure that no line of it answers (see ageAsked): «а до какого возраста платят» after
 * a card with no line saying up to what age the measure is given got the retirement age's card (the search's answer
 * for the words alone), or an unrelated «…до 6 лет» of the card; «а жене до какого возраста платят» after the
 * survivor's pension choices of other measures, «а с какого возраста вдове» «Я не уверен» (helper Q's notes, audit
 * 8's follow-ups); «с какого возраста» after the ЕДВ, large families' benefits or the unified benefit the retirement
 * age's card, with «а» or without (helper T's note; helper V). Its «Кто может получить», led, for an age up to which,
 * by the note that the answer does not say it and where to ask; for an age from which, where no line of that part
 * says one the measure starts from, by the same note of a start (`answer.age_from_unsaid`), or, asked of someone,
 * where no line names an age and the one asked about, by the note of a condition it does not say.
 * False where the card is not a measure or its measure has no such part: the reply is then what it was.
 */
function answerAgeOfCard(turn: Turn, entry: KnowledgeEntry, query: string, asked: AgeAsked): boolean {
  const category = turn.deps.kb.topic(entry.topic)?.category;
  if (category === undefined || NOT_MEASURES.has(category)) return false;
  const source = sectionSource(turn, entry, 'eligibility');
  const part = source.sections.eligibility;
  if (part === undefined) return false;
  // «а до какого возраста» after the large families' benefits, whose card gives no such age: the entry of the topic
  // written for it, «Кто считается многодетной семьёй и до какого возраста детей» (it got «не сказано»).
  const writtenFor =
    asked.until && !asked.whom && !partGivesUntil(source, part) ? entryOfAgeUntil(turn, entry) : undefined;
  if (writtenFor) {
    turn.answer(writtenFor, { detail: 'follow-up:age:until:entry' });
    return true;
  }
  if (source !== entry) turn.showing(source, turn.state.lastEntryRegion);
  const note = ageUnsaidNote(turn, source, part, query, asked);
  if (note) turn.leadNextReply(parseRichText(turn.ctx.t(note)));
  // A husband or wife asked about may mean a widow's pension: «а жене до какого возраста платят» after the ЕДВ or the
  // veterans' benefits got that card's part alone, where before a list pointed to the survivor's pension (helper T's
  // note). The entries written for widows are a button away.
  const forWidows = widowEntriesAsked(turn, query, asked, [entry.id, source.id]);
  turn.answerPart(
    source,
    'eligibility',
    asked.until ? 'follow-up:age:until' : asked.from ? 'follow-up:age:from' : 'follow-up:age',
    forWidows.length > 0 ? { offers: forWidows.map((e) => reply.alsoButton(turn.ctx, e)) } : {},
  );
  return true;
}

/**
 * Another entry of the card's topic written for the age up to which its measures last: its title asks an age and its
 * short answer gives one up to which («…пока старшему ребёнку не исполнится 18 лет…»). Undefined where none is.
 */
function entryOfAgeUntil(turn: Turn, shown: KnowledgeEntry): KnowledgeEntry | undefined {
  return turn.deps.kb
    .entriesOfTopic(shown.topic)
    .find((e) => e.id !== shown.id && TITLE_ASKS_AGE.test(e.title) && partGivesUntil(e, e.short));
}

/** A title written for an age: «Кто считается многодетной семьёй и до какого возраста детей». */
const TITLE_ASKS_AGE = /до какого возраста/i;

/**
 * The note that leads the part on who may get the measure (`part`, of `source`) where it does not say the age asked,
 * or undefined where it does. Up to what age: said where the part names one (see partGivesUntil: «Платят, пока
 * ребёнку не исполнится 3 года»), never for someone named, whose own age the part is not read for. Of someone named
 * otherwise: said where a line names an age and them (partNamesAgeOf). From what age: said where the part names an
 * age the measure starts from (eligibilityNamesStart: «…с 70 лет…»); an age neither from nor up to which, either.
 */
function ageUnsaidNote(
  turn: Turn,
  source: KnowledgeEntry,
  part: string,
  query: string,
  asked: AgeAsked,
): string | undefined {
  if (asked.until) {
    if (asked.whom) return 'answer.age_until_unsaid_whom';
    return partGivesUntil(source, part) ? undefined : 'answer.age_until_unsaid';
  }
  if (asked.whom) {
    const named = partNamesAgeOf(part, query, turn.deps.understanding.statedTerms);
    return named ? undefined : 'answer.condition_unsaid';
  }
  const startsAt = eligibilityNamesStart(part);
  if (asked.any) return startsAt || partGivesUntil(source, part) ? undefined : 'answer.age_unsaid';
  return startsAt ? undefined : 'answer.age_from_unsaid';
}

/**
 * An age asked after a card that is not a measure, or whose measure has no «Кто может получить»: «с какого возраста»,
 * «а до какого возраста платят» after the hotlines, privacy, complaints, the regions' contacts, the consultant or the
 * maternity capital's balance got the retirement age's card, the search's answer for the words alone (helper V's
 * note). A short question with no subject of its own is about the card shown: that it says no age and where to ask,
 * with its parts, and the search's answer a button away for one who meant it. Of someone too: «а жене до какого
 * возраста платят» after the review times or the consultant's card got choices of the retirement age, the conscript's
 * wife's benefits and the social pension (helper X's task); a husband or wife asked about may mean a widow's pension,
 * whose entries are a button away, as after a measure (see answerAgeOfCard). Not where the card is itself about
 * pensions («Когда приходит пенсия»), whose age is the retirement age (see titleNamesPension), unless an age up to
 * which is asked of a husband or wife. False then.
 */
function answerAgeNotInCard(
  turn: Turn,
  entry: KnowledgeEntry,
  query: string,
  asked: AgeAsked,
  /** The search's outcome for the question, whose answer is offered; none where it was not searched. */
  result: SearchOutcome | undefined,
): boolean {
  const read = turn.deps.understanding.statedTerms;
  const found =
    result?.band === 'answer' && result.hits[0] ? turn.deps.kb.entry(result.hits[0].entryId) : undefined;
  const searched = found && found.id !== entry.id ? [found] : [];
  const forWidows = widowEntriesAsked(turn, query, asked, [entry.id, found?.id]);
  // Up to what age, of a husband or wife, is no retirement age: «какого числа приходит пенсия» → «а жене до какого
  // возраста платят» got choices of the retirement age, the conscript's wife's benefits and the social pension.
  if (titleNamesPension(entry, read) && !(asked.until && forWidows.length > 0)) return false;
  const offers = [...searched, ...forWidows].map((e) => reply.alsoButton(turn.ctx, e));
  const key = asked.until
    ? 'answer.age_until_not_in_card'
    : asked.from
      ? 'answer.age_from_not_in_card'
      : 'answer.age_not_in_card';
  turn.send(reply.partsOffer(turn.ctx, entry, key, {}, { offers }));
  turn.outcome({ outcome: 'other', entryId: entry.id, detail: 'follow-up:age:not-in-card' });
  return true;
}

/**
 * The entries written for widows, for an age asked of a husband or wife («а жене до какого возраста платят»): a widow
 * may mean the survivor's pension, whatever card is shown. None otherwise, and none of the entries already `shown`.
 */
function widowEntriesAsked(
  turn: Turn,
  query: string,
  asked: AgeAsked,
  shown: readonly (string | undefined)[],
): KnowledgeEntry[] {
  if (!asked.whom || !asksOfSpouse(query, turn.deps.understanding.statedTerms)) return [];
  return entriesForWidows(turn.deps.kb.entries).filter((e) => !shown.includes(e.id));
}

const widowsEntries = new WeakMap<readonly KnowledgeEntry[], KnowledgeEntry[]>();

/**
 * The entries written for widows: those whose `requires` a widow names (the survivor's pension). Read once for the
 * knowledge base loaded.
 */
function entriesForWidows(entries: readonly KnowledgeEntry[]): KnowledgeEntry[] {
  let found = widowsEntries.get(entries);
  if (!found) {
    found = entries.filter((e) => e.requires !== undefined && compileAudience(e.requires)([WIDOW_WORDS[0]!]));
    widowsEntries.set(entries, found);
  }
  return found;
}

/** Categories of entries about the assistant and procedures, not measures one applies for. */
const NOT_MEASURES = new Set(['bot-service', 'documents-procedures']);

/**
 * «а какие документы» after a card that, with the rest of its measure, lists none: that the list is not in the data,
 * and its «Как подать» (where they say which are needed, and the consultant). «сын погиб на сво» → «а какие документы
 * для матери погибшего» got «Если вы об ответе… откройте нужную часть», «а документы» «В этом ответе нет раздела
 * «Документы»» (audit 8's follow-ups, helper O): no list is made up. False where the card has no «Как подать» either.
 */
function whereDocumentsAreNamed(turn: Turn, entry: KnowledgeEntry, detail: string): boolean {
  if (entry.sections.documents !== undefined || entry.sections.apply === undefined) return false;
  // Not a measure: the «Как подать» of how long applications are reviewed is the review times.
  const category = turn.deps.kb.topic(entry.topic)?.category;
  if (category === undefined || NOT_MEASURES.has(category)) return false;
  turn.leadNextReply(parseRichText(turn.deps.translator.t(turn.state.locale, 'answer.no_documents')));
  turn.answerPart(entry, 'apply', detail);
  return true;
}

/**
 * A follow-up the answer shown has nothing on, which names another entry of its category: «а продлевать надо» after
 * who gets the housing subsidy, «а мне за уход сколько» after how to get a disability established. That entry, or
 * the choice of them when a few match; false when none does (a citizen audit: they got the answer's parts again).
 */
function answeredByNamed(turn: Turn, query: string, entry: KnowledgeEntry): boolean {
  const { deps } = turn;
  // Its topic only: «а продлевать надо», «а индексируют» name an aspect any measure may have, and after the disabled
  // person's utility compensation they got the housing subsidy's renewal, after the carer payment the ЕДВ's
  // indexation (a verification pass). A part asked for with another measure named looks across the category.
  const asksPart = deps.understanding.sectionRequest(query, { inQuestion: true }) !== undefined;
  const related = asksPart ? entriesOfCategory(deps.kb, entry) : deps.kb.entriesOfTopic(entry.topic);
  const named = partElsewhere(query, entry, undefined, related, [], deps.understanding);
  if (named.length === 1) turn.answer(named[0]!, { detail: 'follow-up:named' });
  else if (named.length > 1 && named.length <= CHOICE_PLACES)
    turn.offerChoices(named, { detail: 'follow-up:named:choices' });
  else return false;
  return true;
}

/**
 * The entry of the measure shown that a follow-up asks about when a line of the answer only names it: the search's
 * first find for the follow-up, of the answer's topic, whose title or keywords have every word the follow-up names
 * beyond the answer's own subject (see aboutWhatIsAsked). Undefined when the line is the search's own find.
 */
function entryOfSubjectAsked(
  turn: Turn,
  query: string,
  shown: KnowledgeEntry,
  quoted: KnowledgeEntry,
  result: SearchOutcome,
): KnowledgeEntry | undefined {
  if (result.band !== 'answer' && result.band !== 'clarify') return undefined;
  const first = result.hits[0] ? turn.deps.kb.entry(result.hits[0].entryId) : undefined;
  if (!first || first.topic !== shown.topic || first.id === shown.id || first.id === quoted.id)
    return undefined;
  return aboutWhatIsAsked(first, shown, query, turn.deps.understanding.statedTerms) ? first : undefined;
}

/**
 * The entry of the measure whose «Сколько платят» answers a follow-up asking how much after a card with no such part,
 * where the card's line found for it says no sum: «а на второго сколько» after the maternity capital's card quoted
 * «…на второго и следующих — если раньше права на капитал не было», which does not say how much; the capital's amount
 * does (audit 8's follow-ups, helper Q). Undefined where the line says how much or the measure has no such part.
 */
function amountElsewhere(
  turn: Turn,
  query: string,
  shown: KnowledgeEntry,
  line: string | undefined,
): KnowledgeEntry | undefined {
  if (shown.sections.amount !== undefined || (line !== undefined && statesAmount(line))) return undefined;
  if (turn.deps.understanding.sectionRequest(query, { inQuestion: true }) !== 'amount') return undefined;
  const source = sectionSource(turn, shown, 'amount');
  return source !== shown ? source : undefined;
}

/** The «Сколько платят» of another entry of the measure shown, which the next follow-up is then about. */
function answerAmountOf(turn: Turn, source: KnowledgeEntry): void {
  turn.showing(source, turn.state.lastEntryRegion);
  turn.answerPart(source, 'amount', 'follow-up:amount:topic');
}

/** That entry, or its part the follow-up asks for («а на бизнес сколько дают»: its «Сколько платят»). */
function answerSubjectAsked(turn: Turn, query: string, entry: KnowledgeEntry): void {
  const section = turn.deps.understanding.sectionRequest(query, { inQuestion: true });
  if (section === undefined || entry.sections[section] === undefined)
    return turn.answer(entry, { detail: 'follow-up:subject', region: turn.state.lastEntryRegion });
  turn.showing(entry, turn.state.lastEntryRegion);
  turn.answerPart(entry, section, `follow-up:subject:${section}`);
}

/** A follow-up answered with a line of the answer shown, which stays the one the next follow-up is about. */
function quoteLine(turn: Turn, entry: KnowledgeEntry, line: string): void {
  turn.send(reply.quoteMessage(turn.ctx, entry, line));
  turn.outcome({ outcome: 'answer', entryId: entry.id, topics: [entry.topic], detail: 'follow-up:quote' });
}

/**
 * The entries that answer each question of a message with several ("…куда обращаться? И положены ли ей скидки…?"),
 * when the message as a whole got no answer and every question alone gets one of its own; a question joining two
 * needs («Положено ли нам единое пособие и ещё можно ли получить 450 тысяч на ипотеку?») is two. Otherwise undefined:
 * one question still unclear leaves the whole message to the ordinary choices.
 */
function answersToEach(
  turn: Turn,
  query: string,
  region: RegionChoice | undefined,
  currentYear: number,
): KnowledgeEntry[] | undefined {
  const questions = questionSentences(query).flatMap(questionNeeds);
  if (questions.length === 0) return undefined;
  const situation = toldSituation(query);
  const entries: KnowledgeEntry[] = [];
  for (const question of questions) {
    const entry = answerAlone(turn, question, region, currentYear, situation);
    if (!entry) return undefined;
    if (!entries.some((e) => e.id === entry.id)) entries.push(entry);
  }
  return entries.length >= 2 ? entries : undefined;
}

/**
 * The entry a part of a message is answered with, if it gets an answer and no intent: searched alone, or with what the
 * letter told of the person before it when that answers it where alone it is unsure, or picks one of its own
 * candidates («Мой отец ветеран боевых действий… Какие у него льготы по ЖКУ»: the veterans' compensation, not the
 * disabled people's 50% the clause alone puts first; citizen audit 8, H8). Never the situation's answer over a clear
 * one of the part's own: with the veteran told, «может ли он получить соцработника» gets the veterans' payments.
 */
function answerAlone(
  turn: Turn,
  part: string,
  region: RegionChoice | undefined,
  currentYear: number,
  situation = '',
): KnowledgeEntry | undefined {
  const options = region ? { region, currentYear } : { currentYear };
  const alone = turn.deps.search.search(part, options);
  const answered = (found: SearchOutcome) =>
    found.band === 'answer' && found.intent === undefined ? found.hits[0]?.entryId : undefined;
  const told = situation ? answered(turn.deps.search.search(`${situation} ${part}`, options)) : undefined;
  const id =
    told && (answered(alone) === undefined || alone.hits.some((h) => h.entryId === told))
      ? told
      : answered(alone);
  return id === undefined ? undefined : turn.deps.kb.entry(id);
}

/**
 * The answers to the needs of a letter (see letter-needs.ts), each searched alone, in order and distinct, and whether
 * the first need is the one answered first.
 */
function answersToNeeds(
  turn: Turn,
  query: string,
  region: RegionChoice | undefined,
  currentYear: number,
): { entries: KnowledgeEntry[]; firstAnswered: boolean; unanswered: UnansweredNeed[] } {
  const situation = toldSituation(query);
  const entries: KnowledgeEntry[] = [];
  const unanswered: UnansweredNeed[] = [];
  let firstAnswered = false;
  needClauses(query).forEach((clause, i) => {
    const options = region ? { region, currentYear } : { currentYear };
    // The need's own first hits, searched once: read against the opening, and kept for an unanswered need.
    let ownHits: { entryId: string }[] | undefined;
    const own = () =>
      (ownHits ??= turn.deps.search.search(clause, options).hits.slice(0, UNANSWERED_NEED_HITS));
    const entry =
      answerAlone(turn, clause, region, currentYear, situation) ??
      // A letter that told its situation in sentences of their own was read with them above; its first words would
      // be its greeting («Добрый день! Мой отец ветеран боевых действий…» read «ветеран» as a labour veteran's).
      (situation ? undefined : withOpening(turn, query, clause, own(), options));
    if (entry && i === 0) firstAnswered = true;
    if (entry && !entries.some((e) => e.id === entry.id)) entries.push(entry);
    // The first need unanswered is most often the letter's broad «какие выплаты нам положены», which the answer to
    // the whole letter and its situation addresses (audit 8 n03: the SVO families' card is under it); a later one is
    // a need of its own.
    if (!entry && i > 0) unanswered.push({ clause, hits: own().map((h) => h.entryId) });
  });
  return { entries, firstAnswered, unanswered };
}

/**
 * A need no search answers, read with the letter's first words, which say whom it is about («я инвалид 2 группы живу в
 * волжском … и кроме того можно ли лекарства бесплатно получать»: alone a choice of the social package's entries, the
 * letter told no sentence before it asked; citizen audit 8, M1 a04): the answer found so, if it is one of the need's
 * own first hits.
 */
function withOpening(
  turn: Turn,
  letter: string,
  clause: string,
  own: readonly { entryId: string }[],
  options: Parameters<DialogDeps['search']['search']>[1],
): KnowledgeEntry | undefined {
  const opening = comparableText(letter).split(' ').slice(0, LETTER_OPENING_WORDS).join(' ');
  const found = turn.deps.search.search(`${opening} ${clause}`, options);
  const id = found.band === 'answer' && found.intent === undefined ? found.hits[0]?.entryId : undefined;
  return id !== undefined && own.some((h) => h.entryId === id) ? turn.deps.kb.entry(id) : undefined;
}

/** How many first words of a letter say whom it is about («я инвалид 2 группы живу в волжском»). */
const LETTER_OPENING_WORDS = 6;

/** A need of a letter that got no answer alone: its words, and the entries its own search ranked first. */
interface UnansweredNeed {
  clause: string;
  hits: string[];
}

/** An unanswered need whose first few hits include the answer shown is taken as answered by it. */
const UNANSWERED_NEED_HITS = 3;

/**
 * The first answer, saying there were several, with a button to the answer of each other one. «Отвечаю на первый»
 * only when it is the first question's: a letter's first need unanswered, it is the next one's (citizen audit 8, M1).
 */
function answerSeveral(
  turn: Turn,
  entries: KnowledgeEntry[],
  firstAnswered = true,
  query?: string,
  /** Said after «В сообщении несколько вопросов…»: the needs no answer covers (see onText). */
  unansweredNote: RichText = [],
): void {
  const [first, ...others] = entries as [KnowledgeEntry, ...KnowledgeEntry[]];
  // «Пенсия 16500. Квартплата зимой доходит до 5 тысяч. Положена ли мне субсидия, и куда идти оформлять? И ещё…»: the
  // share worked out, the other needs a button away. It got «Отвечаю на первый» and how to apply, and «положена ли»
  // was not answered (audit 8, M3).
  if (query !== undefined && namesHousing(query) && answeredByShare(turn, query, first, { others })) return;
  turn.answer(first, {
    detail: 'search:several',
    lead: [
      ...parseRichText(turn.ctx.t(firstAnswered ? 'answer.several' : 'answer.several_needs')),
      ...unansweredNote,
    ],
    offers: [...others.map((e) => reply.nextQuestionButton(turn.ctx, e)), ...turn.flowOffers(first)],
  });
}

/**
 * Danger to life: the emergency numbers first, then an urgent hand-off. The numbers come from the knowledge base's
 * crisis entry when the search found it (with its source and date, like every answer), else from the locale file.
 */
function onCrisis(turn: Turn, result: SearchOutcome): void {
  const entry = result.hits
    .map((h) => turn.deps.kb.entry(h.entryId))
    .find((e): e is KnowledgeEntry => e?.topic === CRISIS_TOPIC);
  if (!entry) {
    turn.send(reply.textMessage(turn.ctx, 'crisis.message'));
    turn.handoff('crisis', [], 'crisis');
    return;
  }
  turn.send(reply.answerMessage(turn.ctx, entry, []));
  turn.handoff('crisis', [], 'crisis', { record: false });
  turn.outcome({
    outcome: 'answer',
    entryId: entry.id,
    topics: [entry.topic],
    confidence: result.confidence,
    detail: 'crisis',
  });
}

/**
 * The measure's own how-to-apply entry (`same_measure` with an «apply» part), under an answer that does not say how
 * to apply, when the second hit is another step of the same measure that names it too: «субсидия на жку» had «➡️ Ещё:
 * Продление субсидии…» under the 22% rule, though one who asks what the subsidy is has none to renew yet (audit 8, L1).
 */
function measureToApply(
  turn: Turn,
  answer: KnowledgeEntry,
  second: KnowledgeEntry | undefined,
): KnowledgeEntry | undefined {
  if (!second || second.topic !== answer.topic || answer.sections.apply !== undefined) return undefined;
  return (answer.sameMeasure ?? [])
    .filter((id) => id !== second.id && second.sameMeasure?.includes(id))
    .map((id) => turn.deps.kb.entry(id))
    .find((e) => e?.sections.apply !== undefined);
}

/**
 * A question that asks for the documents in so many words. Not "справка о размере пенсии где получить": there the
 * certificate is the subject, and its entry's short answer is the answer.
 */
const DOCUMENTS_ASKED =
  /(^| )((каки[ехм]|какой|какая) (документ|справк|бумаг)\S*|(документ|справк|бумаг)\S* (нужн|надо|требу)\S*|(список|перечень) документов|что (собрать|принести))( |$)/;

function onSearchResult(
  turn: Turn,
  result: SearchOutcome,
  query?: string,
  needs: readonly KnowledgeEntry[] = [],
  /** Said with the answer: the needs of a letter no answer covers (see onText). */
  unansweredNote: RichText = [],
): void {
  const { kb } = turn.deps;
  const confidence = result.confidence;
  // A flow that answers this intent itself (the agency finder: "где находится соцзащита").
  const { intent } = result;
  const flow = intent ? turn.deps.flows?.find((f) => f.intents?.includes(intent)) : undefined;
  if (intent && flow?.onIntent) return flow.onIntent(turn, intent);
  switch (intent) {
    case 'human':
      return turn.handoff('user_request', [], 'intent:human');
    case 'personal_case':
      offerConsultant(turn, reply.handoffOffer(turn.ctx, 'personal_case.message'));
      return turn.outcome({ outcome: 'handoff', confidence, detail: 'intent:personal_case' });
    case 'displaced': {
      const offered = result.hits
        .map((h) => kb.entry(h.entryId))
        .filter((e): e is KnowledgeEntry => e !== undefined);
      offerConsultant(turn, reply.displacedOffer(turn.ctx, offered, turn.intentOffers('displaced')));
      return turn.outcome({ outcome: 'handoff', confidence, detail: 'intent:displaced' });
    }
    case 'off_topic':
      turn.send(turn.outOfScope(result.redirect));
      return turn.outcome({ outcome: 'refuse', confidence, detail: 'intent:off_topic' });
    case 'greeting':
      return onGreeting(turn);
    case 'vague': {
      // Right after an answer, "почему так мало?" or "а что делать?" is most likely about it: its parts first.
      const entry = turn.lastAnswer();
      if (!entry) {
        turn.send(turn.menu('small_talk.vague'));
        return turn.outcome({ outcome: 'refuse', detail: 'intent:vague' });
      }
      if (query !== undefined && answeredByNamed(turn, query, entry)) return;
      // «а студентам» after the survivor's pension names no measure, so the search reads it as vague; the card's own
      // line «…студентам очной формы — до 23 лет» answers it (it got «откройте нужную часть»).
      const line =
        query !== undefined ? lineAbout(entry, query, turn.deps.understanding.statedTerms) : undefined;
      if (line) return quoteLine(turn, entry, line);
      turn.send(reply.partsOffer(turn.ctx, entry, 'answer.vague_after_answer'));
      return turn.outcome({ outcome: 'other', entryId: entry.id, detail: 'intent:vague' });
    }
    case 'usage':
      // «не понимаю что нажимать», «как пользоваться»: what /help says (how to ask, the menu, a person).
      turn.send(reply.helpMessage(turn.ctx));
      return turn.outcome({ outcome: 'other', detail: 'intent:usage' });
    case 'about':
    case 'foreign':
      turn.send(turn.menu(`small_talk.${result.intent}`));
      // Recorded as a refusal, like a greeting: what the assistant can do, without a knowledge-base answer.
      return turn.outcome({ outcome: 'refuse', detail: `intent:${result.intent}` });
    case 'find_office':
      // No flow took it (no agency directory, so no finder): the topics, as for a message too vague to search.
      turn.send(turn.menu('small_talk.vague'));
      return turn.outcome({ outcome: 'refuse', detail: 'intent:find_office' });
    case 'hours':
      turn.send(serviceHoursMessage(turn));
      return turn.outcome({ outcome: 'other', detail: 'intent:hours' });
    case 'thanks':
      turn.send(reply.textMessage(turn.ctx, 'small_talk.thanks', { footer: true }));
      return turn.outcome({ outcome: 'other', detail: 'intent:thanks' });
    case 'agree':
    case 'disagree':
      return onYesNo(turn, result.intent === 'agree');
    case 'unhelpful':
      return notHelpful(turn, turn.lastAnswer(), 'intent:unhelpful');
    case 'not_understood': {
      // With no answer before it ("не понял" to "which of these do you mean?"), or after an answer whose parts were
      // offered already, a person explains in plain words; out of hours, after an answer, they are offered. Not a
      // dislike: "объясните попроще" got "Жаль, что ответ не помог. Напишите другими словами" (a citizen audit).
      const when = turn.lastAnswer() ? reopening(turn) : undefined;
      if (when === undefined)
        return turn.handoff('not_found', ['handoff.not_understood'], 'intent:not_understood');
      offerConsultant(turn, reply.handoffOffer(turn.ctx, 'not_sure.not_understood_closed', { when }));
      return turn.outcome({ outcome: 'other', detail: 'intent:not_understood:closed' });
    }
    default:
      break;
  }
  const entries = result.hits
    .map((h) => kb.entry(h.entryId))
    .filter((e): e is KnowledgeEntry => e !== undefined);
  if (result.band === 'answer' && entries[0]) {
    // "Какие документы нужны на …": the documents, not the short answer with a button to them (a citizen audit:
    // details asked for are details given). Only documents: "сколько" is as often "до скольки лет" as an amount.
    const asked = query ? turn.deps.understanding.sectionRequest(query, { inQuestion: true }) : undefined;
    if (
      asked === 'documents' &&
      DOCUMENTS_ASKED.test(comparableText(query ?? '')) &&
      entries[0].sections.documents !== undefined
    ) {
      turn.showing(entries[0]);
      return turn.answerPart(entries[0], 'documents', 'search:documents', { confidence });
    }
    // «Не дали субсидию на жкх почему»: why a measure was refused is what its «Как обжаловать» part says (the reason
    // is in the decision: a debt, an income over the share, no registration), from the measure's own card that has
    // it. The card on who may get it was the answer, and the refusal was left to the reader. A card on refusals
    // itself answers in its own words.
    if (
      entries[0].topic !== APPEAL_TOPIC &&
      asksWhyRefused(query) &&
      measureHasPart(turn, entries[0], 'appeal')
    ) {
      const source = sectionSource(turn, entries[0], 'appeal');
      turn.showing(source);
      return turn.answerPart(source, 'appeal', 'search:why-refused', { confidence });
    }
    // Another region's own measure for someone elsewhere in Russia: said so, instead of Perm or Volgograd figures.
    if (turn.state.region === 'other' && !entries[0].regions.includes('federal')) {
      turn.send(reply.otherRegionsMeasure(turn.ctx, entries[0]));
      return turn.outcome({
        outcome: 'other',
        entryId: entries[0].id,
        topics: [entries[0].topic],
        confidence,
        detail: 'search:other-region',
      });
    }
    const others = needs.filter((e) => e.id !== entries[0]?.id);
    if (others.length > 0)
      return turn.answer(entries[0], {
        confidence,
        detail: 'search:needs',
        lead: [...parseRichText(turn.ctx.t('answer.several_needs')), ...unansweredNote],
        offers: [...others.map((e) => reply.nextQuestionButton(turn.ctx, e)), ...turn.flowOffers(entries[0])],
      });
    // A second hit of an answer is another entry of its topic that scored nearly as well; without one, the entry of
    // another topic the curators name as often meant instead (`see_also`).
    const also =
      measureToApply(turn, entries[0], entries[1]) ??
      entries[1] ??
      (entries[0].seeAlso ? turn.deps.kb.entry(entries[0].seeAlso) : undefined);
    // «мне 70 лет женщина пенсия 12000 доплатят»: one's own pension set beside the card's regional figure, above it.
    const own = query !== undefined ? thresholdLead(turn, query, entries[0]) : undefined;
    const lead = own ? [...own, ...unansweredNote] : unansweredNote;
    return turn.answer(entries[0], { confidence, detail: 'search', also, lead });
  }
  if (result.band === 'clarify' && entries.length > 0) {
    // The talk has moved on to these candidates: "а сколько он?" next is not about the answer before them.
    turn.state.lastEntryId = undefined;
    turn.state.lastEntryRegion = undefined;
    const distinct = [...new Map(entries.map((e) => [e.id, e])).values()].slice(0, 3);
    // «мне 62 года мужчина когда пенсия», «я 1960 года рождения женщина еще не на пенсии работаю»: the retirement age
    // among the choices, and the message says whose (a birth year, or an age with the sex) — the table's line for
    // them answers; it was «Уточните…» with the birth lump sum or the pre-pensioners beside it (audit 8, M4).
    const currentYear = new Date(turn.deps.now).getUTCFullYear();
    const ofPerson = distinct.find((e) => {
      const personal =
        query !== undefined && speaksOfPension(query) ? personalAge(e, query, currentYear) : undefined;
      return personal !== undefined && (personal.lines.length > 0 || personal.reached !== undefined);
    });
    if (ofPerson) return turn.answer(ofPerson, { confidence, detail: 'search:retirement-age' });
    const offers = (turn.deps.flows ?? []).flatMap((f) => f.choiceButtons?.(turn, distinct) ?? []);
    return turn.offerChoices(distinct, { detail: 'search', offers, confidence });
  }
  if (result.band === 'out_of_scope') {
    turn.send(turn.outOfScope());
    return turn.outcome({ outcome: 'refuse', confidence, detail: 'search:out_of_scope' });
  }
  // Social welfare, but nothing we are sure of.
  turn.state.failedSearches += 1;
  if (turn.state.failedSearches >= FAILED_SEARCHES_BEFORE_HANDOFF) {
    return turn.handoff('failed_searches', ['not_sure.second']);
  }
  // Search found a likely entry, but not enough to answer from it (too few telling words, as in "хочу оформить
  // свою пенсию", or no second candidate to choose between): that entry is one tap away, next to the consultant.
  const guess =
    result.band === 'handoff' && result.confidence >= GUESS_MIN_CONFIDENCE ? entries[0] : undefined;
  if (guess) turn.state.choices = [guess.id];
  // "Да" to a guess opens it (see onText); to the plain offer, it calls the consultant.
  if (guess) turn.send(reply.handoffOfferWithGuess(turn.ctx, guess));
  else {
    // One's own situation asked whole and not understood («муж ушел к другой что мне положено» got «Я не уверен» and the
    // consultant alone): what is due depends on it (are there children, what income), and the finder asks just that.
    // A question back, not a guessed card (helper N's «noticed»).
    const offers = (turn.deps.flows ?? []).flatMap((f) => f.notSureButtons?.(turn) ?? []);
    offerConsultant(
      turn,
      offers.length > 0
        ? reply.handoffOfferWith(turn.ctx, 'not_sure.situation', offers)
        : reply.handoffOffer(turn.ctx),
    );
  }
  turn.outcome({ outcome: 'handoff', confidence, detail: 'search:not_sure' });
}
