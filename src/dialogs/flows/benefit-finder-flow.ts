/**
 * "Подобрать меры поддержки": a short questionnaire with buttons (region, children and their ages, pregnancy,
 * adults, income, disability, pension age, work, veteran status), then the measures the family is likely entitled
 * to and those that depend on details, each with a button to its knowledge-base entry. Every question can be
 * skipped, has "back" and says in one line why it is asked. The rules are data (data/benefits/), evaluated by
 * src/services/benefits/. The answers live in the flow state only while the questions are asked; they are kept
 * afterwards only if the person presses "keep" (the button carries them, so nothing is stored before that).
 */
import { instantDate as formatDate } from '../../i18n/calendar-date.js';
import { comparableText } from '../../i18n/comparable-text.js';
import type { KnowledgeEntry } from '../../knowledge/entry.js';
import { formatFigure } from '../../knowledge/figures.js';
import type { Button, OutgoingMessage } from '../../messaging/outgoing-message.js';
import { type Block, parseRichText, type RichText } from '../../messaging/rich-text.js';
import type { SearchOutcome, SpecialIntent } from '../../search/search-types.js';
import type { BenefitRules } from '../../services/benefits/benefit-rules.js';
import { evaluateBenefits, subsistenceMinimum } from '../../services/benefits/evaluate-benefits.js';
import {
  AGE_BANDS,
  type AgeBand,
  DISABILITY_GROUPS,
  DISABILITY_VALUES,
  decodeAnswers,
  EMPLOYMENT_VALUES,
  encodeAnswers,
  type FactName,
  type HouseholdAnswers,
  householdFacts,
  incomePerPerson,
  PENSION_VALUES,
  parseChildrenAges,
  parseIncome,
  REGION_VALUES,
  VETERAN_VALUES,
} from '../../services/benefits/household.js';
import { encodePayload } from '../payloads.js';
import { rows } from '../reply-builders.js';
import type { Turn } from '../turn.js';
import { typedAnswer } from '../typed-answer.js';
import type { FlowHandler } from './flow-handler.js';

export const FINDER_CODE = 'bf';

const STEPS = [
  'region',
  'children',
  'pregnant',
  'adults',
  'income',
  'disability',
  'group',
  'pension',
  'employment',
  'veteran',
] as const;
type Step = (typeof STEPS)[number];

/** Short step codes for payloads (`bf:<code>:<value>`), within Telegram's 64 bytes. */
const CODES: Record<Step, string> = {
  region: 'rg',
  children: 'ch',
  pregnant: 'pr',
  adults: 'ad',
  income: 'in',
  disability: 'di',
  group: 'dg',
  pension: 'pe',
  employment: 'em',
  veteran: 've',
};
const STEP_OF_CODE = new Map(Object.entries(CODES).map(([step, code]) => [code, step as Step]));

/** The number shown to the person ("Вопрос 6 из 9"): the disability group belongs to question 6. */
const QUESTION_NUMBER: Record<Step, number> = {
  region: 1,
  children: 2,
  pregnant: 3,
  adults: 4,
  income: 5,
  disability: 6,
  group: 6,
  pension: 7,
  employment: 8,
  veteran: 9,
};
const QUESTIONS = 9;
const MAX_CHILDREN = 12;

interface FinderData {
  a: HouseholdAnswers;
  /** Steps answered or skipped, for "back". */
  h: Step[];
  /** "Не работаю" was typed at the work question: it asks now whether the person is looking for work. */
  nw?: boolean;
  [key: string]: unknown;
}

interface KeptAnswers {
  code: string;
  at: number;
}

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

const payload = (...parts: string[]) => [FINDER_CODE, ...parts].join(':');
const action = (label: string, data: string): Button => ({ kind: 'action', label, payload: data });

function md(turn: Turn, key: string, vars?: Record<string, string | number>): RichText {
  return parseRichText(turn.ctx.t(key, vars));
}

function data(turn: Turn): FinderData | undefined {
  const flow = turn.state.flow;
  return flow?.code === FINDER_CODE ? (flow.data as FinderData) : undefined;
}

function currentStep(turn: Turn): Step | undefined {
  const step = turn.state.flow?.code === FINDER_CODE ? turn.state.flow.step : undefined;
  return STEPS.find((s) => s === step);
}

/** The step after `step`, given the answers so far (the group is asked only for an adult's disability). */
function nextStep(step: Step, answers: HouseholdAnswers): Step | undefined {
  let i = STEPS.indexOf(step) + 1;
  for (; i < STEPS.length; i++) {
    const s = STEPS[i]!;
    if (s === 'group' && answers.disability !== 'self' && answers.disability !== 'other') continue;
    return s;
  }
  return undefined;
}

