/**
 * A reply typed as words at a question: read as the button it names, a typed income or children's ages, a sentence
 * about the family («мы с мужем», «муж получает 45 тысяч»), skip or back.
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import { formatFigure } from '../../../knowledge/figures.js';
import type { RichText } from '../../../messaging/rich-text.js';
import type { BenefitRules } from '../../../services/benefits/benefit-rules.js';
import {
  type AgeBand,
  parseChildrenAges,
  parseIncome,
  parseYearlyIncome,
} from '../../../services/benefits/household.js';
import type { Turn } from '../../turn.js';
import { typedAnswer } from '../../typed-answer.js';
import { md } from '../flow-replies.js';
import { onButtonAnswer } from './button-answer.js';
import { readFamilyStatement, readPeopleCount } from './family-statement.js';
import type { FinderData } from './finder-state.js';
import { incomeLine } from './income-line.js';
import { regionSaid } from './places-named.js';
import { bandList } from './question-message.js';
import { advance, ask, goBack, nextQuestion, skip, takenSteps } from './questionnaire-progress.js';
import { MAX_CHILDREN, SEEKING_OPTIONS, type Step, stepOptions } from './questionnaire-steps.js';
import {
  namesPregnancy,
  PRE_PENSION_FROM,
  pensionOfAgeSaid,
  saidDisability,
  saidNoChildren,
  saidOwnAge,
  saidPregnant,
} from './said-answers.js';
import { clauseBeforeTold, withToldBeside } from './told-ahead.js';
import {
  BACK,
  BARE_NO,
  DONE,
  employmentSaid,
  notWorking,
  SAID_AS,
  SKIP,
  saidNoButARelative,
  svoSaid,
} from './typed-answer-words.js';
import { againLead } from './unread-reply.js';

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
    if (!added && saidNoChildren(text)) return 'none';
    return typedAnswer(text, offered, added ? {} : { no: 'none' });
  }
  if (step === 'region') {
    const region = regionSaid(turn, text);
    if (region) return region;
  }
  if (step === 'veteran') {
    const svo = svoSaid(text);
    if (svo) return svo;
  }
  if (step === 'pregnant') {
    const pregnant = saidPregnant(text);
    if (pregnant) return pregnant;
  }
  if (step === 'employment') {
    const said = employmentSaid(text);
    if (said) return said;
  }
  // «нет, но муж получает пенсию»: the question is the person's own (it opened the survivor's pension; citizen audit 6).
  if (step === 'pension' && saidNoButARelative(text)) return 'no';
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
  const buttons = stepOptions(step);
  const offered = buttons.map(([value, key]) => ({ value, label: t(key) }));
  // «нет, на пенсии» at «Вы сейчас работаете?», «да, по старости» at the pension question: the answers themselves
  // (they stopped the questionnaire, the second with the off-topic refusal; a verification pass).
  // A bare «нет» there still asks whether one looks for work (see notWorking).
  const no =
    step === 'employment'
      ? comparableText(text) === 'нет'
        ? undefined
        : 'not-working'
      : buttons.find(([, key]) => /\.(no|none)$/.test(key))?.[0];
  const yes =
    step === 'pregnant'
      ? '1'
      : step === 'employment'
        ? 'working'
        : step === 'pension'
          ? 'pensioner'
          : undefined;
  return typedAnswer(text, offered, { ...(yes ? { yes } : {}), ...(no ? { no } : {}), withReason: true });
}

/**
 * The open question's answer in the first clause of a reply whose rest tells a later one's: «не работаю, муж на сво»,
 * «нет, муж погиб на сво» at «Вы сейчас работаете?». Read whole, neither was an answer, and the questionnaire was left
 * for the SVO card, or for choices after condolences; «нет, муж на сво» was taken (a citizen audit). «не работаю»
 * or «нет» with something told beside it is «Не работаю», as «нет» with a reason is (typedStepAnswer): not looking
 * for work, which only the unemployment benefit would ask.
 */
