/**
 * A sentence about the family typed at the adults or the income question instead of a number: «мы с мужем», «живу
 * одна», «муж получает 45 тысяч, я не работаю». Elderly citizens answer this way; the questionnaire said «Не понял»
 * or was abandoned for a search (a tester's report). Read only when every word is one such a sentence is made of,
 * so that a question («а какие документы на субсидию») is never taken for an answer.
 */
import { numberTokens, readNumber, SCALES } from '../../../i18n/russian-numerals.js';

/**
 * Adult relatives, in the forms used after «я», «мы с», «у», by the person they name: each person named is one more
 * adult besides the one writing, however often named («мы с мужем, муж получает 45 тысяч» is two adults; it was read
 * as three). A husband, a wife, a spouse and a partner are the one spouse.
 */
const RELATIVE_OF_FORM = new Map(
  [
    ['spouse', 'муж мужем мужа мужу жена женой жены жене супруг супругом супруга супругу супругой супруги'],
    ['spouse', 'сожитель сожителем сожителя сожительница сожительницей'],
    ['mother', 'мама мамой мамы маме мать матерью матери'],
    ['father', 'папа папой папы папе отец отцом отца'],
    ['mother-in-law', 'свекровь свекровью свекрови теща тещей тещи'],
    ['father-in-law', 'свекор свекром свекра тесть тестем тестя'],
    ['grandmother', 'бабушка бабушкой бабушки'],
    ['grandfather', 'дедушка дедушкой дедушки дед дедом деда'],
    ['brother', 'брат братом брата'],
    ['sister', 'сестра сестрой сестры'],
    ['son-in-law', 'зять зятем'],
    ['daughter-in-law', 'невестка невесткой'],
  ].flatMap(([person, forms]) => forms!.split(' ').map((form) => [form, person!] as const)),
);
const ADULT_RELATIVES = new Set(RELATIVE_OF_FORM.keys());
/** Two adults at once. */
const PARENTS = new Set(['родители', 'родителями', 'родителей']);
/**
 * A son, a daughter or a grandchild may be grown up or not: «живу с сыном» does not say how many adults, so such a
 * sentence is not read (asked again).
 */
const AMBIGUOUS = /^(сын|доч|внук|внуч)/;
/** Children, asked at question 2: not adults, and nothing else to read. */
const CHILDREN = new Set([
  'дети',
  'детьми',
  'детей',
  'ребенок',
  'ребенком',
  'ребенка',
  'малыш',
  'малышом',
  'двое',
  'трое',
  'четверо',
  'пятеро',
]);
/** The whole number of adults said at once. */
const TOGETHER = new Map([
  ['вдвоем', 2],
  ['втроем', 3],
  ['вчетвером', 4],
  ['впятером', 5],
  ['один', 1],
  ['одна', 1],
  ['одинокий', 1],
  ['одинокая', 1],
  ['одинок', 1],
  ['одинока', 1],
  ['сам', 1],
  ['сама', 1],
]);
/**
 * Words that say someone named does not live with the person («мы с мужем не живем вместе», «муж живет отдельно»):
 * whether they count is not said, so such a sentence is not read (asked again) rather than guessed.
 */
const APART = new Set([
  'отдельно',
  'раздельно',
  'развелись',
  'разведены',
  'разводе',
  'бывший',
  'бывшая',
  'бывшим',
]);
const LIVING = /^(жив|прожива)/;
/** «нас двое» and the like: how many people, said as a collective number. */
const COLLECTIVE = new Map([
  ['двое', 2],
  ['трое', 3],
  ['четверо', 4],
  ['пятеро', 5],
]);
/** Words that say someone has an income: each mention of it needs its amount for the family's income to be read. */
const EARNING = new Set(
  'получает получаю получаем получают зарплата зарплату зп пенсия пенсию пособие пособия алименты доход едв стипендия стипендию'.split(
    ' ',
  ),
);
/** Someone who gets a pension, said without its amount: «она пенсионерка», «он на пенсии». */
const PENSIONER = new Set(['пенсионерка', 'пенсионер', 'пенсии']);
/** A pension among the amounts said: «пенсия 17 тысяч». */
const PENSION_SAID = new Set(['пенсия', 'пенсию']);