/** Forgets what a step recorded (when the person goes back to it, or skips it). */
function clearStep(answers: HouseholdAnswers, step: Step): HouseholdAnswers {
  const a = { ...answers };
  switch (step) {
    case 'region':
      delete a.region;
      break;
    case 'children':
      delete a.children;
      break;
    case 'pregnant':
      delete a.pregnant;
      break;
    case 'adults':
      delete a.adults;
      break;
    case 'income':
      delete a.income;
      break;
    case 'disability':
      delete a.disability;
      delete a.disabilityGroup;
      break;
    case 'group':
      delete a.disabilityGroup;
      break;
    case 'pension':
      delete a.pension;
      break;
    case 'employment':
      delete a.employment;
      break;
    case 'veteran':
      delete a.veteran;
      break;
  }
  return a;
}

/** Button options of a step: [value, label key]. */
function options(step: Step): [string, string][] {
  const list = (values: readonly string[], prefix: string): [string, string][] =>
    values.map((v) => [v, `${prefix}.${v}`]);
  switch (step) {
    case 'region':
      return REGION_VALUES.map((v) => [v, `regions.${v}`]);
    case 'pregnant':
      return [
        ['1', 'finder.options.yes'],
        ['0', 'finder.options.no'],
      ];
    case 'adults':
      return [
        ['1', 'finder.options.adults_1'],
        ['2', 'finder.options.adults_2'],
        ['3', 'finder.options.adults_3'],
        ['4', 'finder.options.adults_4'],
        ['5', 'finder.options.adults_5'],
      ];
    case 'disability':
      return list(DISABILITY_VALUES, 'finder.options.disability');
    case 'group':
      return list(DISABILITY_GROUPS, 'finder.options.group');
    case 'pension':
      return list(PENSION_VALUES, 'finder.options.pension');
    case 'employment':
      return list(EMPLOYMENT_VALUES, 'finder.options.employment');
    case 'veteran':
      return list(VETERAN_VALUES, 'finder.options.veteran');
    case 'children':
    case 'income':
      return [];
  }
}

/** The work question narrowed after "не работаю": looking for work or not (only the unemployment benefit differs). */
const SEEKING_OPTIONS: [string, string][] = [
  ['job-seeking', 'finder.options.seeking.yes'],
  ['not-working', 'finder.options.seeking.no'],
];

/**
 * "Back" and "skip". Once a child has been added, "skip" is gone: pressed instead of "Готово" it dropped the children
 * (a family with a baby got "nothing fits"); "Готово" and "Убрать последнего" are there instead.
 */
function controlsRow(turn: Turn, step: Step, answers: HouseholdAnswers): Button[] {
  const t = turn.ctx.t;
  const back = action(t('finder.buttons.back'), payload('b', CODES[step]));
  if (step === 'children' && (answers.children?.length ?? 0) > 0) return [back];
  return [back, action(t('finder.buttons.skip'), payload('s', CODES[step]))];
}

function bandList(turn: Turn, children: readonly AgeBand[]): string {
  return children.map((c) => turn.ctx.t(`finder.bands.${c}`)).join(', ');
}

/** How a question is asked this time: narrowed to looking for work or not, or without its reason (said before it). */
interface QuestionVariant {
  seeking?: boolean;
  withoutWhy?: boolean;
}

/** The message asking `step`, with an optional lead (e.g. the income per person just computed). */
function question(
  turn: Turn,
  step: Step,
  answers: HouseholdAnswers,
  lead: RichText = [],
  variant: QuestionVariant = {},
): OutgoingMessage {
  const t = turn.ctx.t;
  const seeking = step === 'employment' && variant.seeking === true;
  const key = seeking ? 'employment_seeking' : step;
  const text: Block[] = [
    ...lead,
    ...md(turn, 'finder.progress', { n: QUESTION_NUMBER[step], total: QUESTIONS }),
    ...md(turn, `finder.questions.${key}`),
    ...(variant.withoutWhy ? [] : md(turn, `finder.why.${key}`)),
  ];
  const buttons: Button[][] = [];
  if (step === 'children') {
    const kids = answers.children ?? [];
    if (kids.length > 0)
      text.push(...md(turn, 'finder.children_added', { list: bandList(turn, kids), count: kids.length }));
    buttons.push(
      ...rows(
        AGE_BANDS.map((b) => action(t(`finder.bands.${b}`), payload(CODES.children, `+${b}`))),
        2,
      ),
    );
    buttons.push(
      kids.length === 0
        ? [action(t('finder.buttons.no_children'), payload(CODES.children, 'none'))]
        : [
            action(t('finder.buttons.done'), payload(CODES.children, 'done')),
            action(t('finder.buttons.undo'), payload(CODES.children, 'undo')),
          ],
    );
  } else if (step === 'income') {
    buttons.push([action(t('finder.buttons.no_income'), payload(CODES.income, '0'))]);
  } else if (seeking) {
    buttons.push(SEEKING_OPTIONS.map(([value, k]) => action(t(k), payload(CODES.employment, value))));
  } else {
    const opts = options(step).map(([value, key]) => action(t(key), payload(CODES[step], value)));
    buttons.push(...(step === 'pregnant' || step === 'group' ? rows(opts, 2) : opts.map((b) => [b])));
  }
  buttons.push(controlsRow(turn, step, answers));
  return { text, buttons };
}

