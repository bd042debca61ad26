/**
 * Birth years written short, as people write them: «я 68 г р», «мама 52 года рождения», «муж 63 г.р.», «я шестьдесят
 * пятого года рождения». Read as four digits («1968 г р»), they are what the readers of a birth year already know: the
 * search's description of someone and the pensioners' years, the retirement-age table's line, the age a broad
 * question of what is due gives. Left as they were, «я 68 г р что положено» was taken for a person aged 68 (the
 * pensioners' overview, though born in 1968 the person is 58) and «мама 52 года рождения льготы» matched only
 * «мама», «года», «рождения».
 *
 * Only before the words of a birth year («г р», «гр», «года рождения», «год рождения», «г рождения», «года р»): a bare
 * number («мне 68», «68 лет», «маме 62 года») is an age. Two digits from 30 are the last century's. Below 20 they are
 * this century's («я 05 г р»: no one born in 1905 writes). From 20 to 29 they are the 2020s beside a word for a child
 * («сын 25 г р», «внучка двадцать второго года рождения»), and left as they are otherwise (a mother born in 1925 or a
 * child born in 2025). «сын 15 года рождения» was read as words no entry has, and got the retirement age on «года
 * рождения».
 */

import { pluralCategory } from './plural-category.js';

/** Two digits read as a year of the last century from this one: «30 г р» is 1930; «15 г р» is 2015. */
const FROM = 30;
/** Two digits below this are this century's whoever is described: «05 г р» is 2005. */
const THIS_CENTURY_BELOW = 20;
/**
 * The words for a child, normalised as comparableText gives them: they make «20»–«29» before a birth year's words the
 * 2020s («сын 25 г р», «дочке 22 года рождения»), and the benefit finder reads whose disability is told with them.
 */
export const CHILD_WORDS: ReadonlySet<string> = new Set([
  'сын',
  'сына',
  'сыну',
  'сынок',
  'дочь',
  'дочери',
  'дочка',
  'дочки',
  'дочке',
  'ребенок',
  'ребенка',
  'ребенку',
  'внук',
  'внука',
  'внуку',
  'внучка',
  'внучки',
  'внучке',
  'малыш',
  'малыша',
  'малышу',
]);

/** The words that make a number before them a birth year: «гр», or «г»/«года»/«год» with «р»/«рождения» after. */
const YEAR_WORDS: ReadonlySet<string> = new Set(['г', 'года', 'год']);
const BIRTH_WORDS: ReadonlySet<string> = new Set(['р', 'рождения', 'рожд']);

/** «…пятого года рождения»: the ordinal of a year's units, and of tens without units («сорокового»). */
const ORDINAL_UNITS: ReadonlyMap<string, number> = new Map([
  ['первого', 1],
  ['второго', 2],
  ['третьего', 3],
  ['четвертого', 4],
  ['пятого', 5],
  ['шестого', 6],
  ['седьмого', 7],
  ['восьмого', 8],
  ['девятого', 9],
]);
const ORDINAL_TENS: ReadonlyMap<string, number> = new Map([
  ['десятого', 10],
  ['одиннадцатого', 11],
  ['двенадцатого', 12],
  ['тринадцатого', 13],
  ['четырнадцатого', 14],
  ['пятнадцатого', 15],
  ['шестнадцатого', 16],
  ['семнадцатого', 17],
  ['восемнадцатого', 18],
  ['девятнадцатого', 19],
  ['двадцатого', 20],
  ['тридцатого', 30],
  ['сорокового', 40],
  ['пятидесятого', 50],
  ['шестидесятого', 60],
  ['семидесятого', 70],
  ['восьмидесятого', 80],
  ['девяностого', 90],
]);
const TENS: ReadonlyMap<string, number> = new Map([
  ['двадцать', 20],
  ['тридцать', 30],
  ['сорок', 40],
  ['пятьдесят', 50],
  ['шестьдесят', 60],
  ['семьдесят', 70],
  ['восемьдесят', 80],
  ['девяносто', 90],
]);

/** Whether the words from `at` say «born» after a year: «г р», «гр», «года рождения». */
function birthWordsAt(words: readonly string[], at: number): boolean {
  const word = words[at];
  if (word === 'гр') return true;
  return word !== undefined && YEAR_WORDS.has(word) && BIRTH_WORDS.has(words[at + 1] ?? '');
}

