/**
 * "Подобрать меры поддержки": a short questionnaire with buttons (region, children and their ages, pregnancy,
 * adults, income, disability, pension age, work, veteran status), then the measures the family is likely entitled
 * to and those that depend on details, each with a button to its knowledge-base entry. Every question can be
 * skipped, has "back" and says in one line why it is asked. The rules are data (data/benefits/), evaluated by
 * src/services/benefits/. The answers live in the flow state only while the questions are asked; they are kept
 * afterwards only if the person presses "keep" (the button carries them, so nothing is stored before that).
 */
import { comparableText } from '../../i18n/comparable-text.js';
import type { KnowledgeEntry } from '../../knowledge/entry.js';
import type { BenefitRules } from '../../services/benefits/benefit-rules.js';
import { decodeAnswers } from '../../services/benefits/household.js';
import type { Turn } from '../turn.js';
import { onAgeQuestion } from './benefit-finder/age-question.js';
import { onAgeToldAhead } from './benefit-finder/age-told-ahead.js';
import { onButtonAnswer } from './benefit-finder/button-answer.js';
import { action, FINDER_CODE, payload } from './benefit-finder/finder-payloads.js';
import { currentStep, finderData } from './benefit-finder/finder-state.js';
import { decodeTaken, noteInterrupted } from './benefit-finder/interrupted-questionnaire.js';
import { forgetKeptAnswers, keepAnswers, keptAnswers } from './benefit-finder/kept-answers.js';
import { showMeasure } from './benefit-finder/measure-page.js';
import { ask, goBack, skip } from './benefit-finder/questionnaire-progress.js';
import { STEP_OF_CODE, stepsBefore } from './benefit-finder/questionnaire-steps.js';
import { onTypedAnswer } from './benefit-finder/read-typed-answer.js';
import { showResult } from './benefit-finder/result-message.js';
import { startFinder } from './benefit-finder/start-finder.js';
import { onToldAhead } from './benefit-finder/told-ahead.js';
import { STOP } from './benefit-finder/typed-answer-words.js';
import { againLead, unreadReply } from './benefit-finder/unread-reply.js';
import type { FlowHandler } from './flow-handler.js';
import { md } from './flow-replies.js';

export { FINDER_CODE } from './benefit-finder/finder-payloads.js';
export { resultMessage } from './benefit-finder/result-message.js';

export interface BenefitFinderOptions {
  rules: BenefitRules;
  /** Topics under whose answers the finder is offered ("whenever the conversation leads there"). */
  offerTopics?: readonly string[];
}

export const DEFAULT_FINDER_TOPICS: readonly string[] = [
  'unified-child-benefit',
  'unified-benefit-pregnancy',
  'state-social-assistance',
  'social-contract',
  'large-families',
  'family-tax-payment',
  'perm-family-support',
  'perm-regional-benefits',
  'volgograd-family-support',
  'volgograd-regional-benefits',
];

/**
 * «льготы», «какие выплаты положены» alone: every measure is asked about, and the choices can show three (citizen
 * audit 6: «льготы» got three pensioners' entries and no way to the finder).
 */
const ALL_MEASURES = new Set([
  'льготы',
  'льгота',
  'выплаты',
  'пособия',
  'меры поддержки',
  'какие льготы',
  'какие выплаты',
  'какие пособия',
  'что положено',
  'что мне положено',
  'какие льготы положены',
  'какие выплаты положены',
  'какие льготы есть',
  'какие выплаты есть',
  'какие есть льготы',
  'какие есть выплаты',
  'какие есть пособия',
  'какие льготы мне положены',
  'какие выплаты мне положены',
  'какие пособия мне положены',
  'какие льготы нам положены',
  'какие выплаты нам положены',
  'что нам положено',
  'льготы какие',
]);

/** The message as the patterns below read it; undefined for a press or a command. */
function typedText(turn: Turn): string | undefined {
  return turn.event.kind === 'text' ? comparableText(turn.event.text) : undefined;
}

function asksAllMeasures(turn: Turn): boolean {
  const typed = typedText(turn);
  return typed !== undefined && ALL_MEASURES.has(typed);
}

/** «что нам положено», «положено ли нам единое пособие»: what is due is asked. */
const ASKS_WHAT_IS_DUE =
  /(^| )(положен\S*|полагает\S*|льгот\S*|выплат\S*|пособи\S*|меры поддержки|помощь)( |$)/;
