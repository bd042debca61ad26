/**
 * A household as the benefit finder's questionnaire describes it, and the facts the rules in `data/benefits/`
 * are written over. An answer the person skipped is simply absent: every fact derived from it is unknown, and the
 * rules treat unknown as "maybe" (three-valued logic), never as "no".
 */
import { numberTokens, readNumber } from '../../i18n/russian-numerals.js';

/** Age bands of a child, as the buttons offer them. */
export const AGE_BANDS = ['u1_5', 'u3', 'u7', 'u17', 'a17', 'st'] as const;
/** under 1.5 years; 1.5–3; 3–7; 7–17; 17 years old; 18–23 and a full-time student. */
export type AgeBand = (typeof AGE_BANDS)[number];

export const REGION_VALUES = ['perm', 'volgograd', 'other'] as const;
export const DISABILITY_VALUES = ['none', 'self', 'child', 'other', 'pending'] as const;
export const DISABILITY_GROUPS = ['1', '2', '3', 'unknown'] as const;
export const PENSION_VALUES = ['pensioner', 'pre-pension', 'no'] as const;
export const EMPLOYMENT_VALUES = [
  'working',
  'self-employed',
  'job-seeking',
  'not-working',
  'student',
] as const;
export const VETERAN_VALUES = ['none', 'labour', 'combat', 'svo', 'svo-family'] as const;

/** The questionnaire's answers. Absent = not asked yet or skipped. */
export interface HouseholdAnswers {
  region?: (typeof REGION_VALUES)[number];
  /** One band per child; an empty list means "no children". */
  children?: AgeBand[];
  pregnant?: boolean;
  /** Adults in the family, the person included. */
  adults?: number;
  /** The whole family's income per month, roubles. */
  income?: number;
  /** Who in the family has a disability (`pending`: it is being applied for). */
  disability?: (typeof DISABILITY_VALUES)[number];
  disabilityGroup?: (typeof DISABILITY_GROUPS)[number];
  pension?: (typeof PENSION_VALUES)[number];
  employment?: (typeof EMPLOYMENT_VALUES)[number];
  veteran?: (typeof VETERAN_VALUES)[number];
}

export type FactKind =
  | { type: 'boolean' }
  | { type: 'number' }
  /** Roubles a month; compared with figures (subsistence minimums) of the person's region. */
  | { type: 'money' }
  | { type: 'enum'; values: readonly string[] };

/** Every fact a rule may test, with its type. The README in data/benefits/ lists them for curators. */
export const FACTS = {
  region: { type: 'enum', values: REGION_VALUES },
  children: { type: 'number' },
  children_under_1_5: { type: 'number' },
  children_under_3: { type: 'number' },
  children_under_7: { type: 'number' },
  children_under_17: { type: 'number' },
  children_under_18: { type: 'number' },
  students_18_23: { type: 'number' },
  pregnant: { type: 'boolean' },
  adults: { type: 'number' },
  family_size: { type: 'number' },
  income_per_person: { type: 'money' },
  disability: { type: 'enum', values: DISABILITY_VALUES },
  disability_group: { type: 'enum', values: [...DISABILITY_GROUPS, 'child'] },
  pension: { type: 'enum', values: PENSION_VALUES },
  employment: { type: 'enum', values: EMPLOYMENT_VALUES },
  veteran: { type: 'enum', values: VETERAN_VALUES },
} as const satisfies Record<string, FactKind>;

export type FactName = keyof typeof FACTS;
export type FactValue = boolean | number | string;
/** Known facts only; a missing key is unknown. */
export type Facts = Partial<Record<FactName, FactValue>>;

export function isFactName(name: string): name is FactName {
  return Object.hasOwn(FACTS, name);
}

const count = (children: readonly AgeBand[], bands: readonly AgeBand[]) =>
  children.filter((c) => bands.includes(c)).length;

/** Family members counted for income per person: the adults and the children. */
export function familySize(answers: HouseholdAnswers): number | undefined {
  if (answers.adults === undefined || answers.children === undefined) return undefined;
  return answers.adults + answers.children.length;
}

