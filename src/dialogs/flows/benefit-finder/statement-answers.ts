/**
 * What a long message already says of the family, for «🧮 Подобрать меры для моей семьи» under its answer: «я мама
 * двоих детей одному 2 года другому 5 … работаю продавцом … живем в волгограде» was followed by all nine questions
 * from «Где вы живёте?» (citizen audit 6, M3). Only what is said plainly is read, each fact by its own pattern; the
 * finder says what it took and asks the rest, and «⬅️ Назад» goes to a question taken to change it.
 *
 * Pure: the region is found by the caller (the text understanding), the rest here.
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import { numberTokens } from '../../../i18n/russian-numerals.js';
import {
  type AgeBand,
  type HouseholdAnswers,
  parseChildrenAges,
  parseIncome,
} from '../../../services/benefits/household.js';

/** Shorter messages are answers or questions, not a story of the family. */
export const STATEMENT_LEAST_WORDS = 8;
/** A reader of fewer facts than this does not change the questionnaire. */
const LEAST_FACTS = 2;

/** How many children, said before their ages: «двоих детей», «трое детей», «2 ребенка». */
const COUNT_WORDS = new Map([
  ['один', 1],
  ['одного', 1],
  ['одна', 1],
  ['двое', 2],
  ['двоих', 2],
  ['трое', 3],
  ['троих', 3],
  ['четверо', 4],
  ['четверых', 4],
  ['пятеро', 5],
  ['пятерых', 5],
]);
const CHILDREN_NOUN = /^(дет(и|ей|ок|ишек)|ребен(ок|ка)|сын(а|овей)?|доч(ь|ери|ерей|ки|ек))$/;
/** Where a list of ages starts without a count: «сыну 7, дочке 12», «ребенку 3 года». */
const AGE_ANCHORS =
  /^(сыну|дочке|дочери|ребенку|одному|одной|младшему|младшей|старшему|старшей|детям|внуку|внучке)$/;
/** The longest list of ages read after its start. */
const AGES_SPAN = 10;

/** The children and their ages, when the count said (if any) matches the ages read. */
function childrenSaid(tokens: readonly string[]): AgeBand[] | undefined {
  let count: number | undefined;
  let from = -1;
  for (let i = 0; i < tokens.length; i++) {
    const n = COUNT_WORDS.get(tokens[i]!) ?? (/^\d$/.test(tokens[i]!) ? Number(tokens[i]) : undefined);
    if (n !== undefined && CHILDREN_NOUN.test(tokens[i + 1] ?? '')) {
      count = n;
      from = i + 2;
      break;
    }
    if (AGE_ANCHORS.test(tokens[i]!)) {
      from = i;
      break;
    }
  }
  if (from < 0) return undefined;
  // The longest run of ages from the start (or the word after it): «одному 2 года другому 5 муж ушел» reads to «5».
  for (const start of [from, from + 1]) {
    for (let end = Math.min(tokens.length, start + AGES_SPAN); end > start; end--) {
      const read = parseChildrenAges(tokens.slice(start, end).join(' '));
      if (!read) continue;
      const total = read.count ?? count ?? read.bands.length;
      return total === read.bands.length && (count === undefined || count === total) ? read.bands : undefined;
    }
  }
  return undefined;
}

/** «я беременна», «жена беременна», «жду ребенка»: not «была беременна», «если беременна», «не беременна». */
const PREGNANT = /(?:^|\s)(?:беременна|жду (?:ребенка|малыша))(?:\s|$)/;
const NOT_PREGNANT_BEFORE = /(?:^|\s)(?:не|была|если|когда|буду|будет|стану)\s+(?:\S+\s+)?$/;

function pregnantSaid(typed: string): boolean {
  const m = PREGNANT.exec(typed);
  return m !== null && !NOT_PREGNANT_BEFORE.test(typed.slice(0, m.index + 1));
}

/** Adults living with the person, named anywhere: with one of them, «живу одна» is not read as alone. */
const OTHER_ADULTS =
  /(?:^|\s)(?:мам\S*|мать|матер\S*|пап\S*|отец|отц\S*|бабушк\S*|дедушк\S*|свекр\S*|тещ\S*|тест\S*|сестр\S*|брат\S*|сожител\S*|родител\S*)(?:\s|$)/;
/** The person is the only adult: alone, or raising the children alone. */
const ONE_ADULT =
  /(?:^|\s)(?:живу (?:одна|один)|одинок\S*|мать одиночка|мама одиночка|одна воспитываю|одна ращу|сама воспитываю|сама ращу|муж ушел|ушел муж|в разводе|разведена|развелись|развелась)(?:\s|$)/;
/** The person and a spouse. */
const TWO_ADULTS = /(?:^|\s)(?:мы с (?:мужем|женой)|живу с (?:мужем|женой)|живем с (?:мужем|женой))(?:\s|$)/;

/** The person herself: «я мама двоих детей», «одинокая мама», «мама-одиночка». */
const SELF_PARENT =
  /(?:^|\s)(?:я|одинокая|многодетная|молодая)\s+(?:мама|мать|папа|отец)(?=\s|$)|(?:^|\s)(?:мама|мать|отец)\s+(?=одиночка|двоих|троих|четверых|пятерых|\d)/g;

function adultsSaid(typed: string): number | undefined {
  if (OTHER_ADULTS.test(typed.replace(SELF_PARENT, ' '))) return undefined;
  if (ONE_ADULT.test(typed)) return 1;
  return TWO_ADULTS.test(typed) ? 2 : undefined;
}