/** Words of a family's situation: children, a spouse, a pregnancy, a pension, a disability. */
const FAMILY_TOLD =
  /(^| )(дет(и|ей|ям)|ребен\S*|сын\S*|доч\S*|муж\S*|жена|семь[яеи]|многодетн\S*|беременн\S*|пенсионер\S*|инвалид\S*|одна воспитываю|мать одиночка)( |$)/;
/** A story this long tells of the family, more than a question of one measure. */
const STORY_WORDS = 12;

/**
 * A long message that tells of the family and asks what is due («Я многодетная мама, детям 1, 4 и 7 лет. Живём с
 * мужем в Волгограде… Положено ли нам единое пособие?»): the finder is offered under its choices whatever they are
 * (verification pass 10: 23 such stories got «Уточните…» and no way to it).
 */
function tellsOfFamily(turn: Turn): boolean {
  const typed = typedText(turn);
  if (typed === undefined) return false;
  return typed.split(' ').length >= STORY_WORDS && ASKS_WHAT_IS_DUE.test(typed) && FAMILY_TOLD.test(typed);
}

/** Whether something is due is asked: «положена ли нам», «что полагается», «имеем ли право». */
const ENTITLEMENT = /(^| )(положен\S*|полагает\S*|полагают\S*|право)( |$)/;

/**
 * Under one measure's page, a story asks for the finder only if it asks whether something is due to the person or
 * the family: «когда подавать», «кто из нас получит», «положено ли лекарство инвалиду 3 группы» ask about the measure
 * (and the measure must be one the finder evaluates).
 */
function asksOwnEntitlement(turn: Turn): boolean {
  const typed = typedText(turn);
  if (typed === undefined) return false;
  return OWN.test(typed) && ENTITLEMENT.test(typed);
}

/** The person's own: «мне», «у нас», «мы». */
const OWN = /(^| )(я|мне|меня|мы|нам|нас)( |$)/;
/** «какие выплаты», «что мне положено», «какие мне положены льготы»: every measure due is asked, not one. */
const ASKS_EVERY_MEASURE =
  /(^| )(какие|какая|какую|что)( \S+){0,2} (льгот\S*|выплат\S*|пособи\S*|положен\S*|полагает\S*|меры поддержки)( |$)/;
/** An own age: «мне 45», «мне уже 58 лет». */
const OWN_AGE = /(^| )мне (уже )?\d{2,3}( |$)/;

/**
 * A short message of one's own situation that asks every measure due («мне 45 инвалид 2 группы какие выплаты», «я
 * инвалид 2 группы мне 50 какие льготы»): the finder is offered under the answer or the choices, as under «какие
 * льготы» alone. A group's question without the person («какие льготы пенсионерам») is not one.
 */
function tellsOwnSituation(turn: Turn): boolean {
  const typed = typedText(turn);
  if (typed === undefined) return false;
  return (
    OWN.test(typed) && ASKS_EVERY_MEASURE.test(typed) && (FAMILY_TOLD.test(typed) || OWN_AGE.test(typed))
  );
}

/** The message asks what is due, for everyone or for the family or person it tells of: a question the finder answers. */
const asksWhatIsDue = (turn: Turn) => asksAllMeasures(turn) || tellsOfFamily(turn) || tellsOwnSituation(turn);

/** "Which of these?" offers the finder when at least this many of the choices are measures it evaluates. */
const CHOICES_FOR_FINDER = 2;

interface FinderFlow extends FlowHandler {
  readonly rules: BenefitRules;
}