/** Income per person per month (rounded to roubles), when the income and the family size are known. */
export function incomePerPerson(answers: HouseholdAnswers): number | undefined {
  const size = familySize(answers);
  if (answers.income === undefined || size === undefined || size === 0) return undefined;
  return Math.round(answers.income / size);
}

/** The facts the rules see. */
export function householdFacts(answers: HouseholdAnswers): Facts {
  const facts: Facts = {};
  if (answers.region) facts.region = answers.region;
  const kids = answers.children;
  if (kids) {
    facts.children = kids.length;
    facts.children_under_1_5 = count(kids, ['u1_5']);
    facts.children_under_3 = count(kids, ['u1_5', 'u3']);
    facts.children_under_7 = count(kids, ['u1_5', 'u3', 'u7']);
    facts.children_under_17 = count(kids, ['u1_5', 'u3', 'u7', 'u17']);
    facts.children_under_18 = count(kids, ['u1_5', 'u3', 'u7', 'u17', 'a17']);
    facts.students_18_23 = count(kids, ['st']);
  }
  if (answers.pregnant !== undefined) facts.pregnant = answers.pregnant;
  if (answers.adults !== undefined) facts.adults = answers.adults;
  const size = familySize(answers);
  if (size !== undefined) facts.family_size = size;
  const perPerson = incomePerPerson(answers);
  if (perPerson !== undefined) facts.income_per_person = perPerson;
  if (answers.disability) {
    facts.disability = answers.disability;
    if (answers.disability === 'none') facts.disability_group = 'unknown';
    else if (answers.disability === 'child') facts.disability_group = 'child';
    else if (answers.disabilityGroup) facts.disability_group = answers.disabilityGroup;
  }
  if (answers.pension) facts.pension = answers.pension;
  if (answers.employment) facts.employment = answers.employment;
  if (answers.veteran) facts.veteran = answers.veteran;
  return facts;
}

/**
 * The answers as a short string (about 30 characters), so that the "keep my answers" button can carry them in its
 * payload: nothing is stored until the person presses it. Fields in a fixed order, `_` for a skipped one.
 */
export function encodeAnswers(a: HouseholdAnswers): string {
  const pick = <T extends string>(values: readonly T[], v: T | undefined) =>
    v === undefined ? '_' : String(values.indexOf(v));
  return [
    pick(REGION_VALUES, a.region),
    a.children === undefined ? '_' : a.children.map((c) => AGE_BANDS.indexOf(c)).join('') || '-',
    a.pregnant === undefined ? '_' : a.pregnant ? '1' : '0',
    a.adults === undefined ? '_' : String(a.adults),
    a.income === undefined ? '_' : String(a.income),
    pick(DISABILITY_VALUES, a.disability),
    pick(DISABILITY_GROUPS, a.disabilityGroup),
    pick(PENSION_VALUES, a.pension),
    pick(EMPLOYMENT_VALUES, a.employment),
    pick(VETERAN_VALUES, a.veteran),
  ].join('.');
}

/** The reverse of encodeAnswers; undefined for anything malformed (an old or forged button). */
export function decodeAnswers(code: string): HouseholdAnswers | undefined {
  const parts = code.split('.');
  if (parts.length !== 10) return undefined;
  const [region, kids, pregnant, adults, income, disability, group, pension, employment, veteran] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const answers: HouseholdAnswers = {};
  const pick = <T extends string>(values: readonly T[], v: string): T | undefined | null => {
    if (v === '_') return undefined;
    if (!/^\d$/.test(v)) return null;
    return values[Number(v)] ?? null;
  };
  const fields: [keyof HouseholdAnswers, readonly string[], string][] = [
    ['region', REGION_VALUES, region],
    ['disability', DISABILITY_VALUES, disability],
    ['disabilityGroup', DISABILITY_GROUPS, group],
    ['pension', PENSION_VALUES, pension],
    ['employment', EMPLOYMENT_VALUES, employment],
    ['veteran', VETERAN_VALUES, veteran],
  ];
  for (const [key, values, raw] of fields) {
    const v = pick(values, raw);
    if (v === null) return undefined;
    if (v !== undefined) (answers as Record<string, unknown>)[key] = v;
  }
  if (kids !== '_') {
    if (kids === '-') answers.children = [];
    else if (/^[0-5]{1,12}$/.test(kids)) answers.children = [...kids].map((d) => AGE_BANDS[Number(d)]!);
    else return undefined;
  }
  if (pregnant !== '_') {
    if (pregnant !== '0' && pregnant !== '1') return undefined;
    answers.pregnant = pregnant === '1';
  }
  if (adults !== '_') {
    if (!/^\d{1,2}$/.test(adults)) return undefined;
    answers.adults = Number(adults);
  }
  if (income !== '_') {
    if (!/^\d{1,9}$/.test(income)) return undefined;
    answers.income = Number(income);
  }
  return answers;
}

