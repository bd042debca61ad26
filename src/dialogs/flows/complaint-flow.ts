/**
 * Complaints and appeals. A guided complaint (about what, which agency from the directory, what happened, what the
 * person wants, consent to be contacted) ends in a `complaint` effect: the runner stores it and fills the ticket
 * number into the receipt (the engine does no I/O, so it cannot know the number). /status lists the citizen's
 * tickets from the records the runner reads before the transition. "How to appeal a refusal" shows the appeal
 * section of the knowledge-base entry of the benefit the person names.
 */
import { instantDate as formatDate } from '../../i18n/calendar-date.js';
import { comparableText } from '../../i18n/comparable-text.js';
import type { KnowledgeEntry } from '../../knowledge/entry.js';
import type { Button, OutgoingMessage } from '../../messaging/outgoing-message.js';
import { redactPersonalData } from '../../messaging/personal-data.js';
import type { Block, RichText } from '../../messaging/rich-text.js';
import type { AgencyDirectory, DirectoryRegion } from '../../services/agencies/agency-directory.js';
import { TICKET_PLACEHOLDER } from '../../services/complaints/ticket.js';
import type { ComplaintDraft } from '../effects.js';
import { isTypedCancel } from '../handoff-events.js';
import { encodePayload } from '../payloads.js';
import { footerRow, sectionMessage } from '../reply-builders.js';
import type { Turn } from '../turn.js';
import { typedAnswer } from '../typed-answer.js';
import {
  type AboutCode,
  aboutOf,
  additionOf,
  asksQuestion,
  typedSend,
  unknownAnswer,
  wantsToComplain,
  yesOrNo,
} from './complaint-words.js';
import type { FlowHandler } from './flow-handler.js';
import { action, md, menuButton } from './flow-replies.js';

export const COMPLAINT_CODE = 'cp';
/** The longest description kept (the transcript keeps the whole message anyway). */
export const MAX_DESCRIPTION_CHARS = 2000;
const MAX_AGENCY_NAME_CHARS = 200;
const MAX_WISH_CHARS = 500;
/** The general entry on appealing a refusal: its "how to apply" section is the procedure. */
const GENERAL_APPEAL_ENTRY = 'appeal-benefit-refusal';
/** Typed text this long at a button step is the story of what happened, not an answer to the step. */
const STORY_MIN_WORDS = 8;
const isStory = (text: string) => text.split(/\s+/).filter(Boolean).length >= STORY_MIN_WORDS;
/**
 * What went wrong, in a few words ("нахамили в мфц", "документы не приняли"), over comparableText: at the region
 * step, and at the office list, such text is the story too, however short (it left the complaint, and an office
 * list took it for the office's name). An office's own name has none of these words.
 */
const WHAT_WENT_WRONG =
  /(^| )(нахам\S*|нагруб\S*|груб\S*|хам\S*|оскорб\S*|накрич\S*|кричал\S*|орал\S*|обман\S*|унизил\S*|издевал\S*|выгнал\S*|отказал\S*|отказыва\S*|отказ|не принял\S*|не принима\S*|не прин[яе]ли|потерял\S*|волокит\S*|не отвечают|не ответил\S*|не дозвон\S*|заставил\S*)( |$)/;
/** Words of an office's name ("управление соцзащиты", "мфц", "клиентская служба сфр"), over comparableText. */
const OFFICE_WORDS =
  /(^| )(соцзащит\S*|собес\S*|управлени\S*|мфц|сфр|пфр|осфр|соцфонд\S*|фонд\S*|центр\S*|отдел\S*|филиал\S*|служб\S*|администрац\S*|цсзн|кцсон|учреждени\S*)( |$)/;
/** «а когда ответят», «сколько ждать ответа», over comparableText. */
const ASKS_WHEN = /(^| )(когда|сколько ждать|срок|сроки|через сколько)( |$)/;
const isShortStory = (text: string) =>
  text.split(/\s+/).filter(Boolean).length >= 2 && WHAT_WENT_WRONG.test(comparableText(text));
/** «не поняла вопрос», «непонятно что выбрать»: the step not understood, which is asked again, not a story. */
const PUZZLED = /(^| )(не понял\S*|не понима\S*|непонятн\S*)( |$)/;
/**
 * A sentence told where a step's answer was awaited («меня даже не выслушали», «пособие отменили незаконно а
 * сотрудник не объяснил»): the story, or more of it. Only «а ещё…» or the words of WHAT_WENT_WRONG were taken, and
 * the rest was lost under «Ваш рассказ я сохранил». Not a question, not «не знаю», not an office's name, and three
 * words at least (a name such as «Иванова Мария» is no story).
 */
const tellsMore = (text: string) => {
  const words = comparableText(text);
  return (
    words.split(' ').filter(Boolean).length >= 3 &&
    !asksQuestion(text) &&
    !unknownAnswer(text) &&
    !PUZZLED.test(words) &&
    (!OFFICE_WORDS.test(words) || WHAT_WENT_WRONG.test(words))
  );
};

/** «жалоба», «обращение» in any form, over comparableText. */
const COMPLAINT_WORD = /(^| )(жалоб\S*|обращени\S*)( |$)/;
/** What a question about a filed complaint's fate asks: where it is, whether it was read or answered, its status. */
const STATUS_CUE =
  /(^| )(где|что с|статус\S*|ответ\S*|рассмотр\S*|прочитал\S*|прочитан\S*|дошл\S*|дошла|приняли|принята|когда|движ\S*|судьб\S*)( |$)/;
/** A new complaint or a question of how to complain, not the fate of one already filed. */
const NEW_COMPLAINT =
  /(^| )(подать|подавать|написать|оставить|составить|пожаловаться|куда|образец|шаблон|хочу подать|как подать)( |$)/;
/**
 * A complaint sent to a body («в соцзащиту», «в прокуратуре», «в минтруд»), or an answer disagreed with: not the
 * chat's own ticket, whatever the citizen filed here (a verification pass: these got the chat's tickets).
 */
const ELSEWHERE_COMPLAINT =
  /(^| )(во?|из) (соцзащит\S*|собес\S*|прокуратур\S*|минтруд\S*|министерств\S*|сфр|пфр|осфр|соцфонд\S*|фонд\S*|мфц|суд\S*|администрац\S*|губернатор\S*|президент\S*|инспекци\S*|управлени\S*|госуслуг\S*|приемн\S*|депутат\S*)( |$)|(^| )(не соглас\S*|несоглас\S*|обжалова\S*)( |$)/;