/**
 * A questionnaire message: the answer that led to it and the message itself (which repeats the answers) are kept
 * out of the transcript, because the person has not agreed to keep their answers.
 */
function sendPrivately(turn: Turn, message: OutgoingMessage, edit: boolean, detail: string): void {
  turn.effects.push({ type: 'reply', message, ...(edit ? { edit: true } : {}), private: true });
  turn.outcome({ outcome: 'other', detail, private: true });
}

function ask(
  turn: Turn,
  step: Step,
  d: FinderData,
  edit: boolean,
  lead: RichText = [],
  detail = `finder:${step}`,
  withoutWhy = false,
): void {
  turn.state.flow = { code: FINDER_CODE, step, data: d };
  sendPrivately(turn, question(turn, step, d.a, lead, { seeking: d.nw === true, withoutWhy }), edit, detail);
}

/** "Доход на человека — 12 500 ₽; прожиточный минимум (Пермский край) — 17 424 ₽: ниже." */
function incomeLine(turn: Turn, answers: HouseholdAnswers): RichText {
  const perPerson = incomePerPerson(answers);
  const pm = subsistenceMinimum(turn.deps.kb.figures, answers.region);
  if (perPerson === undefined || !pm) return [];
  const t = turn.ctx.t;
  return md(turn, 'finder.income_line', {
    income: formatFigure(perPerson, 'rub'),
    pm: formatFigure(pm.value, 'rub'),
    where: pm.region === 'federal' ? t('finder.pm_federal') : t(`regions.${pm.region}`),
    comparison: t(perPerson < pm.value ? 'finder.below' : 'finder.above'),
  });
}

/** Moves on after `step` was answered or skipped. */
function advance(turn: Turn, rules: BenefitRules, step: Step, d: FinderData, edit: boolean): void {
  const history = d.h.includes(step) ? d.h : [...d.h, step];
  const next = nextStep(step, d.a);
  if (!next) return showResult(turn, rules, d.a, edit);
  ask(turn, next, { a: d.a, h: history }, edit, step === 'income' ? incomeLine(turn, d.a) : []);
}

const FACT_LABEL_KEY: Partial<Record<FactName, string>> = {
  region: 'region',
  children: 'children',
  children_under_1_5: 'children',
  children_under_3: 'children',
  children_under_7: 'children',
  children_under_17: 'children',
  children_under_18: 'children',
  students_18_23: 'children',
  pregnant: 'pregnant',
  adults: 'family',
  family_size: 'family',
  income_per_person: 'income',
  disability: 'disability',
  disability_group: 'disability',
  pension: 'pension',
  employment: 'employment',
  veteran: 'veteran',
};

/**
 * The measures of a result that have an entry, one per entry, in the order of their buttons: the likely ones first,
 * as in the text («✅ Льготы ветерану труда» came after six ❔ ones; a web chat audit).
 */
function measureButtons(
  turn: Turn,
  results: ReturnType<typeof evaluateBenefits>,
): { entryId: string; title: string; status: 'likely' | 'depends' }[] {
  const seen = new Set<string>();
  const ordered = [
    ...results.filter((r) => r.status === 'likely'),
    ...results.filter((r) => r.status !== 'likely'),
  ];
  return ordered.flatMap((r) => {
    if (seen.has(r.measure.entry) || !turn.deps.kb.entry(r.measure.entry)) return [];
    seen.add(r.measure.entry);
    return [{ entryId: r.measure.entry, title: r.measure.title, status: r.status }];
  });
}

/**
 * A measure's page opened from the result: the entry with the figures of the region answered and a button back to
 * the result. The press is private: its payload has the answers.
 */
function showMeasure(turn: Turn, rules: BenefitRules, index: string, code: string): void {
  const answers = decodeAnswers(code);
  const measure = answers
    ? measureButtons(turn, evaluateBenefits(rules, householdFacts(answers), turn.deps.kb.figures))[
        Number(index)
      ]
    : undefined;
  const entry = measure && /^\d{1,2}$/.test(index) ? turn.deps.kb.entry(measure.entryId) : undefined;
  if (!answers || !entry) return turn.stale();
  turn.answer(entry, {
    detail: 'finder:measure',
    private: true,
    ...(answers.region ? { region: answers.region } : {}),
    offers: [action(turn.ctx.t('finder.buttons.results'), payload('rs', code))],
  });
}