/**
 * Words around an amount that say nothing more about it: «около тридцати тысяч рублей в месяц», «пенсия 18 тысяч»,
 * «у мужа 25». Anything else («45000 на двоих и пенсия 12000») is not read: the person is asked again.
 */
const INCOME_FILLERS = new Set([
  'около',
  'примерно',
  'приблизительно',
  'где-то',
  'где',
  'то',
  'всего',
  'итого',
  'рублей',
  'рубля',
  'рубль',
  'руб',
  'р',
  'в',
  'месяц',
  'мес',
  'у',
  'меня',
  'нас',
  'моя',
  'наш',
  'пенсия',
  'зарплата',
  'доход',
  // «доход семьи 45 000»: the question's own words.
  'семьи',
  'получаю',
  'получаем',
  // Whose part of a sum it is: «пенсия 20 и у мужа 25» (see INCOME_PARTS).
  'мужа',
  'муж',
  'жены',
  'жена',
  'мамы',
  'папы',
  'я',
  'мой',
  'моя',
  'его',
  'ее',
  'пенсии',
  'зп',
  'пособие',
  'пособия',
  'алименты',
  'стипендия',
  'получает',
  'зарабатывает',
  'мамина',
  'папина',
  'мужнина',
]);

/** An amount written in words or with them: «тридцать тысяч», «пятнадцать с половиной тысяч», «пенсия 18 тыс руб». */
function incomeInWords(text: string): number | undefined {
  const tokens = numberTokens(text);
  let value: number | undefined;
  for (let i = 0; i < tokens.length; ) {
    const n = value === undefined ? readNumber(tokens, i, true) : undefined;
    if (n) {
      value = n.value;
      i = n.next;
    } else if (INCOME_FILLERS.has(tokens[i]!)) i++;
    else return undefined;
  }
  if (value === undefined || !Number.isFinite(value) || value > 100_000_000) return undefined;
  // «сорок», «около сорока»: thousands, as with digits (see BARE_THOUSANDS_BELOW); «тысяч» or «рублей» said stay
  // as said (a verification pass: «сорок» was 40 ₽).
  const unitSaid = tokens.some((t) => /^(тыс|руб|р$|₽)/.test(t));
  if (!unitSaid && value > 0 && value < BARE_THOUSANDS_BELOW) value *= 1000;
  return Math.round(value);
}

/**
 * Whose the amount is, said around it: «тридцать тысяч на всех», «на семью 30 тыс» (the question asks the
 * family's income). «тридцать тысяч на всех» stopped the finder (citizen audit 5, H2).
 */
const FOR_THE_FAMILY = /(^|\s)(на всех|на всю семью|на семью|всего|в общем|в сумме|вместе)(?=\s|$|[.,!])/g;

/** A bare number below this is thousands of roubles a month («40»); from it on, roubles («800», «1200»). */
const BARE_THOUSANDS_BELOW = 300;

/**
 * Reads a typed monthly income: "45000", "45 000", "45 тыс", "45к", "45,5 тыс.", "40" (thousands), "0", "нет
 * дохода", in words: "тридцать тысяч", "пятнадцать с половиной тысяч", and as a sum of parts: "пенсия 20 и у мужа 25".
 * undefined when the text is not an amount (the person may have typed a question instead).
 */