/** The short year written at `at` (two digits, or its ordinal in words) and how many words it takes. */
function shortYearAt(words: readonly string[], at: number): { year: number; length: number } | undefined {
  const word = words[at]!;
  if (word.length === 2 && /^\d\d$/.test(word)) return { year: Number(word), length: 1 };
  const tens = ORDINAL_TENS.get(word);
  if (tens !== undefined) return { year: tens, length: 1 };
  const units = ORDINAL_UNITS.get(words[at + 1] ?? '');
  const before = TENS.get(word);
  return before !== undefined && units !== undefined ? { year: before + units, length: 2 } : undefined;
}

/** The century of a two-digit birth year (see the module's comment), or undefined when it cannot be told. */
function centuryOf(year: number, childNamed: () => boolean): number | undefined {
  if (year >= FROM) return 1900;
  if (year < THIS_CENTURY_BELOW || childNamed()) return 2000;
  return undefined;
}

/**
 * The words (normalised: lower case, punctuation out, «г.р.» as «г р») with each short birth year written in four
 * digits; the same array when there is none (the common case).
 */
export function withFullBirthYears(words: readonly string[]): readonly string[] {
  let out: string[] | undefined;
  let child: boolean | undefined;
  for (let i = 0; i < words.length; ) {
    const short = shortYearAt(words, i);
    const century =
      short && birthWordsAt(words, i + short.length)
        ? centuryOf(short.year, () => (child ??= words.some((w) => CHILD_WORDS.has(w))))
        : undefined;
    if (short && century !== undefined) {
      out ??= words.slice(0, i);
      // «тысяча девятьсот шестьдесят пятого», «две тысячи пятнадцатого»: the century said is part of the year.
      if (out.at(-1) === 'девятьсот') {
        out.pop();
        if (out.at(-1) === 'тысяча') out.pop();
      } else if (out.at(-1) === 'тысячи' && out.at(-2) === 'две') out.splice(-2);
      out.push(String(century + short.year));
      i += short.length;
    } else {
      out?.push(words[i]!);
      i++;
    }
  }
  return out ?? words;
}

/**
 * The oldest age a child's birth year is read as: the hints of a child's age go to 17 (the unified benefit's end), and
 * those of an adult child to 23 (the end of the measures kept while a child studies full-time).
 */
const OLDEST_CHILD = 23;

/** The words of a message with a child's birth year told as an age, and where each word came from. */
export interface ChildAgeView {
  /** «ребенок 2015 года рождения какие выплаты» as «ребенок 11 лет какие выплаты». */
  words: readonly string[];
  /** For each word of `words`, the positions of the message's words it stands for. */
  origin: readonly (readonly number[])[];
}

/** The word for years after a number, by its plural category. */
const YEARS_UNIT = { one: 'год', few: 'года', many: 'лет', other: 'лет' } as const;

/** «1 год», «2 года», «5 лет»: the age in the words people use, which the hints of a child's age are written in. */
function ageWords(age: number): [string, string] {
  return [String(age), YEARS_UNIT[pluralCategory('ru', age)]];
}

/**
 * The message with a child's birth year (four digits, as withFullBirthYears writes it, before «г р», «года
 * рождения»…; a word for a child in the message) told as the child's age this year: «ребенок 2015 года рождения
 * какие выплаты» is «ребенок 11 лет какие выплаты» in 2026, and what is paid at that age answers it, as it answers
 * the age told. Read as a birth year it got «Я не уверен» with the birth lump sum on «рождения». Undefined when there
 * is no such year, or it gives no child's age (born this year, or an adult: «дочь 2008 г р» is 18).
 */
export function childBirthYearsAsAges(
  words: readonly string[],
  currentYear: number,
): ChildAgeView | undefined {
  let view: { words: string[]; origin: number[][] } | undefined;
  // Asked only where a birth year gives a child's age, which is rare.
  const childNamed = () => words.some((w) => CHILD_WORDS.has(w));
  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    const year = /^(19|20)\d\d$/.test(word) ? Number(word) : undefined;
    const age = year === undefined ? undefined : currentYear - year;
    const told =
      age !== undefined && age >= 1 && age <= OLDEST_CHILD && birthWordsAt(words, i + 1) && childNamed();
    if (told) {
      view ??= { words: words.slice(0, i), origin: words.slice(0, i).map((_, at) => [at]) };
      const length = words[i + 1] === 'гр' ? 2 : 3;
      const [number, unit] = ageWords(age);
      const said = Array.from({ length }, (_, k) => i + k);
      view.words.push(number, unit);
      view.origin.push([i], said.slice(1));
      i += length;
    } else {
      view?.words.push(word);
      view?.origin.push([i]);
      i++;
    }
  }
  return view;
}