export function createBenefitFinderFlow(options: BenefitFinderOptions): FinderFlow {
  const offerTopics = new Set(options.offerTopics ?? DEFAULT_FINDER_TOPICS);
  const measureEntries = new Set(options.rules.measures.map((m) => m.entry));
  return {
    code: FINDER_CODE,
    rules: options.rules,
    commands: ['benefits'],
    menuButtons: (turn) => [action(turn.ctx.t('finder.menu'), payload('go'))],
    entryButtons: (turn, entry: KnowledgeEntry) => {
      if (offerTopics.has(entry.topic)) return [action(turn.ctx.t('finder.offer'), payload('go'))];
      // One measure's page for a story of the family that asks what is due («У меня трое детей, муж инвалид… Положена
      // ли нам субсидия на ЖКУ?»), or for one's own situation asked whole: the rest of what is due is the finder's.
      return (measureEntries.has(entry.id) && asksOwnEntitlement(turn) && tellsOfFamily(turn)) ||
        tellsOwnSituation(turn)
        ? [action(turn.ctx.t('finder.offer_choices'), payload('go'))]
        : [];
    },
    choiceButtons: (turn, entries) =>
      entries.filter((e) => measureEntries.has(e.id)).length >= CHOICES_FOR_FINDER || asksWhatIsDue(turn)
        ? [action(turn.ctx.t('finder.offer_choices'), payload('go'))]
        : [],
    notSureButtons: (turn) =>
      asksWhatIsDue(turn) ? [action(turn.ctx.t('finder.offer_choices'), payload('go'))] : [],
    onCommand(turn) {
      startFinder(turn, false);
    },
    onQuestion: onAgeQuestion,
    onButton(turn, raw) {
      const [kind = '', value = ''] = raw.split(/:(.*)/s);
      switch (kind) {
        case 'go':
          return startFinder(turn, false);
        case 'new':
          return startFinder(turn, true);
        case 'saved': {
          const saved = keptAnswers(turn);
          const answers = saved ? decodeAnswers(saved.code) : undefined;
          if (!answers) return startFinder(turn, true);
          return showResult(turn, options.rules, answers, true, true);
        }
        case 'me': {
          const [index = '', code = ''] = value.split(/:(.*)/s);
          return showMeasure(turn, options.rules, index, code);
        }
        case 'c': {
          // «↩️ Продолжить подбор» under the reply to a question that interrupted the questionnaire.
          const [code = '', encoded = '', takenCode] = value.split(':');
          const step = STEP_OF_CODE.get(code);
          const answers = decodeAnswers(encoded);
          const taken = decodeTaken(takenCode);
          const history = step && answers ? stepsBefore(step, answers) : undefined;
          if (!step || !answers || !history || !taken) return turn.stale();
          return ask(
            turn,
            step,
            { a: answers, h: history, ...(taken.length > 0 ? { p: taken } : {}) },
            false,
          );
        }
        case 'rs': {
          const answers = decodeAnswers(value);
          if (!answers) return turn.stale();
          return showResult(turn, options.rules, answers, false, keptAnswers(turn)?.code === value);
        }
        case 'k':
          return keepAnswers(turn, value);
        case 'del':
          return forgetKeptAnswers(turn);
        default:
          break;
      }
      const d = finderData(turn);
      const current = currentStep(turn);
      if (!d || !current) return turn.stale();
      // A button of an older question (the person scrolled up) is outdated: the current question again, said so. It was
      // «Эта кнопка устарела» and the main menu, with no word that the questionnaire goes on (citizen audit 6).
      const older = () =>
        ask(turn, current, d, false, md(turn, 'finder.older_button'), 'finder:older_button');
      if (kind === 'b' || kind === 's') {
        if (STEP_OF_CODE.get(value) !== current) return older();
        if (kind === 's') return skip(turn, options.rules, current, d, true);
        return goBack(turn, d, true);
      }
      const step = STEP_OF_CODE.get(kind);
      if (step !== current) return step === undefined ? turn.stale() : older();
      onButtonAnswer(turn, options.rules, step, value, d);
    },
    onText(turn, text, found) {
      const d = finderData(turn);
      const step = currentStep(turn);
      if (!d || !step) return false;
      if (onTypedAnswer(turn, options.rules, step, text, d)) return true;
      if (onToldAhead(turn, step, text, d)) return true;
      if (onAgeToldAhead(turn, step, text, d)) return true;
      const typed = comparableText(text);
      if (STOP.has(typed)) {
        turn.state.flow = undefined;
        noteInterrupted(turn, step, d, undefined);
        turn.send(turn.menu());
        turn.outcome({ outcome: 'other', detail: 'finder:stopped', private: true });
        return true;
      }
      switch (unreadReply(turn, step, text, found)) {
        case 'why': {
          const lead = [
            ...md(turn, `finder.why.${d.nw && step === 'employment' ? 'employment_seeking' : step}`),
          ];
          lead.push(...md(turn, 'finder.why_private'));
          ask(turn, step, d, false, lead, `finder:why:${step}`, true);
          return true;
        }
        case 'again': {
          const unread = (d.u ?? 0) + 1;
          ask(turn, step, { ...d, u: unread }, false, againLead(turn, step, unread), `finder:again:${step}`);
          return true;
        }
        case 'leave':
          // A new question: the questionnaire ends (its answers are not kept), with a button back to it.
          noteInterrupted(turn, step, d, found);
          return false;
      }
    },
  };
}