/** The result: likely measures, those that depend on details, the disclaimer, and buttons to each entry. */
export function resultMessage(
  turn: Turn,
  rules: BenefitRules,
  answers: HouseholdAnswers,
  saved: boolean,
): OutgoingMessage {
  const t = turn.ctx.t;
  const results = evaluateBenefits(rules, householdFacts(answers), turn.deps.kb.figures);
  const likely = results.filter((r) => r.status === 'likely');
  const depends = results.filter((r) => r.status === 'depends');
  const item = (title: string, detail: string) => [{ text: title, bold: true }, { text: ` — ${detail}` }];
  const text: Block[] = [...md(turn, 'finder.result.title'), ...incomeLine(turn, answers)];
  if (likely.length > 0) {
    text.push(...md(turn, 'finder.result.likely'));
    text.push({ type: 'list', items: likely.map((r) => item(r.measure.title, r.measure.reason)) });
  }
  if (depends.length > 0) {
    text.push(...md(turn, 'finder.result.depends'));
    text.push({
      type: 'list',
      items: depends.map((r) => {
        const missing = [...new Set(r.missing.map((f) => FACT_LABEL_KEY[f] ?? 'other'))].map((k) =>
          t(`finder.facts.${k}`),
        );
        const detail = [
          ...(r.measure.unasked ? [r.measure.unasked] : []),
          ...(missing.length > 0 ? [t('finder.result.missing', { answers: missing.join(', ') })] : []),
        ].join('; ');
        return item(r.measure.title, detail);
      }),
    });
  }
  if (results.length === 0) text.push(...md(turn, 'finder.result.none'));
  text.push(...md(turn, 'finder.result.disclaimer'));
  if (!saved) text.push(...md(turn, 'finder.result.keep_question'));
  // One button per knowledge-base entry (two measures may share one); the press carries the answers, which the
  // dialog does not keep, so that the measure's page can show the region's figures and lead back here.
  const code = encodeAnswers(answers);
  const entryButtons = measureButtons(turn, results).map((m, i) => [
    action(`${m.status === 'likely' ? '✅' : '❔'} ${m.title}`, payload('me', String(i), code)),
  ]);
  const keepRow = saved
    ? [action(t('finder.buttons.forget_saved'), payload('del'))]
    : [action(t('finder.buttons.keep'), payload('k', code))];
  return {
    text,
    buttons: [
      ...entryButtons,
      keepRow,
      [
        action(t('finder.buttons.restart'), payload('new')),
        action(t('buttons.consultant'), encodePayload({ a: 'handoff', reason: 'user_request' })),
      ],
      [action(t('buttons.menu'), encodePayload({ a: 'menu' }))],
    ],
  };
}

function showResult(
  turn: Turn,
  rules: BenefitRules,
  answers: HouseholdAnswers,
  edit: boolean,
  saved = false,
): void {
  // The answers leave the dialog state with the result: only the "keep" button carries them on.
  turn.state.flow = undefined;
  const likely = evaluateBenefits(rules, householdFacts(answers), turn.deps.kb.figures).filter(
    (r) => r.status === 'likely',
  );
  const message = resultMessage(turn, rules, answers, saved);
  const detail = `finder:result:${likely.length}`;
  // Saved answers were kept with the person's consent; a fresh result is as private as the answers.
  if (saved) {
    turn.send(message, edit);
    turn.outcome({ outcome: 'other', detail });
  } else sendPrivately(turn, message, edit, detail);
}

function kept(turn: Turn): KeptAnswers | undefined {
  const k = turn.state.kept?.[FINDER_CODE] as KeptAnswers | undefined;
  return k && typeof k.code === 'string' && decodeAnswers(k.code) ? k : undefined;
}

function start(turn: Turn, fresh: boolean): void {
  const saved = kept(turn);
  if (saved && !fresh) {
    turn.state.flow = undefined;
    const t = turn.ctx.t;
    turn.send({
      text: md(turn, 'finder.saved_found', { date: formatDate(saved.at) }),
      buttons: [
        [action(t('finder.buttons.show_saved'), payload('saved'))],
        [action(t('finder.buttons.restart'), payload('new'))],
        [action(t('finder.buttons.forget_saved'), payload('del'))],
      ],
    });
    turn.outcome({ outcome: 'other', detail: 'finder:saved' });
    return;
  }
  const answers: HouseholdAnswers = {};
  ask(turn, 'region', { a: answers, h: [] }, false, md(turn, 'finder.intro'));
}

