/**
 * What a long message already says of the family, for «🧮 Подобрать меры для моей семьи» under its answer: «я мама
 * двоих детей одному 2 года другому 5 … работаю продавцом … живем в волгограде» was followed by all nine questions
 * from «Где вы живёте?» (citizen audit 6, M3). Only what is said plainly is read, each fact by its own pattern; the
 * finder says what it took and asks the rest, and «⬅️ Назад» goes to a question taken to change it.
 *
 * A fact taken wrongly is passed over and may change the result, a fact missed is only asked: every pattern reads the
 * person's own situation, said as now, and a message that tells of another person's family is not read at all (a
 * verification pass of this reader found someone else's pension, a husband's job search, a daughter's leave, adult
 * children, a planned retirement and «на всех не хватает» taken as the family's).
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
import { GROUP_WORDS } from './said-answers.js';

/**
 * Words that make a fact said near them not the person's now: a negation, the past, a plan, a condition, a former
 * spouse («я не ищу работу», «я в декрете была до 2023 года», «если я беременна», «муж на сво хочет заключить
 * контракт», «бывшая жена беременна»; verification pass 9).
 */
const NOT_NOW =
  /^(была|был|были|было|раньше|ранее|буду|будет|будем|будут|хочет|хочу|хотим|хотела|планир\S*|собира\S*|если|когда|бывш\S*|сняли|сняла|через|скоро|развел\S*|разош\S*|до|после)$/;
const NEGATION = /^(не|нет|ни)$/;

/**
 * Whether the words just before and after a match (three and two) say it is not the person's now. A negation counts
 * right before it («я не ищу работу»; not «алименты не платит, работаю»), and after it with `negatedAfter` («муж на
 * сво не взяли»; not «я пенсионерка, не работаю»).
 */
function saidAsNow(typed: string, match: RegExpExecArray | null, negatedAfter = false): boolean {
  if (!match) return false;
  const before = typed.slice(0, match.index).split(' ').filter(Boolean).slice(-3);
  const after = typed
    .slice(match.index + match[0].length)
    .split(' ')
    .filter(Boolean)
    .slice(0, 2);
  if (NEGATION.test(before.at(-1) ?? '') || (negatedAfter && after.some((w) => NEGATION.test(w))))
    return false;
  return ![...before, ...after].some((w) => NOT_NOW.test(w));
}

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
/**
 * Where a list of ages starts without a count: «сыну 7, дочке 12», «ребенку 3 года», «двойня по 8 месяцев». Not a
 * grandchild, who mostly lives with the parents (verification pass 9: «я пенсионерка, внуку 5 лет» was her child).
 */
const AGE_ANCHORS =
  /^(сыну|дочке|дочери|ребенку|одному|одной|младшему|младшей|старшему|старшей|детям|двойня|двойняшки|близнецы|тройня)$/;
/** Words that start the next part of a story told without commas («…другому 5 муж ушел…»): the ages end there. */
const NEXT_PART =
  /^(я|мы|муж|мужа|жена|живем|живу|работаю|работаем|работает|зарплата|доход|пенсия|пенсию|алименты|что|какие|какое|положено|положены|нам|мне|у|в|на|из|а|но|хочу|подскажите|скажите|здравствуйте)$/;

/**
 * The children and their ages: the whole part of the message from the count or the first age to a comma or to the
 * next part of the story must read as ages, and their number as the count said. A prefix read alone took «сыну 7
 * лет 2 класс» for two children and «детям 5 и 24 года» for one (verification pass 9).
 */
function childrenSaid(text: string): AgeBand[] | undefined {
  for (const part of text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[,;.!?()]/)) {
    const tokens = numberTokens(part);
    let count: number | undefined;
    let from = -1;
    for (let i = 0; i < tokens.length && from < 0; i++) {
      const n = COUNT_WORDS.get(tokens[i]!) ?? (/^\d$/.test(tokens[i]!) ? Number(tokens[i]) : undefined);
      if (n !== undefined && CHILDREN_NOUN.test(tokens[i + 1] ?? '')) {
        count = n;
        from = i + 2;
      } else if (AGE_ANCHORS.test(tokens[i]!)) from = i;
    }
    if (from < 0) continue;
    let end = from + 1;
    while (end < tokens.length && !NEXT_PART.test(tokens[end]!)) end++;
    const ages = end > from ? tokens.slice(from, end).join(' ') : '';
    const read = ages ? parseChildrenAges(ages) : undefined;
    // «двоих детей, одному 2 года, другому 5», «трое детей 3, 7 и 12 лет»: the ages go on in the parts after.
    if (count !== undefined && end >= tokens.length && (read?.bands.length ?? 0) < count)
      return agesAfter(text, part, count, read?.bands ?? []);
    if (!read) return undefined;
    const total = read.count ?? count ?? read.bands.length;
    // 18–23 is a child of the finder's only in full-time study, which the message does not tell («дочке 20 лет, она
    // работает», «сыну 19, учится заочно»): asked.
    if (read.bands.includes('st')) return undefined;
    return total === read.bands.length && (count === undefined || count === total) ? read.bands : undefined;
  }
  return undefined;
}