export function parseIncome(text: string): number | undefined {
  const lower = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // «у мужа 25, у меня 20, итого 45»: the total said is the income (the parts and the total were added up, 90 000 ₽;
  // verification pass 7).
  const total = lower.split(INCOME_PARTS).find((part) => TOTAL_SAID.test(part));
  const t = (total ?? lower).replace(FOR_THE_FAMILY, ' ').replace(/\s+/g, ' ').trim();
  const whole = oneIncome(t);
  if (whole !== undefined || total !== undefined) return whole;
  // «пенсия 20 и у мужа 25», «18000 + 22000»: the family's income told as its parts («Не понял сумму»; verification
  // pass 6). Every part must be an amount, or the whole is not read.
  const parts = t.split(INCOME_PARTS);
  if (parts.length < 2 || parts.length > 4) return undefined;
  let sum = 0;
  for (const part of parts) {
    const value = NO_INCOME_PART.test(part) ? 0 : oneIncome(part);
    if (value === undefined) return undefined;
    sum += value;
  }
  return sum;
}

/** «600 тысяч в год», «за год 600 000», «годовой доход 600 тыс»: the amount is a year's. */
const PER_YEAR =
  /(?:^|\s)(?:в год|за год|за весь год|за прошлый год|в течение года|годовой|годовых)(?=\s|$|[.,!])/g;
/** A month said too («20 в месяц и 300 в год»): which amount is which is not guessed. */
const PER_MONTH = /(?:^|\s)(?:в месяц|в мес|за месяц|ежемесячно|месячный)(?=\s|$|[.,!])/;
/** Below this a month, a year's amount is not a family's income («600 в год» is 50 ₽): it is asked again. */
const LEAST_MONTHLY_FROM_YEAR = 1000;

/**
 * A family's income told for a year: «600 тысяч в год» is 50 000 ₽ a month («Не понял сумму»; citizen audit 6, M1).
 * Undefined when no year is said, or the text is not one amount (in «пенсия 20 и у мужа 300 тысяч в год» the year may
 * be the husband's only); the finder says what it understood.
 */
export function parseYearlyIncome(text: string): { year: number; month: number } | undefined {
  const lower = text.toLowerCase().replace(/ё/g, 'е');
  const amount = lower.replace(PER_YEAR, ' ').trim();
  if (amount === lower.trim() || PER_MONTH.test(lower) || amount.split(INCOME_PARTS).length > 1)
    return undefined;
  const year = parseIncome(amount);
  if (year === undefined) return undefined;
  const month = Math.round(year / 12);
  return year === 0 || month >= LEAST_MONTHLY_FROM_YEAR ? { year, month } : undefined;
}

/** A part that gives the sum of the others: «итого 45», «всего 45 тысяч», «на всех 45». */
const TOTAL_SAID = /^(?:а )?(?:итого|всего|в сумме|вместе|на всех|общий доход)(?:\s|$)/;

/** Between the parts of an income told as a sum. */
const INCOME_PARTS = /\s+(?:и|плюс|а)\s+|\s*\+\s*|\s*;\s*|,\s+/;

/** A part of such a sum that has no money: «у мужа 25, я не работаю». */
const NO_INCOME_PART =
  /^(?:а\s+)?(?:я|сама|сам|у меня|(?:у\s+)?(?:мужа?|жены|жена|супруга|супруги|мамы|мама|папы|папа))?\s*(?:не работаю|не работает|без дохода|ничего не получаю|ничего не получает|ничего|нет|дохода нет)\.?$/;

/**
 * Whose and what the amount is, said before it: «пенсия 16 500», «моя зарплата 25 000» (citizen audit 6). Mostly
 * fillers read by oneIncome anyway; «наша» is read only here, before what the income is.
 */
const INCOME_NAMED_BEFORE =
  /^(?:(?:моя|наша|мамина|папина|у меня|у нас|у мужа|у жены)\s+)?(?:пенсия|зарплата|зп|доход|пособие)\s+(?=\d)/;

/**
 * No income, said outright: «дохода нет», «ноль», «ничего». A bare «нет» is not: typed after «Не понял сумму» it may
 * refuse the question or answer another one, and read as no income it made low-income measures «likely» (citizen
 * audit 6, M1). The finder asks it to be confirmed instead (see BARE_NO in its typed-answer-words.ts).
 */
