/**
 * Numbers written in Russian words, as people type them instead of digits: «тридцать тысяч», «пятнадцать с половиной
 * тысяч», «двух и пяти лет», «полтора года». Older people in particular write amounts and ages out; the benefit
 * finder's questionnaire read only digits and dropped everything answered when it met words (a citizen audit).
 */

/** A message as words and numbers: lower case, ё as е; "15,5" and "15.5" stay one number. */
export function numberTokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/ё/g, 'е')
      .match(/\d+(?:[.,]\d+)?|\p{L}+(?:-\p{L}+)?/gu) ?? []
  );
}

/** Words of one part of a number, with their value and rank (3: hundreds, 2: tens, 1: teens and units). */
const PARTS = new Map<string, [number, number]>();
function add(value: number, rank: number, ...forms: string[]): void {
  for (const f of forms) PARTS.set(f, [value, rank]);
}
add(0, 1, 'ноль', 'нуль');
add(1, 1, 'один', 'одна', 'одно', 'одного', 'одной', 'одну', 'одному');
add(2, 1, 'два', 'две', 'двух');
add(3, 1, 'три', 'трех');
add(4, 1, 'четыре', 'четырех');
add(5, 1, 'пять', 'пяти');
add(6, 1, 'шесть', 'шести');
add(7, 1, 'семь', 'семи');
add(8, 1, 'восемь', 'восьми');
add(9, 1, 'девять', 'девяти');
const TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
for (const [i, w] of TEENS.entries()) add(10 + i, 1, w, `${w.slice(0, -1)}и`);
add(20, 2, 'двадцать', 'двадцати');
add(30, 2, 'тридцать', 'тридцати');
add(40, 2, 'сорок', 'сорока');
add(50, 2, 'пятьдесят', 'пятидесяти');
add(60, 2, 'шестьдесят', 'шестидесяти');
add(70, 2, 'семьдесят', 'семидесяти');
add(80, 2, 'восемьдесят', 'восьмидесяти');
add(90, 2, 'девяносто', 'девяноста');
add(100, 3, 'сто', 'ста');
add(200, 3, 'двести', 'двухсот');
add(300, 3, 'триста', 'трехсот');
add(400, 3, 'четыреста', 'четырехсот');
add(500, 3, 'пятьсот', 'пятисот');
add(600, 3, 'шестьсот', 'шестисот');
add(700, 3, 'семьсот', 'семисот');
add(800, 3, 'восемьсот', 'восьмисот');
add(900, 3, 'девятьсот', 'девятисот');

/** Collective numerals, as people count children and family: «трое детей», «на двоих детей», «пятерых». */
export const COLLECTIVE_NUMERALS: ReadonlyMap<string, number> = new Map([
  ['двое', 2],
  ['двоих', 2],
  ['трое', 3],
  ['троих', 3],
  ['четверо', 4],
  ['четверых', 4],
  ['пятеро', 5],
  ['пятерых', 5],
  ['шестеро', 6],
  ['шестерых', 6],
  ['семеро', 7],
  ['семерых', 7],
  ['восьмеро', 8],
  ['восьмерых', 8],
  ['девятеро', 9],
  ['девятерых', 9],
  ['десятеро', 10],
  ['десятерых', 10],
]);

/** «полтора» and «полторы»: one and a half of what follows. */
const ONE_AND_HALF = new Set(['полтора', 'полторы', 'полутора']);

/** Multipliers: «тысяч», «тыс», «к» (as in «30к»), «миллион». */
export const SCALES = new Map<string, number>([
  ...['тысяча', 'тысячи', 'тысяч', 'тысячу', 'тыс', 'тыщ', 'тыщи', 'тыща', 'т', 'к', 'k'].map(
    (w) => [w, 1000] as [string, number],
  ),
  ...['миллион', 'миллиона', 'миллионов', 'млн'].map((w) => [w, 1_000_000] as [string, number]),
]);

/** A number read from `tokens` at `start`: its value and the index after it. */
export interface ReadNumber {
  value: number;
  next: number;
}

/**
 * The number at `tokens[start]`: digits («15», «15,5») or words («двадцать пять», «полтора»), with «с половиной»
 * after it; without `scales`, «тысяч» is not read (an age has none). Undefined when no number starts there.
 */
export function readNumber(tokens: readonly string[], start: number, scales = false): ReadNumber | undefined {
  let total = 0;
  let group: number | undefined;
  let rank = 4;
  let i = start;
  let digits = false;
  for (; i < tokens.length; i++) {
    const w = tokens[i]!;
    if (/^\d/.test(w)) {
      if (group !== undefined) break;
      group = Number(w.replace(',', '.'));
      digits = true;
      rank = 0;
      continue;
    }
    if (ONE_AND_HALF.has(w) && group === undefined) {
      group = 1.5;
      rank = 0;
      continue;
    }
    const part = PARTS.get(w);
    if (part && !digits && part[1] < rank) {
      group = (group ?? 0) + part[0];
      // A teen ends its group; a unit after a ten ends it too.
      rank = part[0] >= 10 && part[0] < 20 ? 0 : part[1];
      continue;
    }
    if (w === 'с' && tokens[i + 1] === 'половиной' && group !== undefined) {
      group += 0.5;
      rank = 0;
      i++;
      continue;
    }
    const scale = scales ? SCALES.get(w) : undefined;
    if (scale !== undefined && (group !== undefined || /^тысяч[ау]$|^миллион$/.test(w))) {
      total += (group ?? 1) * scale;
      group = undefined;
      rank = 4;
      digits = false;
      // «пятнадцать тысяч с половиной»: half a thousand more.
      if (tokens[i + 1] === 'с' && tokens[i + 2] === 'половиной') {
        total += scale / 2;
        i += 2;
      }
      continue;
    }
    break;
  }
  if (i === start) return undefined;
  return { value: total + (group ?? 0), next: i };
}