/** A button's answer; `edit` replaces the question pressed under (false for an answer typed as words). */
function onAnswer(
  turn: Turn,
  rules: BenefitRules,
  step: Step,
  value: string,
  d: FinderData,
  edit = true,
): void {
  const a = { ...d.a };
  switch (step) {
    case 'region': {
      const region = REGION_VALUES.find((r) => r === value);
      if (!region) return turn.stale();
      // Not saved as the citizen's region: the answers are kept only if the person asks for it.
      a.region = region;
      break;
    }
    case 'children': {
      const kids = [...(a.children ?? [])];
      if (value.startsWith('+')) {
        const band = AGE_BANDS.find((b) => b === value.slice(1));
        if (!band) return turn.stale();
        if (kids.length < MAX_CHILDREN) kids.push(band);
        return ask(turn, 'children', { a: { ...a, children: kids }, h: d.h }, edit);
      }
      if (value === 'undo') {
        kids.pop();
        return ask(turn, 'children', { a: { ...a, children: kids }, h: d.h }, edit);
      }
      if (value === 'none') a.children = [];
      else if (value === 'done') a.children = kids;
      else return turn.stale();
      break;
    }
    case 'pregnant':
      if (value !== '0' && value !== '1') return turn.stale();
      a.pregnant = value === '1';
      break;
    case 'adults': {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 5) return turn.stale();
      a.adults = n;
      break;
    }
    case 'income':
      if (value !== '0') return turn.stale();
      a.income = 0;
      break;
    case 'disability': {
      const v = DISABILITY_VALUES.find((x) => x === value);
      if (!v) return turn.stale();
      a.disability = v;
      if (v !== 'self' && v !== 'other') delete a.disabilityGroup;
      break;
    }
    case 'group': {
      const v = DISABILITY_GROUPS.find((x) => x === value);
      if (!v) return turn.stale();
      a.disabilityGroup = v;
      break;
    }
    case 'pension': {
      const v = PENSION_VALUES.find((x) => x === value);
      if (!v) return turn.stale();
      a.pension = v;
      break;
    }
    case 'employment': {
      const v = EMPLOYMENT_VALUES.find((x) => x === value);
      if (!v) return turn.stale();
      a.employment = v;
      break;
    }
    case 'veteran': {
      const v = VETERAN_VALUES.find((x) => x === value);
      if (!v) return turn.stale();
      a.veteran = v;
      break;
    }
  }
  advance(turn, rules, step, { a, h: d.h }, edit);
}

/**
 * The button value a typed reply names on a question with buttons ("нет", "двое", "Волгоград"), or undefined. Not for
 * the income, which is typed anyway.
 */
function typedStepAnswer(turn: Turn, step: Step, text: string, d: FinderData): string | undefined {
  const t = turn.ctx.t;
  if (step === 'income') return undefined;
  if (step === 'children') {
    const added = (d.a.children?.length ?? 0) > 0;
    const offered = added
      ? [
          { value: 'done', label: t('finder.buttons.done') },
          { value: 'undo', label: t('finder.buttons.undo') },
        ]
      : [{ value: 'none', label: t('finder.buttons.no_children') }];
    if (added && DONE.has(comparableText(text))) return 'done';
    return typedAnswer(text, offered, added ? {} : { no: 'none' });
  }
  if (step === 'region') {
    const named = turn.deps.understanding.region(text);
    if (named) return named;
  }
  if (step === 'employment' && d.nw) {
    const typed = comparableText(text);
    if (typed === 'ищу' || typed === 'да ищу') return 'job-seeking';
    const seeking = typedAnswer(
      text,
      SEEKING_OPTIONS.map(([value, key]) => ({ value, label: t(key) })),
      { yes: 'job-seeking', no: 'not-working' },
    );
    if (seeking) return seeking;
  }
  const said = SAID_AS[step]?.[comparableText(text)];
  if (said) return said;
  const buttons = options(step);
  const offered = buttons.map(([value, key]) => ({ value, label: t(key) }));
  const no = buttons.find(([, key]) => /\.(no|none)$/.test(key))?.[0];
  const yes = step === 'pregnant' ? '1' : step === 'employment' ? 'working' : undefined;
  return typedAnswer(text, offered, { ...(yes ? { yes } : {}), ...(no ? { no } : {}) });
}

/**
 * Everyday words for an option that its label does not have: «пенсионерка» (which names a subject, and so left the
 * questionnaire as a new question).
 */
const PENSIONER = ['пенсионер', 'пенсионерка', 'на пенсии', 'я на пенсии', 'я пенсионер', 'я пенсионерка'];
const RELATIVES = [
  'мужа',
  'жены',
  'супруга',
  'супруги',
  'мамы',
  'матери',
  'папы',
  'отца',
  'бабушки',
  'дедушки',
];
const SAID_AS: Partial<Record<Step, Record<string, string>>> = {
  disability: {
    ...Object.fromEntries(RELATIVES.map((w) => [`у ${w}`, 'other'])),
    инвалид: 'self',
    'я инвалид': 'self',
    'у меня инвалидность': 'self',
    'ребенок инвалид': 'child',
    'у ребенка инвалидность': 'child',
    'нет инвалидности': 'none',
    'инвалидности нет': 'none',
    никто: 'none',
  },
  pension: {
    ...Object.fromEntries(PENSIONER.map((w) => [w, 'pensioner'])),
    'да получаю': 'pensioner',
    получаю: 'pensioner',
    предпенсионер: 'pre-pension',
    предпенсионерка: 'pre-pension',
    'я предпенсионер': 'pre-pension',
    'я предпенсионерка': 'pre-pension',
    'нет не получаю': 'no',
    'не получаю': 'no',
  },
  employment: {
    ...Object.fromEntries(PENSIONER.map((w) => [w, 'not-working'])),
    домохозяйка: 'not-working',
    'ищу работу': 'job-seeking',
    студент: 'student',
    студентка: 'student',
    'да работаю': 'working',
    самозанятый: 'self-employed',
    самозанятая: 'self-employed',
    ип: 'self-employed',
  },
};