function firstClauseAnswer(turn: Turn, step: Step, text: string, d: FinderData): string | undefined {
  const first = clauseBeforeTold(turn, step, text, d);
  if (first === undefined) return undefined;
  const said = typedStepAnswer(turn, step, first, d);
  if (said !== undefined) return said;
  return step === 'employment' && !d.nw && notWorking(first) !== undefined ? 'not-working' : undefined;
}

/** A typed reply that answers the question (or skips it, or goes back): taken as the button would be. */
export function onTypedAnswer(
  turn: Turn,
  rules: BenefitRules,
  step: Step,
  text: string,
  d: FinderData,
): boolean {
  if (step === 'income' && onYearlyIncome(turn, text, d)) return true;
  const income = step === 'income' ? (parseIncome(text) ?? readFamilyStatement(text)?.income) : undefined;
  if (income !== undefined) {
    advance(turn, rules, 'income', { a: { ...d.a, income }, h: d.h }, false);
    return true;
  }
  // A bare «нет» to the income: whether there is no income at all is asked, «Доходов нет» confirms it. Taken as no
  // income, it made low-income measures «likely» after «Не понял сумму» (citizen audit 6, M1).
  if (step === 'income' && BARE_NO.has(comparableText(text)))
    return askAgain(turn, step, { ...d, n0: true }, 'finder.income_no', 'finder:income_no');
  // «да» to «у семьи совсем нет дохода…?»: no income, as «Доходов нет» pressed (a verification pass: «Не понял сумму»).
  if (step === 'income' && d.n0 === true && CONFIRMS_NO_INCOME.test(comparableText(text))) {
    advance(turn, rules, 'income', { a: { ...d.a, income: 0 }, h: d.h }, false);
    return true;
  }
  if (step === 'adults') {
    const n = /^\s*(\d{1,2})\s*$/.exec(text)?.[1];
    if (n && Number(n) >= 1) {
      advance(turn, rules, 'adults', { a: { ...d.a, adults: Math.min(Number(n), 5) }, h: d.h }, false);
      return true;
    }
    if (onFamilyStatement(turn, text, d)) return true;
    const people = readPeopleCount(text);
    if (people) {
      // «3 человека» after children were told may count them: which of them are adults is asked.
      if (!people.adultsOnly && (d.a.children?.length ?? 0) > 0)
        return askAgain(turn, step, d, 'finder.adults_people', 'finder:adults_people');
      advance(turn, rules, 'adults', { a: { ...d.a, adults: Math.min(people.count, 5) }, h: d.h }, false);
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
        const answers = { ...d.a, children: kids };
        const history: Step[] = [...d.h, 'children'];
        const next = nextQuestion(turn, 'children', d, answers, history);
        if (next) {
          ask(turn, next, { a: answers, h: history }, false, lead);
          return true;
        }
      }
      ask(turn, 'children', { a: { ...d.a, children: kids }, h: d.h }, false);
      return true;
    }
    // «да, я беременна»: the pregnancy question's answer, told early. It is taken, and the children question asked
    // again for the children already born (it left the questionnaire for the pregnancy entries; citizen audit 6, H4).
    if (namesPregnancy(text) || NO_BUT_PREGNANT.test(comparableText(text))) {
      // Taken: passed over after the children, and reached by «Назад» to change it.
      const p = [...takenSteps(turn, d), 'pregnant' as const];
      const withPregnancy: FinderData = { a: { ...d.a, pregnant: true }, h: d.h, p };
      // The children said beside it («я беременна, других детей нет», «…, сыну 3 года»): taken too (verification
      // pass 8: the children question was asked again, and the ages were lost).
      const born = childrenBeside(text);
      if (born && (d.a.children?.length ?? 0) === 0) {
        const a = { ...withPregnancy.a, children: born };
        const history: Step[] = [...d.h, 'children'];
        const next = nextQuestion(turn, 'children', withPregnancy, a, history);
        if (next) {
          ask(turn, next, { a, h: history, p }, false, md(turn, 'finder.pregnant_children_typed'));
          return true;
        }
      }
      const lead = md(turn, 'finder.pregnant_at_children');
      ask(turn, 'children', withPregnancy, false, lead, 'finder:children', true);
      return true;
    }
  }
  const typed = typedStepAnswer(turn, step, text, d) ?? firstClauseAnswer(turn, step, text, d);
  if (typed !== undefined) {
    onButtonAnswer(turn, rules, step, typed, withToldBeside(turn, step, text, d), false);
    return true;
  }
  if (step === 'disability') {
    const said = saidDisability(text, (d.a.children?.length ?? 0) > 0);
    // The group said with it («у мужа 2 группа») answers the group's question too.
    if (said?.group) {
      const a = { ...d.a, disability: said.who, disabilityGroup: said.group };
      advance(turn, rules, 'group', { a, h: [...d.h, 'disability'] }, false);
      return true;
    }
    if (said) {
      onButtonAnswer(turn, rules, step, said.who, d, false);
      return true;
    }
  }
  if (step === 'pension' && onOwnAge(turn, rules, text, d)) return true;
  // «учусь заочно»: «Учусь очно» is the only study option, for full-time study; the work question is asked again,
  // saying so (verification pass 8: it left the questionnaire).
  if (step === 'employment' && PART_TIME_STUDY.test(comparableText(text)))
    return askAgain(turn, step, d, 'finder.part_time_study', 'finder:part_time_study');
  const home = step === 'employment' ? notWorking(text) : undefined;
  // «не работаю, сижу с детьми»: at home for a reason, so not looking for work.
  if (home === 'at-home') {
    onButtonAnswer(turn, rules, step, 'not-working', d, false);
    return true;
  }
  if (home === 'unsure' && !d.nw) {
    // Only the unemployment benefit tells the two apart, and a pensioner by age cannot be registered as unemployed.
    if (d.a.pension === 'pensioner') onButtonAnswer(turn, rules, step, 'not-working', d, false);
    else ask(turn, 'employment', { a: d.a, h: d.h, nw: true }, false);
    return true;
  }
  const words = comparableText(text);
  if (SKIP.has(words) || words === comparableText(turn.ctx.t('finder.buttons.skip'))) {
    skip(turn, rules, step, d, false);
    return true;
  }
  if (BACK.has(words) || words === comparableText(turn.ctx.t('finder.buttons.back'))) {
    goBack(turn, d, false);
    return true;
  }
  return false;
}