/** Words such a sentence is made of besides people and amounts. */
const FILLERS = new Set(
  [
    'я мы нас меня мне у с со и а но да ну еще тоже только вместе есть это',
    'живу живем живет живут проживаю проживаем проживает семья семье в всего итого',
    'мой моя мои наш наша наши',
    'рублей рубля рубль руб р в месяц мес около примерно где-то',
    'не работаю работает работаем работают сижу дома официально пенсионерка пенсионер',
    // Who was just named, and what they are: «живу с мамой, она пенсионерка», «он на пенсии» (citizen audit 6, M2).
    'он она они на пенсии',
  ].flatMap((words) => words.split(' ')),
);

/** The person's own words: with one of them, the person said something of their own income or work. */
const SELF_WORDS = new Set(['я', 'меня', 'мне', 'моя', 'мой', 'сама', 'сам']);

/** «она пенсионерка», «он на пенсии»: a relative just named is a pensioner. */
function relativesPension(tokens: readonly string[]): boolean {
  return tokens.some(
    (w, i) =>
      (w === 'она' || w === 'он') &&
      (PENSIONER.has(tokens[i + 1] ?? '') || (tokens[i + 1] === 'на' && tokens[i + 2] === 'пенсии')),
  );
}

export interface FamilyStatement {
  /** Adults, the person included (at most 5, as the buttons). */
  adults?: number;
  /** The family's monthly income: the amounts said, added up. */
  income?: number;
  /** The number is of people, not of adults («нас трое», «мы втроем»): children may be among them. */
  everyone?: boolean;
}

/** «Тысяч», said before the number. */
const THOUSANDS = /^(тыс|тыщ)/;

/** An amount of roubles: at least a thousand, or a thousand said («45 тысяч», «45к»). */
const MIN_AMOUNT = 1000;

/**
 * What a sentence about the family says of its adults and its income, or undefined when it has a word of anything
 * else (a question, a place, a son of unknown age) or says neither.
 */
export function readFamilyStatement(text: string): FamilyStatement | undefined {
  const tokens = numberTokens(text);
  const named = new Set<string>();
  let parents = 0;
  let together: number | undefined;
  let income: number | undefined;
  let amounts = 0;
  let earnings = 0;
  for (let i = 0; i < tokens.length; ) {
    const w = tokens[i]!;
    const alone = TOGETHER.get(w);
    if (alone !== undefined && !SCALES.has(tokens[i + 1] ?? '')) {
      together = alone;
      i++;
      continue;
    }
    const collective = COLLECTIVE.get(w);
    if (collective !== undefined && i > 0 && tokens[i - 1] === 'нас') {
      together = collective;
      i++;
      continue;
    }
    // «тысяч 14», as said aloud, was «Не понял сумму». Not «к 14»: a one-letter scale is a preposition first.
    const after = THOUSANDS.test(w) ? readNumber(tokens, i + 1) : undefined;
    const amount =
      after && after.value < 1000
        ? { value: after.value * 1000, next: after.next }
        : readNumber(tokens, i, true);
    if (amount) {
      if (amount.value < MIN_AMOUNT || amount.value > 100_000_000) return undefined;
      income = (income ?? 0) + Math.round(amount.value);
      amounts++;
      i = amount.next;
      continue;
    }
    // «получает зарплату» is one mention of an income.
    if (EARNING.has(w)) {
      if (!EARNING.has(tokens[i - 1] ?? '')) earnings++;
    } else if (ADULT_RELATIVES.has(w)) named.add(RELATIVE_OF_FORM.get(w)!);
    else if (PARENTS.has(w)) parents = 2;
    else if (AMBIGUOUS.test(w)) return undefined;
    else if (APART.has(w) || (w === 'не' && LIVING.test(tokens[i + 1] ?? ''))) return undefined;
    else if (!CHILDREN.has(w) && !FILLERS.has(w)) return undefined;
    i++;
  }
  const relatives = parents + named.size;
  // «одна», «сама» beside a relative say the person, not a household of one: «живу одна с мамой» is two, and «я сама
  // не работаю, муж работает» was read as one adult (a verification pass).
  const adults =
    together !== undefined && (together > 1 || relatives === 0)
      ? together
      : relatives > 0
        ? 1 + relatives
        : undefined;
  // «у меня пенсия, муж получает 45 тысяч»: the pension's amount is not said, so the family's income is not known.
  if (earnings > amounts) income = undefined;
  // «живу с мамой, она пенсионерка, у меня зарплата 20 тысяч»: the amount is the salary's, and the mother's pension
  // is not said. («я пенсионерка, 15 тысяч» names no other income: the amount is the pension.)
  const pensionUnsaid = tokens.some((w) => PENSIONER.has(w)) && !tokens.some((w) => PENSION_SAID.has(w));
  if (pensionUnsaid && earnings > 0) income = undefined;
  // «живу с мамой, она пенсионерка, пенсия 18 тысяч»: the amount is the mother's pension, and the person's own
  // income is not said (it was taken as the family's; verification pass 8).
  if (relativesPension(tokens) && !tokens.some((w) => SELF_WORDS.has(w))) income = undefined;
  if (adults === undefined && income === undefined) return undefined;
  return {
    ...(adults !== undefined ? { adults: Math.min(adults, 5) } : {}),
    ...(income !== undefined ? { income } : {}),
    ...(together !== undefined && together > 1 && relatives === 0 ? { everyone: true } : {}),
  };
}