/** "Готово" typed after the children were added. */
const DONE = new Set(['готово', 'все', 'это все', 'больше нет', 'больше никого']);
/** "Skip" in words, and refusals to say, which skipping is for. */
const SKIP = new Set([
  'пропустить',
  'пропусти',
  'пропускаю',
  'пропуск',
  'дальше',
  'далее',
  'следующий',
  'следующий вопрос',
  'не знаю',
  'незнаю',
  'не скажу',
  'не хочу говорить',
  'не хочу отвечать',
  'не буду говорить',
  'не буду отвечать',
  'без ответа',
]);
const BACK = new Set(['назад', 'вернуться', 'вернуться назад', 'предыдущий вопрос', 'верните назад']);
/** An explicit "stop the questionnaire": the menu, with the button to continue later. */
const STOP = new Set([
  'стоп',
  'хватит',
  'отмена',
  'отменить',
  'выйти',
  'выход',
  'закончить',
  'не надо',
  'не хочу',
  'прекратить',
  'остановить',
  'потом',
]);
/** "Не работаю" without saying whether the person looks for work: the words around it that add nothing. */
const NOT_WORKING = new Set([
  'нет',
  'неа',
  'не работаю',
  'не работаем',
  'нет не работаю',
  'безработный',
  'безработная',
]);
const NOT_WORKING_FILLERS = new Set(['я', 'сейчас', 'пока', 'нигде', 'уже', 'мы']);

function notWorking(text: string): boolean {
  const words = comparableText(text)
    .split(' ')
    .filter((w) => w && !NOT_WORKING_FILLERS.has(w));
  return NOT_WORKING.has(words.join(' '));
}

/** Intents that are a request of their own whatever question is open. */
const LEAVING_INTENTS = new Set<SpecialIntent>([
  'human',
  'crisis',
  'personal_case',
  'off_topic',
  'hours',
  'find_office',
  'about',
]);
/** Intents after which a person, not the questionnaire, answers: no "continue" under that reply. */
const HANDED_OVER = new Set<SpecialIntent>(['human', 'crisis', 'personal_case']);
/** A reply longer than this, not understood as an answer, is a message of its own. */
const MAX_SHORT_REPLY_WORDS = 6;
const LEAD_PARTICLES = new Set(['а', 'и', 'ну', 'так', 'ой']);
const WHY_WORDS = new Set(['зачем', 'почему', 'для чего', 'к чему', 'это зачем']);
/** What "зачем …" may be about and still be about the question: «а зачем вам мой доход». */
const WHY_OBJECTS = new Set([
  'вам',
  'вы',
  'тебе',
  'это',
  'этот',
  'нужно',
  'надо',
  'знать',
  'спрашиваете',
  'спрашиваешь',
  'такое',
  'такие',
  'вопрос',
  'вопросы',
  'мой',
  'моя',
  'мои',
  'наш',
  'доход',
  'данные',
  'сведения',
  'информация',
  'спрашивать',
  'нужна',
  'нужен',
]);
const QUESTION_WORDS = new Set([
  'как',
  'где',
  'куда',
  'когда',
  'сколько',
  'какой',
  'какая',
  'какие',
  'каких',
  'какое',
  'кто',
  'что',
  'чем',
  'можно',
  'почему',
  'зачем',
  'откуда',
  'кому',
  'положено',
  'положены',
  'положен',
]);

/**
 * What to do with a reply the question could not read: `why` for «а зачем вам это?», `again` for a short reply that
 * asks nothing of its own («тридцатка», «не понял», «щас»), `leave` for a new question (it names a subject, asks
 * something of its own, is long, or asks for a person).
 */
function unreadReply(
  turn: Turn,
  step: Step,
  text: string,
  found: SearchOutcome | undefined,
): 'why' | 'again' | 'leave' {
  if (found?.intent && LEAVING_INTENTS.has(found.intent)) return 'leave';
  const all = comparableText(text).split(' ').filter(Boolean);
  const words = LEAD_PARTICLES.has(all[0] ?? '') ? all.slice(1) : all;
  const names = turn.deps.understanding.namesSubject(text);
  const why = WHY_WORDS.has(words.slice(0, 2).join(' ')) ? 2 : WHY_WORDS.has(words[0] ?? '') ? 1 : 0;
  if (why > 0 && words.slice(why).every((w) => WHY_OBJECTS.has(w))) return 'why';
  // The words of several buttons («ветеран» at «Ветеран труда» and «Ветеран боевых действий»): one of them was meant.
  const labels = options(step).map(([, key]) => comparableText(turn.ctx.t(key)).split(' '));
  if (all.length > 0 && labels.filter((l) => all.every((w) => l.includes(w))).length > 1) return 'again';
  // Digits that are not an amount («45000 на двоих и пенсия 12000»): the income was meant.
  if (step === 'income' && /\d/.test(text) && all.length <= MAX_SHORT_REPLY_WORDS * 2) return 'again';
  if (names || all.length > MAX_SHORT_REPLY_WORDS) return 'leave';
  // «что?», «как?», «в смысле?» ask what is meant; «как оформить?» asks something else.
  const ownQuestion = words.length > 2 && (text.includes('?') || QUESTION_WORDS.has(words[0] ?? ''));
  return ownQuestion ? 'leave' : 'again';
}