/** «нет, но я беременна», «нет, жена беременна»: no children born yet, and a pregnancy (it left the questionnaire). */
const NO_BUT_PREGNANT = /^нет(?: детей)?(?: но| а)? (?:я|жена|супруга)(?: сейчас| уже)? беременна(?: |$)/;

/**
 * The children born said beside a pregnancy: none («других детей нет», «детей пока нет»), or their ages in a part of
 * its own («я беременна, сыну 3 года»); undefined when neither.
 */
function childrenBeside(text: string): AgeBand[] | undefined {
  if (saidNoChildren(text) || NO_BUT_PREGNANT.test(comparableText(text))) return [];
  for (const part of text.split(/[,;.]|\s+и\s+|\s+а\s+/)) {
    const ages = parseChildrenAges(part);
    if (ages && (ages.count === undefined || ages.count === ages.bands.length)) return ages.bands;
  }
  return undefined;
}

/** Study said as part-time or evening. */
const PART_TIME_STUDY = /(?:^|\s)(?:заочн\S*|вечерн\S*|очно заочн\S*|дистанционн\S*)(?:\s|$)/;

/** A yes to whether the family has no income at all. */
const CONFIRMS_NO_INCOME =
  /^(?:да|ага|угу|верно|так и есть|точно|совсем нет|нет совсем|да нет|да совсем нет|да ничего|да никакого)(?: дохода| доходов| нет)?$/;

/**
 * «мы с мужем», «живу одна» at the adults question: the adults; with an amount («муж получает 45 тысяч, я не
 * работаю») the family's income too, and the income question is not asked. What was understood is said, with «Назад»
 * to correct it.
 */