/** «двое детей, 3 и 7 лет», «двоих детей: сыну 3, дочке 7»: the ages in the parts after the count's. */
function agesAfter(
  text: string,
  countPart: string,
  count: number,
  first: readonly AgeBand[],
): AgeBand[] | undefined {
  const rest = text.toLowerCase().replace(/ё/g, 'е').split(countPart)[1] ?? '';
  const bands: AgeBand[] = [...first];
  for (const part of rest.split(/[,;.!?()]/).filter((p) => p.trim())) {
    const read = parseChildrenAges(part);
    if (!read) break;
    bands.push(...read.bands);
    if (bands.length >= count) break;
  }
  return bands.length === count && !bands.includes('st') ? bands : undefined;
}

/**
 * «я беременна», «жена беременна», «беременна, 20 недель», «жду ребенка»: not «была беременна», «если беременна»,
 * «не беременна», nor a daughter or a sister, who may live apart.
 */
const PREGNANT = /(?:^|\s)(?:(?:я|жена|супруга)(?: сейчас| уже)? беременна|я жду (?:ребенка|малыша))(?:\s|$)/;

function pregnantSaid(typed: string): boolean {
  return saidAsNow(typed, PREGNANT.exec(typed));
}

/**
 * Other people named anywhere: with one of them, «живу одна» or «мы с мужем» does not count the adults. A son, a
 * daughter or a grandchild may be grown up («дочь в декрете, живет с нами»): named other than with an age («сыну 3
 * года»), the adults are asked.
 */
const OTHER_ADULTS =
  /(?:^|\s)(?:мам\S*|мать|матер\S*|пап\S*|отец|отц\S*|бабушк\S*|дедушк\S*|прабаб\S*|праде\S*|дед|деда|дедом|свекр\S*|тещ\S*|тест\S*|сестр\S*|брат\S*|тет\S*|дяд\S*|племян\S*|сожител\S*|родител\S*|бывш\S*|зят\S*|невестк\S*|снох\S*)(?:\s|$)/;
const GROWN_CHILD =
  /(?:^|\s)(?!(?:сыну|дочке|дочери|внуку|внучке)(?:\s|$))(?:сын\S*|доч\S*|внук\S*|внуч\S*)(?:\s|$)/;
/** The person is the only adult: alone, or raising the children alone. Not «живу одна с сыном». */
const ONE_ADULT =
  /(?:^|\s)(?:живу (?:одна|один)(?! с)|я одинок\S*|одинокая (?:мама|мать|пенсионерка)|одинокий (?:отец|пенсионер)|мать одиночка|мама одиночка|одна воспитываю|одна ращу|сама воспитываю|сама ращу|муж ушел из семьи|муж ушел от нас|алименты не платит|не платит алименты|муж от нас ушел|муж ушел к другой|муж бросил нас|муж нас бросил|я в разводе|я разведена)(?:\s|$)/;
/** A spouse the person lives with now («живу с новым мужем», «вышла замуж»). */
const SPOUSE = /(?:^|\s)(?:с (?:новым |вторым )?(?:мужем|женой|супругом|супругой)|замуж\S*|женил\S*)(?:\s|$)/;
/** The person and a spouse. */
const TWO_ADULTS = /(?:^|\s)(?:мы с (?:мужем|женой)|живу с (?:мужем|женой)|живем с (?:мужем|женой))(?:\s|$)/;

/** The person herself: «я мама двоих детей», «одинокая мама», «мама-одиночка». */
const SELF_PARENT =
  /(?:^|\s)(?:я|одинокая|многодетная|молодая)\s+(?:мама|мать|папа|отец)(?=\s|$)|(?:^|\s)(?:мама|мать|отец)\s+(?=одиночка|двоих|троих|четверых|пятерых|\d)/g;

/** A child's age of 18 or more said («детям 5 и 24 года»): a grown child who may live with them and earn. */
const GROWN_AGE =
  /(?:^|\s)(?:детям|сыну|дочке|дочери|ребенку|старшему|старшей)(?: \S+){0,3}? (1[89]|[2-9]\d)(?: |$)/;