/** The steps before `step` in the order asked for these answers: the history a resumed questionnaire goes back by. */
function stepsBefore(step: Step, answers: HouseholdAnswers): Step[] | undefined {
  const history: Step[] = [];
  for (let s: Step | undefined = 'region'; s !== undefined; s = nextStep(s, answers)) {
    if (s === step) return history;
    history.push(s);
  }
  return undefined;
}

/** The button back to the question where the person stopped; it carries the answers so far (nothing is stored). */
function continueButton(turn: Turn, step: Step, answers: HouseholdAnswers): Button {
  return action(turn.ctx.t('finder.buttons.continue'), payload('c', CODES[step], encodeAnswers(answers)));
}

/**
 * The questionnaire is left for a new question: the reply to it says so, with a button to go on where it stopped
 * (the answers were lost without a word; a citizen audit). Nothing to say when nothing was answered yet.
 */
function noteInterrupted(turn: Turn, step: Step, d: FinderData, found: SearchOutcome | undefined): void {
  if (d.h.length === 0 && Object.keys(d.a).length === 0) return;
  if (found?.intent && HANDED_OVER.has(found.intent)) return;
  turn.leadNextReply(md(turn, 'finder.interrupted', { n: QUESTION_NUMBER[step], total: QUESTIONS }));
  turn.endNextReply([[continueButton(turn, step, d.a)]]);
}