function onFamilyStatement(turn: Turn, text: string, d: FinderData): boolean {
  const said = readFamilyStatement(text);
  if (said?.adults === undefined) return false;
  // «нас трое» after children were told may count them: asked again rather than taken as three adults. Without
  // children it is the adults.
  if (said.everyone && (d.a.children?.length ?? 0) > 0) return false;
  const a = { ...d.a, adults: said.adults };
  if (said.income === undefined) {
    const lead = md(turn, 'finder.adults_typed', { count: said.adults });
    const history: Step[] = [...d.h, 'adults'];
    ask(turn, nextQuestion(turn, 'adults', d, a, history) ?? 'income', { a, h: history }, false, lead);
    return true;
  }
  const answers = { ...a, income: said.income };
  const income = formatFigure(said.income, 'rub');
  const lead = [
    ...md(turn, 'finder.adults_income_typed', { count: said.adults, income }),
    ...incomeLine(turn, answers),
  ];
  askAfterIncome(turn, d, answers, [...d.h, 'adults', 'income'], lead);
  return true;
}

/** The question after the income, once an income was taken with what it said (`history` has the income). */
function askAfterIncome(
  turn: Turn,
  d: FinderData,
  answers: FinderData['a'],
  history: Step[],
  lead: RichText,
) {
  ask(
    turn,
    nextQuestion(turn, 'income', d, answers, history) ?? 'disability',
    { a: answers, h: history },
    false,
    lead,
  );
}

/**
 * «600 тысяч в год» at the income question: a twelfth of it is the month's income. The year's amount and the month's
 * are said, with «Назад» to correct them (it was «Не понял сумму»; citizen audit 6, M1).
 */
function onYearlyIncome(turn: Turn, text: string, d: FinderData): boolean {
  const said = parseYearlyIncome(text);
  if (!said) return false;
  const answers = { ...d.a, income: said.month };
  const lead = [
    ...md(turn, 'finder.income_yearly', {
      year: formatFigure(said.year, 'rub'),
      month: formatFigure(said.month, 'rub'),
    }),
    ...incomeLine(turn, answers),
  ];
  askAfterIncome(turn, d, answers, [...d.h, 'income'], lead);
  return true;
}

/**
 * «мне 58» at the pension question: the age alone does not answer it, as the finder does not ask the person's sex.
 * The rule is said, and from 55 to 59 that the sex decides; the question stays open (it was a plain «Не понял
 * ответ»; citizen audit 6, M2). An age past every pension age («мне 74 года») is «Получаю пенсию», said so.
 */
function onOwnAge(turn: Turn, rules: BenefitRules, text: string, d: FinderData): boolean {
  // «мне 74 года», «мне 74, пенсию не получаю»: past every pension age the age answers it, as it does told at an
  // earlier question (the second got the pre-pension rule and «Не понял»).
  const byAge = pensionOfAgeSaid(text);
  if (byAge !== undefined) {
    const key = byAge.pension === 'no' ? 'finder.no_pension_by_age' : 'finder.pension_by_age';
    turn.leadNextReply(md(turn, key, { age: byAge.age }));
    advance(turn, rules, 'pension', { a: { ...d.a, pension: byAge.pension }, h: d.h }, false);
    return true;
  }
  const age = saidOwnAge(text);
  if (age === undefined) return false;
  const bySex = age >= PRE_PENSION_FROM.women && age < PRE_PENSION_FROM.men;
  const before = bySex ? md(turn, 'finder.pension_age_sex', { age }) : [];
  return askAgain(turn, 'pension', d, 'finder.pension_age', 'finder:pension_age', before);
}

/**
 * The question asked again after a reply it cannot take as an answer, with the hint `hintKey` (and, from the second
 * such reply in a row, a consultant), without the line of why it is asked.
 */
function askAgain(
  turn: Turn,
  step: Step,
  d: FinderData,
  hintKey: string,
  detail: string,
  before: RichText = [],
): true {
  const unread = (d.u ?? 0) + 1;
  const lead = [...before, ...againLead(turn, step, unread, hintKey)];
  ask(turn, step, { ...d, u: unread }, false, lead, detail, true);
  return true;
}