function adultsSaid(typed: string): number | undefined {
  if (OTHER_ADULTS.test(typed.replace(SELF_PARENT, ' '))) return undefined;
  // «я мать одиночка, детям 5 и 24 года, старший живет с нами и работает» was one adult earning 22 000 ₽ (verification
  // pass 9).
  if (GROWN_AGE.test(typed)) return undefined;
  if (GROWN_CHILD.test(typed)) return undefined;
  const oneMatch = ONE_ADULT.exec(typed);
  // A spouse named besides the phrase of being alone («я в разводе… живу с новым мужем», «вышла замуж»).
  const spouse = oneMatch && SPOUSE.test(typed.replace(oneMatch[0], ' '));
  const one = !spouse && saidAsNow(typed, oneMatch);
  const two = saidAsNow(typed, TWO_ADULTS.exec(typed));
  if (one === two) return undefined;
  return one ? 1 : 2;
}

/** Where an amount of money is said: «зарплата 25 тысяч», «пенсия 18 000». */
const INCOME_WORD = /^(зарплата|зарплату|зп|доход|пенсия|пенсию|получаю)$/;
/** Not a month's one income: a year's, a week's, paid in parts, or another beside it («у мужа столько же»). */
const NOT_ONE_MONTHS =
  /(?:^|\s)(?:в год|за год|годов\S*|в неделю|в день|в час|в смену|за (?:два|две|три|четыре|пять|полгода|\d+) \S+|раза? в месяц|по \d+|столько же|тоже|также|плюс|еще|летом|зимой|была|было|раньше|не считая|кроме|аванс|расчет|премия|сократили)(?:\s|$)/;