/** «моя жалоба», «моей жалобой», «мое обращение»: the citizen's own, which is asked about even with none filed. */
const OWN_COMPLAINT = /(^| )(мо[яейюи]|моего|моему|мое) (жалоб\S*|обращени\S*)( |$)/;
/**
 * «хочу отозвать жалобу», «дополнить обращение», «я передумал, отзовите жалобу», «жалобу прошу отозвать»: a filed
 * complaint changed, which a person does (the request form, «отзовите», was refused as off-topic).
 */
const AMEND_COMPLAINT =
  /(^| )(отозвать|отзову|отзовите|отозвала?|отзываю|забрать|заберу|заберите|дополнить|дополню|дополните|добавить|добавлю|изменить|измените|исправить|исправьте|отменить|отмените|отменяю|удалить|удалите|аннулир\S*)( \S+){0,2} (жалоб\S*|обращени\S*)( |$)|(^| )(жалоб\S*|обращени\S*)( \S+){0,2} (отозвать|отзовите|отзываю|заберите|отмените|удалите|аннулир\S*)( |$)/;
/**
 * «а когда ответят», «ответ когда будет», «скоро ответят?»: a few words with no subject of their own; also as written
 * by ear («а кагда атветят», «када ответят»).
 */
const WHEN_ANSWERED =
  /^(а |и |ну )?(((к[ао]гда|када)|ск[ао]ро|ск[ао]лько ждать)( же)? ([ао]тветят|[ао]тветют|[ао]твет|[ао]твета|[ао]тветите|рассмотрят)|[ао]твет(ят)? ((к[ао]гда|када)|ск[ао]ро)( будет| придет)?|[ао]тветили|уже [ао]тветили)$/;
/** How long a story told under «how to complain» waits for «Подать жалобу здесь» under that answer. */
const TOLD_OFFER_MS = 60 * 60_000;
/** How recent a complaint must be for a bare «а когда ответят» to be about it. */
const JUST_FILED_MS = 3 * 24 * 60 * 60_000;

/** A question that says a benefit was refused (not "отказаться от соцпакета"), over comparableText. */
const REFUSED =
  /(^| )(отказали|отказал|отказала|отказано|откажут|отказывают|отказывает|отказ в|отказе в|получил отказ|получила отказ|получили отказ|пришел отказ)( |$)/;
/** The official channel offered as an alternative to this chat. */
const GOSUSLUGI_FEEDBACK_URL = 'https://pos.gosuslugi.ru/';

const ABOUT = {
  ag: 'agency',
  em: 'employee',
  de: 'decision',
  as: 'assistant',
} as const satisfies Record<AboutCode, string>;
const WISHES = ['check', 'review', 'fix', 'apology'] as const;

/** Benefits people most often appeal, as quick buttons: [label key, entry id]. */
const APPEAL_SHORTCUTS: readonly [string, string][] = [
  ['ep', 'ep-children-overview'],
  ['mse', 'disability-mse-appeal'],
  ['pension', 'pension-how-to-apply'],
  ['subsidy', 'housing-subsidy-apply'],
  ['unemployment', 'unemployment-registration'],
];

type Step =
  | 'about'
  | 'region'
  | 'agency'
  | 'agency-name'
  | 'what'
  | 'wish'
  | 'wish-text'
  | 'consent'
  | 'confirm'
  | 'add'
  | 'appeal';

interface Draft {
  about?: AboutCode;
  region?: DirectoryRegion | 'other';
  agencyId?: string;
  agencyName?: string;
  what?: string;
  wish?: string;
  consent?: boolean;
  /** Steps taken, for "back". */
  h: Step[];
  [key: string]: unknown;
}

export interface ComplaintFlowOptions {
  directory: AgencyDirectory;
  /** Project policy, not law: within how many working days supervisors answer. The team sets it. */
  answerWithinWorkingDays?: number;
  /** Topics under whose answers "file a complaint here" is offered. */
  offerTopics?: readonly string[];
}

const payload = (...parts: string[]) => [COMPLAINT_CODE, ...parts].join(':');

function draftOf(turn: Turn): Draft | undefined {
  return turn.state.flow?.code === COMPLAINT_CODE ? (turn.state.flow.data as Draft) : undefined;
}