/** Words of relatives and of work, which a sentence about the family has whatever it is about. */
const FAMILY_WORDS = /^(сын|доч|внук|внуч|работа|работ[аеу])/;

/**
 * The text without the words of who lives together and who works: «муж» or «работает» name a subject to search
 * («пенсия по потере кормильца после смерти мужа»), yet «у нас всё сложно, муж то работает, то нет» is an answer, not
 * a new question.
 */
export function withoutFamilyWords(text: string): string {
  return numberTokens(text)
    .filter((w) => !ADULT_RELATIVES.has(w) && !PARENTS.has(w) && !CHILDREN.has(w) && !FAMILY_WORDS.test(w))
    .join(' ');
}

/** «взрослых», «человек» after a number: whom it counts. */
const COUNTED = new Map([
  ['взрослых', 'adults'],
  ['взрослые', 'adults'],
  ['взрослого', 'adults'],
  ['человек', 'people'],
  ['человека', 'people'],
  ['чел', 'people'],
] as const);
/** Words around such a count: «нас всего 2 человека», «в семье трое взрослых». */
const COUNT_FILLERS = new Set([
  'нас',
  'всего',
  'в',
  'семье',
  'у',
  'итого',
  'и',
  'ребенок',
  'ребенка',
  'дети',
  'детей',
]);

/**
 * «2 взрослых», «трое взрослых», «2 человека», «нас 3 человека» at the adults question: how many, and whether they are
 * the adults or all the people (children among them). «2 человека» was read as a request for a person (the
 * consultant was called), «трое взрослых» left the questionnaire for a search.
 */
export function readPeopleCount(text: string): { count: number; adultsOnly: boolean } | undefined {
  const tokens = numberTokens(text);
  let count: number | undefined;
  let whom: 'adults' | 'people' | undefined;
  for (let i = 0; i < tokens.length; ) {
    const w = tokens[i]!;
    const collective = COLLECTIVE.get(w);
    const n =
      count === undefined
        ? collective !== undefined
          ? { value: collective, next: i + 1 }
          : readNumber(tokens, i)
        : undefined;
    if (n) {
      count = n.value;
      i = n.next;
      continue;
    }
    const counted = COUNTED.get(w as never);
    if (counted && whom === undefined) whom = counted;
    else if (!COUNT_FILLERS.has(w)) return undefined;
    i++;
  }
  if (count === undefined || whom === undefined || !Number.isInteger(count) || count < 1 || count > 20)
    return undefined;
  return { count, adultsOnly: whom === 'adults' };
}