/** Where an amount of money is said: «зарплата 25 тысяч», «пенсия 18 000». */
const INCOME_WORD = /^(зарплата|зарплату|зп|доход|пенсия|пенсию|получаю)$/;
/** Words between the income word and its amount: «доход семьи в месяц около 40 тысяч». */
const INCOME_FILLERS = new Set([
  'семьи',
  'на',
  'семью',
  'всю',
  'всех',
  'двоих',
  'троих',
  'у',
  'нас',
  'меня',
  'в',
  'месяц',
  'около',
  'примерно',
  'всего',
]);
/** The family's whole income said as such. */
const FAMILY_INCOME =
  /(?:^|\s)(?:доход семьи|доход на семью|на всю семью|на всех|общий доход|у двоих|на двоих|у троих|на троих)(?:\s|$)/;

/** An amount of money: thousands said, roubles said, or four digits and more («пенсия 18 тысяч и доплата 2 тысячи»). */
function isMoney(token: string, i: number, tokens: readonly string[]): boolean {
  if (!/^\d/.test(token)) return false;
  return /^(тыс|руб|р$|₽|к$)/.test(tokens[i + 1] ?? '') || Number(token.replace(/\D/g, '')) >= 1000;
}

/**
 * The one amount said after an income word, when it is the family's: said so, or the person is the only adult. Two
 * amounts said («пенсия 18, у мужа 22») are not added up here: the income question asks for them.
 */
function incomeSaid(text: string, adults: number | undefined): number | undefined {
  const tokens = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .match(/\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?|\p{L}+/gu);
  if (!tokens) return undefined;
  const starts = tokens.flatMap((w, i) => (INCOME_WORD.test(w) ? [i] : []));
  if (starts.length !== 1 || tokens.filter(isMoney).length !== 1) return undefined;
  if (adults !== 1 && !FAMILY_INCOME.test(comparableText(text))) return undefined;
  let start = starts[0]! + 1;
  while (start < tokens.length && INCOME_FILLERS.has(tokens[start]!)) start++;
  if (!/^\d/.test(tokens[start] ?? '')) return undefined;
  for (let end = Math.min(tokens.length, start + 3); end > start; end--) {
    const words = tokens.slice(start, end);
    const income = parseIncome(words.join(' '));
    if (income !== undefined && income > 0) return income;
  }
  return undefined;
}

/**
 * The person's own situation: «я пенсионерка», «пенсионер 70 лет», «я уже на пенсии»; not «мама пенсионерка», nor
 * «льготы сейчас или только на пенсии» (asked by someone still at work).
 */
const PENSIONER = /(?:^|\s)(?:пенсионерка|пенсионер|(?:я|уже|сейчас)\s+на пенсии)(?:\s|$)/;
const SOMEONE_ELSES =
  /(?:^|\s)(?:мама|мать|папа|отец|муж|жена|бабушка|дедушка|свекровь|свекор|она|он|они)\s+(?:\S+\s+)?$/;

/** «мы с мужем пенсионеры», «мы оба пенсионеры». */
const WE_PENSIONERS = /(?:^|\s)мы\s(?:\S+\s){0,3}пенсионеры(?:\s|$)/;

function pensionSaid(typed: string): HouseholdAnswers['pension'] {
  if (WE_PENSIONERS.test(typed)) return 'pensioner';
  const m = PENSIONER.exec(typed);
  return m && !SOMEONE_ELSES.test(typed.slice(0, m.index + 1)) ? 'pensioner' : undefined;
}

function employmentSaid(typed: string): HouseholdAnswers['employment'] {
  if (/(?:^|\s)(?:ищу работу|безработн\S*|стою на бирже)(?:\s|$)/.test(typed)) return 'job-seeking';
  if (/(?:^|\s)самозанят\S*(?:\s|$)/.test(typed)) return 'self-employed';
  if (/(?:^|\s)(?:в декрете|в отпуске по уходу)(?:\s|$)/.test(typed)) return 'working';
  // «работаю продавцом», not «не работаю», «работаю неофициально» (no employment for the measures that ask it).
  if (
    /(?:^|\s)(?<!не )(?:работаю|работаем)(?! (?:но )?(?:не ?официально|без оформления|без договора))(?:\s|$)/.test(
      typed,
    )
  )
    return 'working';
  return undefined;
}

/**
 * The household facts a long message says plainly, or undefined when it says fewer than two (the questionnaire
 * starts as before). `regionOf` gives the region the message names (the caller's text understanding).
 */
export function statementAnswers(
  text: string,
  regionOf: () => HouseholdAnswers['region'],
): HouseholdAnswers | undefined {
  const typed = comparableText(text);
  if (typed.split(' ').length < STATEMENT_LEAST_WORDS) return undefined;
  const answers: HouseholdAnswers = {};
  const children = childrenSaid(numberTokens(text));
  if (children) answers.children = children;
  if (pregnantSaid(typed)) answers.pregnant = true;
  const adults = adultsSaid(typed);
  if (adults !== undefined) answers.adults = adults;
  const income = incomeSaid(text, adults);
  if (income !== undefined) answers.income = income;
  const pension = pensionSaid(typed);
  if (pension) answers.pension = pension;
  const employment = employmentSaid(typed);
  if (employment) answers.employment = employment;
  // The region is looked for only in a message that tells of the family (the directory's names are many).
  if (Object.keys(answers).length === 0) return undefined;
  const region = regionOf();
  return Object.keys(region ? Object.assign(answers, { region }) : answers).length >= LEAST_FACTS
    ? answers
    : undefined;
}