export function createComplaintFlow(options: ComplaintFlowOptions): FlowHandler {
  const { directory } = options;
  const days = options.answerWithinWorkingDays ?? 5;
  const offerTopics = new Set(options.offerTopics ?? ['complaint-about-service', 'appeal-refusal']);
  /** Turns in which a complaint was left for a question: onQuestion of the same turn must not drop it. */
  const leftThisTurn = new WeakSet<Turn>();

  function go(
    turn: Turn,
    step: Step,
    draft: Draft,
    message: OutgoingMessage,
    edit: boolean,
    from?: Step,
  ): void {
    const h = from && draft.h.at(-1) !== from ? [...draft.h, from] : draft.h;
    turn.state.flow = { code: COMPLAINT_CODE, step, data: { ...draft, h } };
    turn.send(message, edit);
    turn.outcome({ outcome: 'other', detail: `complaint:${step}` });
  }

  function controls(turn: Turn): Button[] {
    return [
      action(turn.ctx.t('complaints.buttons.back'), payload('b')),
      action(turn.ctx.t('complaints.buttons.cancel'), payload('x')),
    ];
  }

  /** `kept`: the story told before the kind of complaint was chosen (see takeTold). */
  function askAbout(turn: Turn, edit: boolean, kept: Draft = { h: [] }, lead: RichText = []): void {
    const t = turn.ctx.t;
    go(
      turn,
      'about',
      kept,
      {
        text: [...lead, ...md(turn, 'complaints.start')],
        buttons: [
          ...(Object.keys(ABOUT) as AboutCode[]).map((code) => [
            action(t(`complaints.about.${ABOUT[code]}`), payload('ab', code)),
          ]),
          [action(t('complaints.buttons.appeal'), payload('ap'))],
          [action(t('complaints.buttons.my_tickets'), payload('st')), menuButton(turn)],
        ],
      },
      edit,
    );
  }

  /** `lead` goes before the question; `edit: false` for a question asked after typed text (nothing to edit). */
  interface AskOptions {
    lead?: RichText;
    edit?: boolean;
    /** The consultant one tap away, under a question asked again after a reply it could not read. */
    consultant?: boolean;
  }

  function consultantRow(turn: Turn, opts: AskOptions): Button[][] {
    return opts.consultant
      ? [[action(turn.ctx.t('buttons.consultant'), encodePayload({ a: 'handoff', reason: 'user_request' }))]]
      : [];
  }

  function askRegion(turn: Turn, draft: Draft, from?: Step, opts: AskOptions = {}): void {
    const t = turn.ctx.t;
    go(
      turn,
      'region',
      draft,
      {
        text: [...(opts.lead ?? []), ...md(turn, 'complaints.ask_region')],
        buttons: [
          [
            action(t('regions.perm'), payload('rg', 'perm')),
            action(t('regions.volgograd'), payload('rg', 'volgograd')),
          ],
          [action(t('regions.other'), payload('rg', 'other'))],
          controls(turn),
          ...consultantRow(turn, opts),
        ],
      },
      opts.edit ?? true,
      from,
    );
  }

  function askAgency(turn: Turn, draft: Draft, from?: Step, opts: AskOptions = {}): void {
    const t = turn.ctx.t;
    const region = draft.region === 'perm' || draft.region === 'volgograd' ? draft.region : undefined;
    if (!region) return askAgencyName(turn, draft, from, opts);
    const offices = directory.agencies.filter((a) => a.region === region);
    go(
      turn,
      'agency',
      draft,
      {
        text: [
          ...(opts.lead ?? []),
          ...md(turn, 'complaints.ask_agency', { region: t(`regions.${region}`) }),
        ],
        buttons: [
          ...offices.map((a) => [action(a.short, payload('ag', a.id))]),
          [
            action(t('complaints.buttons.agency_other'), payload('ag', '-')),
            action(t('complaints.buttons.other_region'), payload('rg')),
          ],
          controls(turn),
        ],
      },
      opts.edit ?? true,
      from,
    );
  }

  function askAgencyName(turn: Turn, draft: Draft, from?: Step, opts: AskOptions = {}): void {
    go(
      turn,
      'agency-name',
      draft,
      { text: [...(opts.lead ?? []), ...md(turn, 'complaints.ask_agency_name')], buttons: [controls(turn)] },
      opts.edit ?? true,
      from,
    );
  }

  function askWhat(
    turn: Turn,
    draft: Draft,
    from: Step | undefined,
    edit: boolean,
    lead: RichText = [],
  ): void {
    go(
      turn,
      'what',
      draft,
      { text: [...lead, ...md(turn, 'complaints.ask_what')], buttons: [controls(turn)] },
      edit,
      from,
    );
  }

  function askWish(
    turn: Turn,
    draft: Draft,
    from: Step | undefined,
    edit: boolean,
    lead: RichText = [],
  ): void {
    const t = turn.ctx.t;
    go(
      turn,
      'wish',
      draft,
      {
        text: [...lead, ...md(turn, 'complaints.ask_wish')],
        buttons: [
          ...WISHES.map((w) => [action(t(`complaints.wishes.${w}`), payload('w', w))]),
          [action(t('complaints.wishes.other'), payload('w', 'other'))],
          controls(turn),
        ],
      },
      edit,
      from,
    );
  }

  function askConsent(
    turn: Turn,
    draft: Draft,
    from: Step | undefined,
    edit: boolean,
    opts: AskOptions = {},
  ): void {
    const t = turn.ctx.t;
    go(
      turn,
      'consent',
      draft,
      {
        text: [...(opts.lead ?? []), ...md(turn, 'complaints.ask_consent')],
        buttons: [
          [
            action(t('complaints.buttons.consent_yes'), payload('c', '1')),
            action(t('complaints.buttons.consent_no'), payload('c', '0')),
          ],
          controls(turn),
          ...consultantRow(turn, opts),
        ],
      },
      edit,
      from,
    );
  }

  function agencyLabel(turn: Turn, draft: Draft): string {
    if (draft.about === 'as') return turn.ctx.t('complaints.this_assistant');
    return draft.agencyName ?? turn.ctx.t('complaints.not_given');
  }

  /** `from` is undefined when the summary is shown again (it is no step of its own to go back to). */
  function askConfirm(
    turn: Turn,
    draft: Draft,
    from: Step | undefined,
    edit: boolean,
    lead: RichText = [],
  ): void {
    const t = turn.ctx.t;
    const labelled = (key: string, value: string): Block => ({
      type: 'paragraph',
      // The citizen's own words are shown as they are, never parsed as markup.
      spans: [{ text: `${t(key)} `, bold: true }, { text: value }],
    });
    go(
      turn,
      'confirm',
      draft,
      {
        text: [
          ...lead,
          ...md(turn, 'complaints.confirm_title'),
          labelled('complaints.fields.about', t(`complaints.about.${ABOUT[draft.about ?? 'ag']}`)),
          labelled('complaints.fields.agency', agencyLabel(turn, draft)),
          labelled('complaints.fields.what', draft.what ?? ''),
          labelled('complaints.fields.wish', draft.wish ?? ''),
          labelled('complaints.fields.consent', t(draft.consent ? 'complaints.yes' : 'complaints.no')),
          // A decision is changed only by an appeal to the agency: say so before the person relies on this chat.
          ...(draft.about === 'de' ? md(turn, 'complaints.decision_note') : []),
        ],
        buttons: [[action(t('complaints.buttons.send'), payload('send'))], controls(turn)],
      },
      edit,
      from,
    );
  }

  function cancel(turn: Turn, edit: boolean): void {
    turn.state.flow = undefined;
    turn.send({ text: md(turn, 'complaints.cancelled'), buttons: [footerRow(turn.ctx)] }, edit);
    turn.outcome({ outcome: 'other', detail: 'complaint:cancelled' });
  }

  function afterAgency(turn: Turn, draft: Draft, from: Step, edit: boolean, lead: RichText = []): void {
    // The story may have come already, typed at a button step (see onText).
    if (draft.what) return askWish(turn, draft, from, edit, lead);
    askWhat(turn, draft, from, edit, lead);
  }

  /** The kind of complaint chosen (pressed, or clear from the story): its next question. */
  function chooseAbout(turn: Turn, draft: Draft, about: AboutCode, opts: AskOptions = {}): void {
    const next: Draft = { ...draft, about };
    const edit = opts.edit ?? true;
    if (about === 'as') {
      return next.what
        ? askWish(turn, next, 'about', edit, opts.lead)
        : askWhat(turn, next, 'about', edit, opts.lead);
    }
    const known =
      turn.state.region === 'perm' || turn.state.region === 'volgograd' ? turn.state.region : undefined;
    return known
      ? askAgency(turn, { ...next, region: known }, 'about', opts)
      : askRegion(turn, next, 'about', opts);
  }

  /**
   * A complaint told in words where its kind was asked, or with «хочу подать жалобу» outside the flow («в соцзащите
   * нагрубили и не приняли заявление», «хочу пожаловаться на ваш бот, он ничего не понимает»): the story is kept and
   * the kind taken from it when clear. It got the knowledge base's «how to complain» with nothing filed, and the
   * story had to be typed again after «Подать жалобу здесь».
   */
  function takeTold(
    turn: Turn,
    text: string,
    about: AboutCode | undefined,
    told: boolean,
    /** The story kept already, which more of it is added to. */
    before?: string,
  ): void {
    const t = turn.ctx.t;
    const story = [before, told ? redactPersonalData(text) : undefined].filter(Boolean).join('\n');
    const draft: Draft = story ? { h: [], what: story.slice(0, MAX_DESCRIPTION_CHARS) } : { h: [] };
    const kept = story ? md(turn, 'complaints.story_kept') : [];
    if (!about) return askAbout(turn, false, draft, kept);
    const lead = [
      ...kept,
      ...md(turn, 'complaints.about_taken', { about: t(`complaints.about.${ABOUT[about]}`) }),
    ];
    chooseAbout(turn, { ...draft, h: ['about'] }, about, { edit: false, lead });
  }

  /** A story with words added (at the summary: «хочу дополнить жалобу: …»), within the length kept. */
  function withAddition(draft: Draft, addition: string): Draft {
    const what = [draft.what, redactPersonalData(addition)].filter(Boolean).join('\n');
    return { ...draft, what: what.slice(0, MAX_DESCRIPTION_CHARS) };
  }

  /**
   * A reply the step could not read (a name, «не знаю какой регион», «ага»), with a complaint begun: the question
   * again with a hint and the consultant. It left the flow as a new question and the complaint was lost unseen.
   */
  function askAgain(turn: Turn, step: Step, draft: Draft): boolean {
    const kept = draft.what ? md(turn, 'complaints.story_kept') : [];
    switch (step) {
      case 'about':
        askAbout(turn, false, draft, [...md(turn, 'complaints.about_again'), ...kept]);
        return true;
      case 'region':
        askRegion(turn, draft, undefined, {
          edit: false,
          consultant: true,
          lead: [...md(turn, 'complaints.region_again'), ...kept],
        });
        return true;
      case 'consent':
        askConsent(turn, draft, undefined, false, {
          consultant: true,
          lead: md(turn, 'complaints.consent_again'),
        });
        return true;
      default:
        return false;
    }
  }

  /**
   * A question asked at a step («а какой лимит?», «сколько ждать ответа?»): the knowledge base answers it, and the
   * complaint waits under the answer for «↩️ Продолжить жалобу» (and under the next ones: an hour at most). It got
   * «Не понял…» and the question was never answered.
   */
  function leaveForQuestion(turn: Turn, step: Step, draft: Draft): false {
    turn.state.offered = { code: COMPLAINT_CODE, data: { step, draft }, at: turn.deps.now };
    leftThisTurn.add(turn);
    turn.endNextReply([[action(turn.ctx.t('complaints.buttons.resume'), payload('rs'))]]);
    return false;
  }

  /**
   * A complaint begun anew (the button, /complaint): the one left waiting for a question is not offered again beside
   * it (it came back after the new one was sent, and could be sent twice: a verification pass).
   */
  function beginAnew(turn: Turn): void {
    if (turn.state.offered?.code === COMPLAINT_CODE) turn.state.offered = undefined;
    askAbout(turn, false);
  }

  /** Whether a complaint left for a question (see leaveForQuestion) is still kept. */
  function isParked(turn: Turn): boolean {
    const offered = turn.state.offered;
    return (
      offered?.code === COMPLAINT_CODE &&
      offered.data.draft !== undefined &&
      turn.deps.now - offered.at <= TOLD_OFFER_MS
    );
  }

  function resume(turn: Turn): void {
    const data = isParked(turn) ? turn.state.offered?.data : undefined;
    turn.state.offered = undefined;
    const draft = data?.draft as Draft | undefined;
    if (!draft || !Array.isArray(draft.h)) {
      // An earlier «Продолжить жалобу» pressed with the complaint already going on: its question again. It began a
      // new complaint, and the one half-filled was lost (a verification pass).
      const going = draftOf(turn);
      const step = turn.state.flow?.step as Step | undefined;
      if (going && step) return askCurrent(turn, step, going);
      return askAbout(turn, false);
    }
    askCurrent(turn, (data?.step as Step | undefined) ?? 'about', draft);
  }

  function submit(turn: Turn, draft: Draft): void {
    const t = turn.ctx.t;
    if (!draft.about || !draft.what || !draft.wish || draft.consent === undefined) return turn.stale();
    const complaint: ComplaintDraft = {
      about: ABOUT[draft.about],
      agencyId: draft.agencyId ?? null,
      agencyName: draft.about === 'as' ? null : (draft.agencyName ?? null),
      region: draft.region ?? turn.state.region ?? null,
      description: draft.what,
      wish: draft.wish,
      contactConsent: draft.consent,
    };
    const receipt: OutgoingMessage = {
      text: [
        ...md(turn, 'complaints.receipt', { ticket: TICKET_PLACEHOLDER, days }),
        ...md(turn, draft.consent ? 'complaints.receipt_contact' : 'complaints.receipt_no_contact'),
        ...md(turn, draft.about === 'de' ? 'complaints.official_decision' : 'complaints.official'),
      ],
      buttons: [
        ...(draft.about === 'de' ? [[action(t('complaints.buttons.appeal'), payload('ap'))]] : []),
        [{ kind: 'link', label: t('complaints.buttons.gosuslugi'), url: GOSUSLUGI_FEEDBACK_URL }],
        [action(t('complaints.buttons.my_tickets'), payload('st')), menuButton(turn)],
      ],
    };
    turn.state.flow = undefined;
    // What came before the complaint is not what «а когда ответят» right after it asks about (see asksStatus).
    turn.state.lastEntryId = undefined;
    turn.effects.push({ type: 'complaint', complaint, receipt });
    turn.outcome({ outcome: 'other', detail: `complaint:filed:${complaint.about}` });
  }

  /**
   * A typed question about the citizen's own complaints («где моя жалоба», «ответили на жалобу?», and right after
   * filing one, «а когда ответят»): only when they have filed one here; otherwise it is a question for the
   * knowledge base (a complaint to an agency elsewhere).
   */
  function asksStatus(turn: Turn, text: string): boolean {
    const words = comparableText(text);
    if (ELSEWHERE_COMPLAINT.test(words)) return false;
    const named = COMPLAINT_WORD.test(words) && STATUS_CUE.test(words) && !NEW_COMPLAINT.test(words);
    if (!named && !WHEN_ANSWERED.test(words)) return false;
    const newest = turn.deps.records?.complaints[0];
    // «где моя жалоба» with nothing filed here: that there is none, and where an agency's answer comes from.
    if (!newest) return named && OWN_COMPLAINT.test(words);
    if (named) return true;
    // A bare «а когда ответят» is about the complaint only if nothing else was answered since it was filed.
    return (
      turn.state.lastEntryId === undefined &&
      newest.status !== 'answered' &&
      turn.deps.now - newest.createdAt < JUST_FILED_MS
    );
  }

  function showStatus(turn: Turn): void {
    const t = turn.ctx.t;
    const complaints = turn.deps.records?.complaints ?? [];
    const waiting = complaints.some((c) => c.status !== 'answered');
    const text: Block[] =
      complaints.length === 0
        ? md(turn, 'complaints.status_none')
        : [
            ...md(turn, 'complaints.status_title'),
            {
              type: 'list',
              items: complaints.map((c) => [
                { text: c.ticket, bold: true },
                {
                  text: ` ${t('complaints.status_item', {
                    date: formatDate(c.createdAt),
                    subject: c.agencyName ?? t(`complaints.about.${c.about}`),
                    status: t(`complaints.statuses.${c.status}`),
                  })}`,
                },
              ]),
            },
            ...(waiting ? md(turn, 'complaints.status_answer_within', { days }) : []),
          ];
    turn.send({
      text,
      buttons: [
        [action(t('complaints.buttons.new'), payload('go'))],
        [action(t('complaints.buttons.appeal'), payload('ap')), menuButton(turn)],
      ],
    });
    turn.outcome({ outcome: 'other', detail: `complaint:status:${complaints.length}` });
  }

  function askAppeal(turn: Turn, edit: boolean): void {
    const t = turn.ctx.t;
    const shortcuts = APPEAL_SHORTCUTS.filter(([, id]) => turn.deps.kb.entry(id));
    turn.state.flow = { code: COMPLAINT_CODE, step: 'appeal', data: { h: [] } };
    turn.send(
      {
        text: md(turn, 'complaints.appeal_ask'),
        buttons: [
          ...shortcuts.map(([key, id]) => [action(t(`complaints.appeal_options.${key}`), payload('ap', id))]),
          footerRow(turn.ctx),
        ],
      },
      edit,
    );
    turn.outcome({ outcome: 'other', detail: 'complaint:appeal' });
  }

  /**
   * The appeal section of the named benefit's entry, or the general procedure when it has none. `questionTopic` is
   * what the question was about when it came as free text (an appeal against a refusal, whatever the benefit).
   */
  function showAppeal(
    turn: Turn,
    entry: KnowledgeEntry | undefined,
    edit: boolean,
    questionTopic?: string,
  ): void {
    const t = turn.ctx.t;
    turn.state.flow = undefined;
    const general = turn.deps.kb.entry(GENERAL_APPEAL_ENTRY);
    const own = entry?.sections.appeal !== undefined ? entry : undefined;
    const shown = own ?? general;
    if (!shown) return turn.stale();
    const message = sectionMessage(turn.ctx, shown, own ? 'appeal' : 'apply');
    const lead =
      own || entry?.id === GENERAL_APPEAL_ENTRY
        ? []
        : md(turn, entry ? 'complaints.appeal_general' : 'complaints.appeal_not_found', {
            title: entry?.title ?? '',
          });
    const extra: Button[][] = [
      ...(own && general && own.id !== general.id
        ? [
            [
              action(
                t('complaints.buttons.general_procedure'),
                encodePayload({ a: 'section', id: general.id, section: 'apply' }),
              ),
            ],
          ]
        : []),
      [action(t('complaints.buttons.new'), payload('go'))],
    ];
    turn.state.lastEntryId = shown.id;
    turn.send(
      { ...message, text: [...lead, ...message.text], buttons: [...extra, ...(message.buttons ?? [])] },
      edit,
    );
    turn.outcome({
      outcome: 'answer',
      entryId: shown.id,
      topics: questionTopic && questionTopic !== shown.topic ? [questionTopic, shown.topic] : [shown.topic],
      detail: own ? 'complaint:appeal-section' : 'complaint:appeal-general',
    });
  }

  /**
   * The benefit named in "как обжаловать отказ в едином пособии": the message without its appeal words (the
   * `appeal` cues of data/search/sections.yaml, asked word by word) searched again; the best entry found of the
   * best one's topic that has an appeal section of its own. ("в едином пособии" alone ties its amount, which has
   * none, with its overview, which has one: the first hit alone sent such questions to the general procedure.)
   */
  function namedBenefit(turn: Turn, text: string): KnowledgeEntry | undefined {
    const words = text.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
    const rest = words.filter((w) => turn.deps.understanding.sectionRequest(w) !== 'appeal');
    if (rest.length === words.length || rest.length === 0) return undefined;
    const { hits } = turn.deps.search.search(rest.join(' '));
    const topic = hits[0]?.topic;
    return hits
      .filter((h) => h.topic === topic && h.entryId !== GENERAL_APPEAL_ENTRY)
      .map((h) => turn.deps.kb.entry(h.entryId))
      .find((e): e is KnowledgeEntry => e?.sections.appeal !== undefined);
  }

  /** The question of `step` asked again, as it was (nothing chosen is undone). */
  function askCurrent(turn: Turn, step: Step, draft: Draft): void {
    const lead = draft.what ? md(turn, 'complaints.story_kept') : [];
    switch (step) {
      case 'about':
        return askAbout(turn, false, draft, lead);
      case 'region':
        return askRegion(turn, draft, undefined, { edit: false, lead });
      case 'agency':
        return askAgency(turn, draft, undefined, { edit: false, lead });
      case 'agency-name':
        return askAgencyName(turn, draft, undefined, { edit: false, lead });
      case 'what':
        return askWhat(turn, draft, undefined, false);
      case 'wish':
      case 'wish-text':
        return askWish(turn, draft, undefined, false, lead);
      case 'consent':
        return askConsent(turn, draft, undefined, false, { lead });
      case 'confirm':
        return askConfirm(turn, draft, undefined, false);
    }
  }

  function back(turn: Turn, draft: Draft): void {
    const previous = draft.h.at(-1);
    const rest: Draft = { ...draft, h: draft.h.slice(0, -1) };
    switch (previous) {
      case undefined:
      case 'about':
        // The story told before the kind was chosen stays (it was dropped by «Назад» after «Подать жалобу здесь»).
        return draft.what
          ? askAbout(turn, true, { h: [], what: draft.what }, md(turn, 'complaints.story_kept'))
          : askAbout(turn, true);
      case 'region':
        return askRegion(turn, rest);
      case 'agency':
        return askAgency(turn, rest);
      case 'agency-name':
        return askAgencyName(turn, rest);
      case 'what':
        return askWhat(turn, rest, undefined, true);
      case 'wish':
      case 'wish-text':
        return askWish(turn, rest, undefined, true);
      case 'consent':
        return askConsent(turn, rest, undefined, true);
      case 'confirm':
        return askConfirm(turn, rest, undefined, true);
      default:
        return askAbout(turn, true);
    }
  }

  return {
    code: COMPLAINT_CODE,
    commands: ['status', 'complaint'],
    menuButtons: (turn) => [action(turn.ctx.t('complaints.menu'), payload('go'))],
    entryButtons(turn, entry) {
      if (!offerTopics.has(entry.topic)) return [];
      return entry.topic === 'appeal-refusal'
        ? [action(turn.ctx.t('complaints.offer_appeal'), payload('ap'))]
        : [action(turn.ctx.t('complaints.offer'), payload('go'))];
    },
    onAnswer(turn, text, entry) {
      // A story answered with how to complain («в соцзащите нахамили, документы не приняли»): «Подать жалобу здесь»
      // under it began with «На что вы хотите пожаловаться?» and the story had to be typed again.
      if (entry.topic === 'complaint-about-service' && (isStory(text) || isShortStory(text))) {
        const what = redactPersonalData(text.slice(0, MAX_DESCRIPTION_CHARS));
        turn.state.offered = { code: COMPLAINT_CODE, data: { what }, at: turn.deps.now };
        const offers = turn
          .flowOffers(entry)
          .map((b) =>
            b.kind === 'action' && b.payload === payload('go') ? { ...b, payload: payload('told') } : b,
          );
        turn.answer(entry, { detail: 'search:complaint-told', offers });
        return true;
      }
      // "отказали в субсидии на жку что делать" was answered with the subsidy's renewal and no word of appealing:
      // the benefit's answer stays, with the way to appeal the refusal under it.
      if (entry.id !== GENERAL_APPEAL_ENTRY) {
        if (offerTopics.has(entry.topic) || !REFUSED.test(comparableText(text))) return false;
        const appeal = namedBenefit(turn, text) ?? turn.deps.kb.entry(GENERAL_APPEAL_ENTRY);
        if (!appeal) return false;
        turn.answer(entry, {
          detail: 'search:refused',
          offers: [
            action(turn.ctx.t('complaints.offer_appeal'), payload('aq', appeal.id)),
            ...turn.flowOffers(entry),
          ],
        });
        return true;
      }
      // Only the general procedure is improved on; an entry found for the benefit itself is answered as it is.
      const named = namedBenefit(turn, text);
      if (!named) return false;
      showAppeal(turn, named, false, entry.topic);
      return true;
    },
    onQuestion(turn, text) {
      // The story told under «how to complain» is kept only until the next question (the state keeps no free text);
      // a complaint left for a question (see leaveForQuestion) waits under each answer while it is kept. It waited
      // under the first only: asked a second question, the citizen found «Продолжить жалобу» starting over, the story
      // gone (a citizen audit).
      const parked = !leftThisTurn.has(turn) && isParked(turn);
      if (!leftThisTurn.has(turn) && !parked) turn.state.offered = undefined;
      const toKnowledgeBase = (): false => {
        if (parked) turn.endNextReply([[action(turn.ctx.t('complaints.buttons.resume'), payload('rs'))]]);
        return false;
      };
      // A complaint filed here, to withdraw or add to: the supervisor reads it, so a person takes the chat.
      if (AMEND_COMPLAINT.test(comparableText(text)) && (turn.deps.records?.complaints.length ?? 0) > 0) {
        turn.handoff('user_request', ['complaints.amend_handoff'], 'complaint:amend');
        return true;
      }
      if (asksStatus(turn, text)) {
        showStatus(turn);
        return true;
      }
      if (!wantsToComplain(text)) return toKnowledgeBase();
      const about = aboutOf(text);
      const told = isStory(text) || isShortStory(text);
      // «хочу пожаловаться на соседей»: nothing this chat takes a complaint about; the knowledge base answers.
      if (!about && !told) return toKnowledgeBase();
      // A complaint begun in words with one left waiting: its story goes on in the new one («Ваш рассказ я
      // сохранил» kept only the new words, and the story told first was lost: a verification pass).
      const waiting = parked ? (turn.state.offered?.data.draft as Draft | undefined)?.what : undefined;
      if (parked) turn.state.offered = undefined;
      takeTold(turn, text, about, told, waiting);
      return true;
    },
    onWaitingText(turn, text) {
      // «какой статус моей жалобы» while waiting for a consultant got «Передал консультанту»: the tickets are data
      // the chat has, and the consultant still sees the question in the transcript.
      if (!asksStatus(turn, text)) return false;
      showStatus(turn);
      return true;
    },
    onCommand(turn, command) {
      if (command === 'status') return showStatus(turn);
      beginAnew(turn);
    },
    onButton(turn, raw) {
      const [kind = '', value] = raw.split(/:(.*)/s);
      const t = turn.ctx.t;
      switch (kind) {
        case 'go':
          return beginAnew(turn);
        case 'told': {
          const offered = turn.state.offered;
          turn.state.offered = undefined;
          const what = offered?.code === COMPLAINT_CODE ? offered.data.what : undefined;
          if (typeof what !== 'string' || turn.deps.now - (offered?.at ?? 0) > TOLD_OFFER_MS)
            return askAbout(turn, false);
          return takeTold(turn, what, aboutOf(what), true);
        }
        case 'rs':
          return resume(turn);
        case 'st':
          return showStatus(turn);
        case 'ap':
          if (!value) return askAppeal(turn, false);
          return showAppeal(turn, turn.deps.kb.entry(value), true);
        case 'aq':
          // Under an answer to "мне отказали в …": the answer stays, the procedure comes as a new message.
          return showAppeal(turn, turn.deps.kb.entry(value ?? ''), false);
        default:
          break;
      }
      const draft = draftOf(turn);
      const step = turn.state.flow?.step as Step | undefined;
      if (!draft || !step) return turn.stale();
      switch (kind) {
        case 'x':
          return cancel(turn, true);
        case 'b':
          return back(turn, draft);
        case 'ab': {
          if (step !== 'about' || !value || !(value in ABOUT)) return turn.stale();
          return chooseAbout(turn, draft, value as AboutCode);
        }
        case 'rg': {
          if (!value) return askRegion(turn, draft, step);
          if (step !== 'region' || (value !== 'perm' && value !== 'volgograd' && value !== 'other'))
            return turn.stale();
          return askAgency(turn, { ...draft, region: value }, 'region');
        }
        case 'ag': {
          if (step !== 'agency' || !value) return turn.stale();
          if (value === '-') return askAgencyName(turn, draft, 'agency');
          const agency = directory.agency(value);
          if (!agency) return turn.stale();
          return afterAgency(
            turn,
            { ...draft, agencyId: agency.id, agencyName: agency.name, region: agency.region },
            'agency',
            true,
          );
        }
        case 'w': {
          if (step !== 'wish' || !value) return turn.stale();
          if (value === 'other')
            return go(
              turn,
              'wish-text',
              draft,
              { text: md(turn, 'complaints.ask_wish_text'), buttons: [controls(turn)] },
              true,
              'wish',
            );
          if (!(WISHES as readonly string[]).includes(value)) return turn.stale();
          return askConsent(turn, { ...draft, wish: t(`complaints.wishes.${value}`) }, 'wish', true);
        }
        case 'c':
          if (step !== 'consent' || (value !== '1' && value !== '0')) return turn.stale();
          return askConfirm(turn, { ...draft, consent: value === '1' }, 'consent', true);
        case 'send':
          if (step !== 'confirm') return turn.stale();
          return submit(turn, draft);
        default:
          return turn.stale();
      }
    },
    onText(turn, raw, result) {
      const draft = draftOf(turn);
      const step = turn.state.flow?.step as Step | undefined;
      if (!draft || !step) return false;
      const text = raw.trim();
      // «Отмена» typed ends the complaint as its button does (at the office's name it became the name); at the
      // consent and the summary «не надо» is the answer «no».
      if (step !== 'consent' && step !== 'confirm' && isTypedCancel(text)) {
        cancel(turn, false);
        return true;
      }
      if (
        (step === 'about' || step === 'region' || step === 'consent') &&
        asksQuestion(text) &&
        !unknownAnswer(text)
      )
        return leaveForQuestion(turn, step, draft);
      // Where free words are the answer (the office's name, what one wants), only a question the knowledge base
      // answers outright leaves for it: «какая пенсия у инвалида 2 группы» became the office's name (a verification
      // pass).
      if (
        (step === 'agency-name' || step === 'wish') &&
        asksQuestion(text) &&
        (result?.band === 'answer' || result?.band === 'clarify') &&
        result.intent === undefined
      )
        return leaveForQuestion(turn, step, draft);
      // "Позовите человека" is the consultant, as everywhere.
      const unread = (): boolean => {
        if (result?.intent === 'human' || result?.intent === 'personal_case') return false;
        if (isTypedCancel(text)) {
          cancel(turn, false);
          return true;
        }
        return askAgain(turn, step, draft);
      };
      if (step === 'about') {
        const about = aboutOf(text);
        const told =
          isStory(text) ||
          isShortStory(text) ||
          (draft.what !== undefined && tellsMore(text) && !wantsToComplain(text)) ||
          (about !== undefined && !wantsToComplain(text) && text.split(/\s+/).length >= 3);
        // Nothing begun yet and no complaint in the words: a question of its own.
        if (!told && !about) return draft.what ? unread() : false;
        takeTold(turn, text, about, told, draft.what);
        return true;
      }
      // A place and nothing else typed at «В каком регионе?» («саратовская область, город саратов», «г. Энгельс
      // Саратовской обл»): its region, another one's as «Другой регион» (it was kept as more of the story, or «Не
      // понял»: a verification pass).
      const place = step === 'region' ? turn.deps.understanding.place(text) : undefined;
      if (place?.only) {
        askAgency(turn, { ...draft, region: place.region }, 'region', { edit: false });
        return true;
      }
      // The whole story typed where a button or an office's name was asked ("В МФЦ на Ленина сотрудница нагрубила
      // моей маме…"): it was read as a new question and the complaint was lost, or taken for the office's name.
      // It is kept as what happened, and the step is asked again.
      const told =
        isStory(text) ||
        ((step === 'region' || step === 'agency') && isShortStory(text)) ||
        (step === 'region' &&
          tellsMore(text) &&
          // «пермский край город пермь» is the answer, not a story.
          !(turn.deps.understanding.region(text) && text.split(/\s+/).length <= 4));
      const story =
        (step === 'region' || step === 'agency' || step === 'agency-name') && told && !draft.what
          ? redactPersonalData(text.slice(0, MAX_DESCRIPTION_CHARS))
          : undefined;
      if (story) {
        const kept = { ...draft, what: story };
        const named = step === 'region' ? turn.deps.understanding.region(text) : undefined;
        const again = (key: string): AskOptions => ({ edit: false, lead: md(turn, key) });
        if (named) askAgency(turn, { ...kept, region: named }, 'region', again('complaints.story_kept'));
        else if (step === 'region') askRegion(turn, kept, undefined, again('complaints.story_kept_region'));
        else if (step === 'agency') askAgency(turn, kept, undefined, again('complaints.story_kept_agency'));
        else askAgencyName(turn, kept, undefined, again('complaints.story_kept_agency_name'));
        return true;
      }
      if (step === 'region') {
        // A region typed instead of pressed ("пермь", "в волгограде").
        const named = turn.deps.understanding.region(text);
        if (named && text.split(/\s+/).length <= 4) {
          askAgency(turn, { ...draft, region: named }, 'region', { edit: false });
          return true;
        }
        // An office with its town ("свердловский район управление соцзащиты пермь"): the region and the office's
        // name at once (it left the complaint).
        if (named && OFFICE_WORDS.test(comparableText(text))) {
          afterAgency(
            turn,
            { ...draft, region: named, agencyName: redactPersonalData(text.slice(0, MAX_AGENCY_NAME_CHARS)) },
            'region',
            false,
          );
          return true;
        }
        // More of the story, told already: added to it (it left the complaint).
        if (told && draft.what) {
          const lead = md(turn, 'complaints.story_kept_region');
          askRegion(turn, withAddition(draft, text), undefined, { edit: false, lead });
          return true;
        }
        if (unknownAnswer(text)) {
          askAgencyName(turn, draft, 'region', { edit: false, lead: md(turn, 'complaints.region_unknown') });
          return true;
        }
      }
      switch (step) {
        // At the list, an office typed instead of chosen ("мфц на ленина") is the "other, I will write it" answer: it
        // was read as a new question and the draft was lost.
        case 'agency':
        case 'agency-name':
          // «не знаю» went on as the office's name «не знаю»; «да» as «да».
          if (unknownAnswer(text) && text.split(/\s+/).length <= 4) {
            afterAgency(turn, draft, step, false, md(turn, 'complaints.agency_unknown'));
            return true;
          }
          if (yesOrNo(text)) {
            const again: AskOptions = { edit: false, lead: md(turn, 'complaints.agency_again') };
            if (step === 'agency') askAgency(turn, draft, undefined, again);
            else askAgencyName(turn, draft, undefined, again);
            return true;
          }
          afterAgency(
            turn,
            { ...draft, agencyName: redactPersonalData(text.slice(0, MAX_AGENCY_NAME_CHARS)) },
            step,
            false,
          );
          return true;
        case 'what':
          if (text.length < 10) {
            turn.send({ text: md(turn, 'complaints.what_too_short'), buttons: [controls(turn)] });
            turn.outcome({ outcome: 'other', detail: 'complaint:what-too-short' });
            return true;
          }
          askWish(
            turn,
            { ...draft, what: redactPersonalData(text.slice(0, MAX_DESCRIPTION_CHARS)) },
            'what',
            false,
          );
          return true;
        case 'wish':
        case 'wish-text':
          askConsent(
            turn,
            { ...draft, wish: redactPersonalData(text.slice(0, MAX_WISH_CHARS)) },
            step,
            false,
          );
          return true;
        case 'consent': {
          const t = turn.ctx.t;
          const consent = typedAnswer(
            text,
            [
              { value: '1', label: t('complaints.buttons.consent_yes') },
              { value: '0', label: t('complaints.buttons.consent_no') },
            ],
            { yes: '1', no: '0' },
          );
          // More of the story instead of the answer («а ещё она документы потеряла»): added to it, the question again.
          if (
            consent === undefined &&
            draft.what &&
            (isStory(text) || isShortStory(text) || tellsMore(text))
          ) {
            const lead = md(turn, 'complaints.added');
            askConsent(turn, withAddition(draft, text), undefined, false, { lead });
            return true;
          }
          if (consent === undefined) return unread();
          askConfirm(turn, { ...draft, consent: consent === '1' }, 'consent', false);
          return true;
        }
        case 'confirm': {
          const answer = typedAnswer(
            text,
            [
              { value: 'send', label: turn.ctx.t('complaints.buttons.send') },
              { value: 'cancel', label: turn.ctx.t('complaints.buttons.cancel') },
            ],
            { yes: 'send', no: 'cancel' },
          );
          // "Позовите человека" is the consultant, as everywhere.
          if (result?.intent === 'human') return false;
          // «хочу дополнить жалобу: …» was taken for anything else typed: the summary came back without the words.
          const addition = answer === undefined ? additionOf(text) : undefined;
          if (addition === '') {
            const ask = { text: md(turn, 'complaints.ask_addition'), buttons: [controls(turn)] };
            go(turn, 'add', draft, ask, false, 'confirm');
          } else if (addition !== undefined) {
            askConfirm(turn, withAddition(draft, addition), undefined, false, md(turn, 'complaints.added'));
          } else if (answer === 'send' || typedSend(text)) submit(turn, draft);
          else if (answer === 'cancel') cancel(turn, false);
          else {
            // Anything else typed over the finished complaint («а когда ответят») left it unsent and lost, while the
            // person believed it was filed: it stays, with when the answer comes if asked, and the buttons again.
            const when = ASKS_WHEN.test(comparableText(text));
            askConfirm(turn, draft, undefined, false, [
              ...md(turn, 'complaints.not_sent_yet'),
              ...(when ? md(turn, 'complaints.answer_within', { days }) : []),
            ]);
          }
          return true;
        }
        case 'add': {
          // Back from the summary shown again goes where it went before the addition was asked for.
          const h = draft.h.at(-1) === 'confirm' ? draft.h.slice(0, -1) : draft.h;
          askConfirm(
            turn,
            withAddition({ ...draft, h }, text),
            undefined,
            false,
            md(turn, 'complaints.added'),
          );
          return true;
        }
        case 'appeal': {
          const result = turn.deps.search.search(text.slice(0, 300));
          const entries = result.hits
            .map((h) => turn.deps.kb.entry(h.entryId))
            .filter((e): e is KnowledgeEntry => !!e);
          const withAppeal = entries.find(
            (e) => e.sections.appeal !== undefined && e.id !== GENERAL_APPEAL_ENTRY,
          );
          showAppeal(turn, withAppeal ?? entries[0], false);
          return true;
        }
        default:
          return unread();
      }
    },
  };
}