/** The hint said before a question asked again, for a reply it could not read. */
function againLead(turn: Turn, step: Step): RichText {
  if (step === 'income') return md(turn, 'finder.income_again');
  if (step === 'children' || step === 'region' || step === 'adults') return md(turn, `finder.again.${step}`);
  return md(turn, 'finder.again.buttons');
}
/** A typed reply that answers the question (or skips it, or goes back): taken as the button would be. */
function onTypedAnswer(turn: Turn, rules: BenefitRules, step: Step, text: string, d: FinderData): boolean {
  const income = step === 'income' ? parseIncome(text) : undefined;
  if (income !== undefined) {
    advance(turn, rules, 'income', { a: { ...d.a, income }, h: d.h }, false);
    return true;
  }
  if (step === 'adults') {
    const n = /^\s*(\d{1,2})\s*$/.exec(text)?.[1];
    if (n && Number(n) >= 1) {
      advance(turn, rules, 'adults', { a: { ...d.a, adults: Math.min(Number(n), 5) }, h: d.h }, false);
      return true;
    }
  }
  if (step === 'children') {
    const ages = parseChildrenAges(text);
    if (ages) {
      const before = d.a.children ?? [];
      const kids = [...before, ...ages.bands].slice(0, MAX_CHILDREN);
      // Every child told at once («двое, 2 и 5 лет»): the next question, saying what was understood. Otherwise the
      // question again with the children added, for the rest or «Готово».
      if (before.length === 0 && (ages.count === undefined || ages.count === kids.length)) {
        const lead = md(turn, 'finder.children_typed', { list: bandList(turn, kids), count: kids.length });
        const next = nextStep('children', d.a);
        if (next) {
          const answers = { ...d.a, children: kids };
          ask(turn, next, { a: answers, h: [...d.h, 'children'] }, false, lead);
          return true;
        }
      }
      ask(turn, 'children', { a: { ...d.a, children: kids }, h: d.h }, false);
      return true;
    }
  }
  const typed = typedStepAnswer(turn, step, text, d);
  if (typed !== undefined) {
    onAnswer(turn, rules, step, typed, d, false);
    return true;
  }
  if (step === 'employment' && !d.nw && notWorking(text)) {
    // Only the unemployment benefit tells the two apart, and a pensioner by age cannot be registered as unemployed.
    if (d.a.pension === 'pensioner') onAnswer(turn, rules, step, 'not-working', d, false);
    else ask(turn, 'employment', { ...d, nw: true }, false);
    return true;
  }
  const words = comparableText(text);
  if (SKIP.has(words) || words === comparableText(turn.ctx.t('finder.buttons.skip'))) {
    if (step === 'children' && (d.a.children?.length ?? 0) > 0) advance(turn, rules, step, d, false);
    else advance(turn, rules, step, { a: clearStep(d.a, step), h: d.h }, false);
    return true;
  }
  if (BACK.has(words) || words === comparableText(turn.ctx.t('finder.buttons.back'))) {
    const previous = d.h.at(-1);
    if (previous) ask(turn, previous, { a: d.a, h: d.h.slice(0, -1) }, false);
    else {
      turn.state.flow = undefined;
      turn.send(turn.menu());
      turn.outcome({ outcome: 'other', detail: 'finder:back-to-menu' });
    }
    return true;
  }
  return false;
}

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
    entryButtons: (turn, entry: KnowledgeEntry) =>
      offerTopics.has(entry.topic) ? [action(turn.ctx.t('finder.offer'), payload('go'))] : [],
    choiceButtons: (turn, entries) =>
      entries.filter((e) => measureEntries.has(e.id)).length >= CHOICES_FOR_FINDER
        ? [action(turn.ctx.t('finder.offer_choices'), payload('go'))]
        : [],
    onCommand(turn) {
      start(turn, false);
    },
    onButton(turn, raw) {
      const [kind = '', value = ''] = raw.split(/:(.*)/s);
      switch (kind) {
        case 'go':
          return start(turn, false);
        case 'new':
          return start(turn, true);
        case 'saved': {
          const saved = kept(turn);
          const answers = saved ? decodeAnswers(saved.code) : undefined;
          if (!answers) return start(turn, true);
          return showResult(turn, options.rules, answers, true, true);
        }
        case 'me': {
          const [index = '', code = ''] = value.split(/:(.*)/s);
          return showMeasure(turn, options.rules, index, code);
        }
        case 'c': {
          // «↩️ Продолжить подбор» under the reply to a question that interrupted the questionnaire.
          const [code = '', encoded = ''] = value.split(/:(.*)/s);
          const step = STEP_OF_CODE.get(code);
          const answers = decodeAnswers(encoded);
          const history = step && answers ? stepsBefore(step, answers) : undefined;
          if (!step || !answers || !history) return turn.stale();
          return ask(turn, step, { a: answers, h: history }, false);
        }
        case 'rs': {
          const answers = decodeAnswers(value);
          if (!answers) return turn.stale();
          return showResult(turn, options.rules, answers, false, kept(turn)?.code === value);
        }
        case 'k': {
          const answers = decodeAnswers(value);
          if (!answers) return turn.stale();
          turn.state.kept = {
            ...turn.state.kept,
            [FINDER_CODE]: { code: encodeAnswers(answers), at: turn.deps.now },
          };
          turn.send({
            text: md(turn, 'finder.kept'),
            buttons: [
              [
                action(turn.ctx.t('finder.buttons.forget_saved'), payload('del')),
                action(turn.ctx.t('buttons.menu'), encodePayload({ a: 'menu' })),
              ],
            ],
          });
          return turn.outcome({ outcome: 'other', detail: 'finder:kept' });
        }
        case 'del': {
          if (turn.state.kept) {
            const { [FINDER_CODE]: _dropped, ...rest } = turn.state.kept;
            turn.state.kept = Object.keys(rest).length > 0 ? rest : undefined;
          }
          turn.send({
            text: md(turn, 'finder.saved_deleted'),
            buttons: [
              [
                action(turn.ctx.t('finder.buttons.restart'), payload('new')),
                action(turn.ctx.t('buttons.menu'), encodePayload({ a: 'menu' })),
              ],
            ],
          });
          return turn.outcome({ outcome: 'other', detail: 'finder:deleted' });
        }
        default:
          break;
      }
      const d = data(turn);
      const current = currentStep(turn);
      if (!d || !current) return turn.stale();
      if (kind === 'b' || kind === 's') {
        // A control of an older question (the person scrolled up) is outdated.
        if (STEP_OF_CODE.get(value) !== current) return turn.stale();
        // "Skip" under an older copy of the children question, after children were added: they are kept.
        if (kind === 's' && current === 'children' && (d.a.children?.length ?? 0) > 0)
          return advance(turn, options.rules, current, d, true);
        if (kind === 's')
          return advance(turn, options.rules, current, { a: clearStep(d.a, current), h: d.h }, true);
        const previous = d.h.at(-1);
        if (!previous) {
          turn.state.flow = undefined;
          turn.send(turn.menu(), true);
          return turn.outcome({ outcome: 'other', detail: 'finder:back-to-menu' });
        }
        return ask(turn, previous, { a: d.a, h: d.h.slice(0, -1) }, true);
      }
      const step = STEP_OF_CODE.get(kind);
      if (step !== current) return turn.stale();
      onAnswer(turn, options.rules, step, value, d);
    },
    onText(turn, text, found) {
      const d = data(turn);
      const step = currentStep(turn);
      if (!d || !step) return false;
      if (onTypedAnswer(turn, options.rules, step, text, d)) return true;
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
        case 'again':
          ask(turn, step, d, false, againLead(turn, step), `finder:again:${step}`);
          return true;
        case 'leave':
          // A new question: the questionnaire ends (its answers are not kept), with a button back to it.
          noteInterrupted(turn, step, d, found);
          return false;
      }
    },
  };
}