const NO_INCOME_SAID =
  /^(?:(?:нет|нету)\s+(?:дохода|доходов)|(?:никакого|никаких|ноль|0)(?:\s+(?:дохода|доходов))?|(?:дохода|доходов) (?:нет|нету)|ничего(?: нет| не получаем| не получаю)?)\.?$/;

/** One amount, the text already lower-cased with its spaces made plain. */
function oneIncome(text: string): number | undefined {
  // «у мужа 25 000», «пенсия у меня 16 500», «пенсия мамы 17 000»: the words before the digits say whose it is; the
  // digits with their thousands' space are read as one amount (verification pass 7: «Не понял сумму»).
  const words = text.split(' ');
  const firstDigit = words.findIndex((w) => /^\d/.test(w));
  const t =
    firstDigit > 0 && words.slice(0, firstDigit).every((w) => INCOME_FILLERS.has(w))
      ? words.slice(firstDigit).join(' ')
      : text.replace(INCOME_NAMED_BEFORE, '');
  if (NO_INCOME_SAID.test(t)) return 0;
  const m =
    /^(?:около|примерно|где-?то|~)?\s*(\d{1,3}(?:[ .]\d{3})+|\d+)(?:[.,](\d{1,2}))?\s*(тыс(?:яч[аи]?)?\.?|т\.?|к|k|руб(?:лей|\.)?|р\.?|₽)?\s*(?:руб(?:лей|\.)?|р\.?|₽)?\s*(?:в месяц|в мес\.?)?\.?$/.exec(
      t,
    );
  if (!m) return incomeInWords(t);
  const whole = Number(m[1]!.replace(/[ .]/g, ''));
  const fraction = m[2] ? Number(`0.${m[2]}`) : 0;
  // «40», «около 40» for a family's month: forty thousand, as people say it (it was read as 40 ₽, and a pensioner
  // couple on 40 000 ₽ was told they were likely low-income; citizen audit 5, H3). Roubles said are roubles.
  const saysRoubles = /руб|₽|(^|[\s\d])р\.?($|\s)/.test(t);
  const bareSmall = m[3] === undefined && !saysRoubles && whole > 0 && whole < BARE_THOUSANDS_BELOW;
  const thousands = (m[3] !== undefined && /^(тыс|т|к|k)/.test(m[3])) || bareSmall;
  const value = thousands ? (whole + fraction) * 1000 : whole;
  if (!Number.isFinite(value) || value > 100_000_000) return undefined;
  return Math.round(value);
}

/** The band of a child of this age in years, as the buttons name them; undefined past 23 (not counted). */
export function ageBand(years: number): AgeBand | undefined {
  if (!(years >= 0)) return undefined;
  if (years < 1.5) return 'u1_5';
  if (years < 3) return 'u3';
  if (years < 7) return 'u7';
  if (years < 17) return 'u17';
  if (years < 18) return 'a17';
  return years < 24 ? 'st' : undefined;
}

/** «двое», «трое»: how many children, not an age. */
const CHILD_COUNTS = new Map([
  ['двое', 2],
  ['трое', 3],
  ['четверо', 4],
  ['пятеро', 5],
  ['шестеро', 6],
  ['семеро', 7],
]);
/** Children born together: «двойня» is two. */
const MULTIPLE_BIRTH = new Map([
  ['двойня', 2],
  ['двойняшки', 2],
  ['близнецы', 2],
  ['тройня', 3],
]);
/** A number followed by one of these is how many children («2 ребенка», «один ребенок»), not an age. */
const CHILD_NOUNS =
  /^(дет(и|ей|ям|ок)|ребен(ок|ка|ку)|сын(а|ов|овей)?|доч(ь|ки|ерей|ек)|внук(а|ов)?|внуч(ка|ки|ек))$/;