/** Words between the income word and its amount: «доход семьи в месяц около 40 тысяч». */
const INCOME_FILLERS = new Set([
  'семьи',
  'на',
  'семью',
  'всю',
  'всех',
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
  /(?:^|\s)(?:доход семьи|доход на семью|доход нашей семьи|семейный доход|общий доход)(?:\s|$)/;

/** An amount of money: thousands said, roubles said, or four digits and more («пенсия 18 тысяч и доплата 2 тысячи»). */
function isMoney(token: string, i: number, tokens: readonly string[]): boolean {
  if (!/^\d/.test(token)) return false;
  // «в 2025 году»: a year.
  if (/^(19|20)\d\d$/.test(token) && /^(г|год\S*)$/.test(tokens[i + 1] ?? '')) return false;
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
  const money = tokens.flatMap((w, i) => (isMoney(w, i, tokens) ? [i] : []));
  if (starts.length !== 1 || money.length !== 1) return undefined;
  const typed = comparableText(text);
  if (NOT_ONE_MONTHS.test(typed)) return undefined;
  if (adults !== 1 && !FAMILY_INCOME.test(typed)) return undefined;
  let start = starts[0]! + 1;
  while (start < tokens.length && INCOME_FILLERS.has(tokens[start]!)) start++;
  // The amount said right after the income word («зарплата 2 раза в месяц по 15 тысяч» read 2 000 ₽).
  if (start !== money[0]) return undefined;
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
const PENSIONER =
  /(?:^|\s)я(?: уже| сейчас)? (?:пенсионерка|пенсионер|на пенсии)(?:\s|$)|^(?:(?:здравствуйте|добрый день|добрый вечер|доброе утро) )?(?:одинокая |одинокий )?(?:пенсионерка|пенсионер)(?! (?:мама|мать|папа|отец|муж|жена|свекровь|свекор|бабушка|дедушка|теща|тесть))(?:\s|$)/;

/** «мы с мужем пенсионеры», «мы оба пенсионеры». */
const WE_PENSIONERS = /(?:^|\s)мы(?: с (?:мужем|женой))?(?: оба)? пенсионеры(?:\s|$)/;

function pensionSaid(typed: string): HouseholdAnswers['pension'] {
  return saidAsNow(typed, WE_PENSIONERS.exec(typed)) || saidAsNow(typed, PENSIONER.exec(typed))
    ? 'pensioner'
    : undefined;
}

/** Work said without a contract: no employment for the measures that ask it. */
const UNOFFICIAL = /(?:^|\s)(?:не ?официально|без оформления|без договора|подрабатываю)(?:\s|$)/;

/** The person's own work: «я безработная» (not «муж безработный»), «я в декрете» (not «дочь в декрете»). */
function employmentSaid(typed: string): HouseholdAnswers['employment'] {
  const now = (pattern: RegExp) => saidAsNow(typed, pattern.exec(typed));
  if (now(/(?:^|\s)(?:я )?(?:ищу работу|стою на бирже)(?:\s|$)|(?:^|\s)я (?:сейчас )?безработн\S*(?:\s|$)/))
    return 'job-seeking';
  if (UNOFFICIAL.test(typed)) return undefined;
  if (now(/(?:^|\s)(?:я|работаю) самозанят\S*(?:\s|$)/)) return 'self-employed';
  if (now(/(?:^|\s)(?:я|сама)(?: сейчас)? (?:в декрете|в отпуске по уходу)(?:\s|$)/)) return 'working';
  // «работаю продавцом», «мы оба работаем», not «не работаю».
  if (now(/(?:^|\s)(?:работаю|работаем)(?:\s|$)/)) return 'working';
  return undefined;
}

/** «я инвалид 2 группы», «у меня вторая группа инвалидности». */
const SELF_DISABLED =
  /(?:^|\s)(?:я (?:инвалид|инвалидка)(?: (1|2|3|i|ii|iii|первой|второй|третьей) (?:группы|гр))?|у меня (1|2|3|первая|вторая|третья) группа(?: инвалидности)?)(?:\s|$)/;
/** «у меня сын инвалид», «наш ребенок-инвалид»: the family's own child. */
const CHILD_DISABLED =
  /(?:^|\s)(?:у меня|у нас|мой|моя|наш|наша) (?:сын|сынок|дочь|дочка|ребенок) (?:инвалид|с инвалидностью)(?:\s|$)/;

function disabilitySaid(typed: string): Pick<HouseholdAnswers, 'disability' | 'disabilityGroup'> {
  const found = SELF_DISABLED.exec(typed);
  const self = saidAsNow(typed, found) ? found : null;
  const child = saidAsNow(typed, CHILD_DISABLED.exec(typed));
  // Both said: who is asked, not guessed.
  if (self && child) return {};
  if (child) return { disability: 'child' };
  if (!self) return {};
  const group = GROUP_WORDS[self[1] ?? self[2] ?? ''];
  return group ? { disability: 'self', disabilityGroup: group } : { disability: 'self' };
}

/** «муж на сво», «сын участник сво»: a family member of a participant; «я участник сво»: the participant. */
const SVO_FAMILY =
  /(?:^|\s)(?:мой |у меня )?(?:муж|сын|супруг)(?: сейчас)? (?:на сво|участник сво|воюет на сво|служит на сво)(?:\s|$)/;
const SVO_SELF = /(?:^|\s)я (?:участник сво|был на сво|воевал на сво)(?:\s|$)/;

function veteranSaid(typed: string): HouseholdAnswers['veteran'] {
  if (saidAsNow(typed, SVO_SELF.exec(typed), true)) return 'svo';
  return saidAsNow(typed, SVO_FAMILY.exec(typed), true) ? 'svo-family' : undefined;
}

/**
 * Another person's situation told («у нее двое детей», «ему 25, он инвалид», «пишу за маму», «ей положены»): nothing
 * of it is the family of the one writing.
 */
const OTHERS_STORY =
  /(?:^|\s)(?:у (?:нее|него|них|дочери|сына|соседки|соседа|подруги|сестры|брата|невестки|снохи|знакомой|знакомого)|ей|ему|она|он|они|пишу за|спрашиваю за|для (?:мамы|папы|отца|матери|дочери|сына|бабушки|дедушки|соседки))(?:\s|$)/;

/**
 * The household facts a long message says plainly, or undefined when it says fewer than two (the questionnaire
 * starts as before). `regionOf` gives the region the message names (the caller's text understanding).
 */
export function statementAnswers(
  text: string,
  regionOf: () => HouseholdAnswers['region'],
): HouseholdAnswers | undefined {
  const typed = comparableText(text);
  if (typed.split(' ').length < STATEMENT_LEAST_WORDS || OTHERS_STORY.test(typed)) return undefined;
  const answers: HouseholdAnswers = {};
  const children = childrenSaid(text);
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
  Object.assign(answers, disabilitySaid(typed));
  const veteran = veteranSaid(typed);
  if (veteran) answers.veteran = veteran;
  // The region is looked for only in a message that tells of the family (the directory's names are many).
  if (Object.keys(answers).length === 0) return undefined;
  const region = regionOf();
  if (region) answers.region = region;
  return questionsAnswered(answers) >= LEAST_FACTS ? answers : undefined;
}

/** How many questions the answers answer (the group goes with the disability: one question). */
const questionsAnswered = (a: HouseholdAnswers) =>
  Object.keys(a).filter((key) => key !== 'disabilityGroup').length;