const YEARS = /^(год|года|годик|годика|годиков|лет|г)$/;
const MONTHS = /^(мес|месяц|месяца|месяцев|месяцок)$/;
/** Words around the ages that say nothing more: «у нас двое детей, сыну 2, дочке 5 лет». */
const CHILD_FILLERS = new Set([
  'и',
  'а',
  'еще',
  'у',
  'нас',
  'меня',
  'есть',
  'им',
  'ему',
  'ей',
  'по',
  'уже',
  'всего',
  'возраст',
  'сыну',
  'сын',
  'дочке',
  'дочери',
  'дочь',
  'дочка',
  'внуку',
  'внучке',
  'ребенку',
  'младшему',
  'младшей',
  'младший',
  'младшая',
  'старшему',
  'старшей',
  'старший',
  'старшая',
  'первому',
  'второму',
  'третьему',
  'одному',
  'другому',
  'детям',
  'дети',
  'детей',
  'внуки',
  'внучки',
  'внукам',
  'дочки',
  'сыновья',
  'двойняшки',
  'близнецы',
  'двойняшкам',
  'близнецам',
]);

/** «Один» in its forms: a number of children when no unit of age follows. */
const ONE_WORDS = new Set(['один', 'одна', 'одно', 'одного', 'одну', 'одной']);

/**
 * Children's ages typed instead of pressed: «2 и 5 лет», «двое, 3 и 10», «сыну 7, дочке 12», «8 месяцев», «полтора
 * года»: a band per age and the number of children if it was said. Undefined when the text has anything else in it
 * (a question about children is not a list of ages) or an age past 23.
 */
export function parseChildrenAges(text: string): { bands: AgeBand[]; count?: number } | undefined {
  const tokens = numberTokens(text);
  const bands: AgeBand[] = [];
  let count: number | undefined;
  /** Children born together, whose one age is said next. */
  let together = 1;
  for (let i = 0; i < tokens.length; ) {
    const w = tokens[i]!;
    const collective = CHILD_COUNTS.get(w);
    if (collective !== undefined) {
      count = collective;
      i++;
      continue;
    }
    // «двойня, 3 месяца»: two children of that age (it was not read; citizen audit 6).
    const born = MULTIPLE_BIRTH.get(w);
    if (born !== undefined) {
      // Not the count: «двойня 3 месяца и старшему 5 лет» are three (verification pass 7).
      together = born;
      i++;
      continue;
    }
    if (w === 'полгода' || w === 'полгодика') {
      bands.push('u1_5');
      i++;
      continue;
    }
    // «одному 2 года, другому 5»: «одному» is «to one of them», not an age of one (it was read as a third child).
    if (CHILD_FILLERS.has(w)) {
      i++;
      continue;
    }
    const n = readNumber(tokens, i);
    if (!n) {
      if (!YEARS.test(w) && !MONTHS.test(w)) return undefined;
      i++;
      continue;
    }
    const unit = tokens[n.next] ?? '';
    if (CHILD_NOUNS.test(unit)) {
      count = n.value;
      i = n.next + 1;
      continue;
    }
    // «одна», «дочь одна» say how many, not an age: «одна» at the children question was a child under 1,5 (a
    // verification pass). An age of one is said with its unit («1 год», «один годик») or as a digit.
    if (ONE_WORDS.has(w) && n.next === i + 1 && !YEARS.test(unit) && !MONTHS.test(unit)) {
      count ??= 1;
      i = n.next;
      continue;
    }
    let years = MONTHS.test(unit) ? n.value / 12 : n.value;
    i = YEARS.test(unit) || MONTHS.test(unit) ? n.next + 1 : n.next;
    // «1 год 8 месяцев», «1 год и 2 месяца» are one child (the second was two; citizen audit 6).
    // With «двое» said before, «1 год и 5 месяцев» are two children.
    const and =
      YEARS.test(unit) && tokens[i] === 'и' && !(count !== undefined && count > bands.length + 1) ? 1 : 0;
    const months = YEARS.test(unit) ? readNumber(tokens, i + and) : undefined;
    if (months && MONTHS.test(tokens[months.next] ?? '')) {
      years += months.value / 12;
      i = months.next + 1;
    }
    const band = ageBand(years);
    if (!band) return undefined;
    for (let k = 0; k < together; k++) bands.push(band);
    together = 1;
  }
  if (bands.length === 0) return undefined;
  return count !== undefined ? { bands, count } : { bands };
}
