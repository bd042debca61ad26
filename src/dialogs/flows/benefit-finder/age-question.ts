/**
 * «мне 58 лет, какие льготы»: one's own age told with a broad question of what is due, and nothing else. The search
 * reads the age as words of the question («58», «лет»), finds little, and the person got «Я не уверен, что правильно
 * понял вопрос» (or, for «мне 30 лет что мне положено», the pension's increases). The age says only whether the
 * person may be a pensioner or a pre-pensioner; the rest is the finder's questionnaire, offered every time:
 * - from 65: what pensioners are entitled to;
 * - 55–64: the pre-pensioners' and the pensioners' overviews, with whom the age makes which (the sex decides);
 *   with the sex said («мне 56 лет я женщина»), the one overview it makes, or both in the last year before the pension;
 * - under 55 (a man under 60): the age alone gives no measure, so the finder.
 * A group named with the age («мне 58, что положено предпенсионеру», «пенсионерка 70 лет, что мне положено») is that
 * group's overview.
 *
 * An age told alone as the first message («мне 62 года», «маме 80 лет», «мне 58», «я 1964 года рождения», «62 года»,
 * with the place one lives in: «мне 62 года пермь») asks the same: it was refused as off the subject («С этим вопросом
 * я, к сожалению, не помогу»), got «Я постараюсь помочь…» or the place's choices.
 * After an answer or choices it is left to the follow-ups that read it against them (the retirement age's line).
 */
import { withFullBirthYears } from '../../../i18n/birth-years.js';
import { comparableText } from '../../../i18n/comparable-text.js';
import { numberTokens, readNumber } from '../../../i18n/russian-numerals.js';
import type { KnowledgeEntry } from '../../../knowledge/entry.js';
import type { Button } from '../../../messaging/outgoing-message.js';
import { encodePayload } from '../../payloads.js';
import { nextQuestionButton } from '../../reply-builders.js';
import { personalAge } from '../../retirement-age.js';
import type { Turn } from '../../turn.js';
import { action, md } from '../flow-replies.js';
import { payload } from './finder-payloads.js';
import { AGE_FILLERS, PENSION_AGE_ALL, PRE_PENSION_FROM, PRE_PENSION_YEARS } from './said-answers.js';

/** Words around an own age: «мне уже 58 лет». A year («1968 года») is read as a number over 110, so no age. */
const AGE_WORDS: ReadonlySet<string> = new Set([
  ...AGE_FILLERS,
  'я',
  'годиков',
  'годков',
  'исполнился',
  // «нам с мужем по 62 года»: the one age of the couple.
  'нам',
  'с',
  'мужем',
  'женой',
  'по',
]);

/**
 * The words of a broad question of what is due («какие льготы мне положены», «что нам полагается», «положено что
 * нибудь»), and of what changes nothing in it: greetings, work, living alone, where one lives («в волгограде»).
 */
const ASK_WORDS = new Set([
  'какие',
  'какая',
  'какую',
  'что',
  'нибудь',
  'то',
  'мне',
  'нам',
  'у',
  'меня',
  'есть',
  'вообще',
  'сейчас',
  'теперь',
  'могу',
  'можно',
  'получить',
  'рассчитывать',
  'на',
  'имею',
  'право',
  'меры',
  'поддержки',
  'от',
  'государства',
  'и',
  'а',
  'или',
  'скажите',
  'подскажите',
  'пожалуйста',
  'здравствуйте',
  'добрый',
  'день',
  'работаю',
  'не',
  'одна',
  'один',
  'одинокая',
  'одинокий',
]);
/**
 * The words that frame a place named («живу в перми», «пермский край», «г волгоград»). With the place itself they say
 * where one lives, which asks nothing: «мне 62 года пермь» is still an age told alone (it got choices of Perm's
 * subsistence minimum and large families).
 */
const PLACE_WORDS: ReadonlySet<string> = new Set([
  'живу',
  'в',
  'из',
  'г',
  'город',
  'городе',
  'область',
  'области',
  'край',
  'крае',
]);
/**
 * Words of a birth year («я 1968 года рождения», «1968 г р», «родилась в 1968»): a year read with one of them is the
 * person's birth year, and their age this year is the year now less it.
 */
const BIRTH_WORDS: ReadonlySet<string> = new Set(['рождения', 'г', 'р', 'гр', 'родился', 'родилась']);
/** A number read this large is a year, not an age. */
const YEAR_FROM = 1900;

/** The word that makes it a question of what is due (typed as it often is: «лготы», «положенно»). */
const ASK_CORE = /^(льгот\S*|лгот\S*|выплат\S*|пособи\S*|положен\S*|полагает\S*|полагают\S*|дают|помощь)$/;
/** A group named beside the age: its overview answers. */
const GROUPS: readonly { words: RegExp; group: string }[] = [
  { words: /^предпенсионер\S*$/, group: 'предпенс*' },
  { words: /^пенсионер\S*$/, group: 'пенсионер*' },
];
/**
 * The words that tell whose age it is («мне 62 года»). The kin words (KIN_SEX) tell it too, and so does a word of years
 * after a bare number («62 года»: a person who writes only that tells their age; years of service come with «стаж»).
 * A bare number without one («62») may be anything.
 */
const TOLD_OF: ReadonlySet<string> = new Set(['мне', 'я', 'нам']);
/** Words of years: «62 года» alone is an age told. */
const YEARS_WORDS: ReadonlySet<string> = new Set(['лет', 'год', 'года', 'годиков', 'годков']);
/** Words beside an age told alone that ask nothing else: «а мне уже 62», «ну мне 58». */
const ALONE_WORDS: ReadonlySet<string> = new Set(['а', 'ну', 'вот', 'и']);

/** The sex said with the age («мне 56 лет я женщина»): it decides whether the age is pre-pension. */
const SEX_WORDS = new Map<string, Sex>([
  ['женщина', 'women'],
  ['мужчина', 'men'],
]);
type Sex = keyof typeof PRE_PENSION_FROM;
/**
 * A parent or grandparent named with their birth year or age («мама 1965 года рождения льготы», «папе 63 года что
 * положено»): the age is theirs and the word says the sex. «Мама 1965 года рождения льготы» got choices of the
 * retirement age, single mothers and large families, though a woman born in 1965 is of pension age. Only from the
 * age of pre-pension: a younger «мама» may be the one asking about her children.
 */
const KIN_SEX = new Map<string, Sex>([
  ['мама', 'women'],
  ['маме', 'women'],
  ['мать', 'women'],
  ['матери', 'women'],
  ['бабушка', 'women'],
  ['бабушке', 'women'],
  ['папа', 'men'],
  ['папе', 'men'],
  ['отец', 'men'],
  ['отцу', 'men'],
  ['дедушка', 'men'],
  ['дедушке', 'men'],
]);

/** What the message says: the age, and the group or the sex named with it. */
export interface AgeQuestion {
  age: number;
  /** The birth year, when the message gave it instead of an age (the age is then this year's). */
  born?: number;
  group?: string;
  sex?: Sex;
}

/**
 * The own age and the group of a broad question of what is due that says nothing else; undefined for anything else
 * («мне 58 лет, уволили, что положено», a year of birth). `isPlace` tells a word naming a place («волгограде»).
 * `alone`: an age told of someone with nothing else («мне 62 года», «маме 80 лет») is read as that question too.
 */
export function readAgeQuestion(
  text: string,
  isPlace: (word: string) => boolean = () => false,
  currentYear?: number,
  alone = false,
): AgeQuestion | undefined {
  // «я 68 г р» is born in 1968, not 68 years old.
  const tokens = withFullBirthYears(numberTokens(comparableText(text)));
  let age: number | undefined;
  let year: number | undefined;
  let birthSaid = false;
  let group: string | undefined;
  let sex: Sex | undefined;
  let asks = false;
  let kinSaid = false;
  let toldOf = false;
  // A word of the broad question other than the age's own («что», «могу»): the age is not told alone.
  let asking = false;
  for (let i = 0; i < tokens.length; ) {
    const word = tokens[i]!;
    const n = age === undefined && year === undefined ? readNumber(tokens, i) : undefined;
    if (n) {
      if (n.value >= YEAR_FROM) year = n.value;
      else age = n.value;
      i = n.next;
      continue;
    }
    if (BIRTH_WORDS.has(word)) {
      birthSaid ||= word !== 'г';
      i++;
      continue;
    }
    const named = GROUPS.find((g) => g.words.test(word));
    const kin = KIN_SEX.get(word);
    if (kin) kinSaid = true;
    if (TOLD_OF.has(word) || (YEARS_WORDS.has(word) && age !== undefined)) toldOf = true;
    const said = SEX_WORDS.get(word) ?? kin;
    if (named && (group === undefined || group === named.group)) group = named.group;
    else if (said && (sex === undefined || sex === said)) sex = said;
    else if (ASK_CORE.test(word)) asks = true;
    else if (AGE_WORDS.has(word) || ALONE_WORDS.has(word)) {
      // The age's own words: «мне уже 62 года», «а мне 62».
    } else if (PLACE_WORDS.has(word) || isPlace(word)) {
      // Where one lives: it asks nothing, with the question («… что положено в перми») or alone.
    } else if (ASK_WORDS.has(word)) asking = true;
    else return undefined;
    i++;
  }
  // A year without a word of birth («какие льготы в 2026 году») is no one's age.
  const born = year !== undefined && birthSaid && currentYear !== undefined ? year : undefined;
  if (born !== undefined) age = currentYear! - born;
  const toldAlone = alone && !asking && (toldOf || kinSaid);
  if (!(asks || toldAlone) || age === undefined || !Number.isInteger(age) || age < 18 || age > 110)
    return undefined;
  if (kinSaid && age < PRE_PENSION_FROM.women) return undefined;
  return {
    age,
    ...(born !== undefined ? { born } : {}),
    ...(group ? { group } : {}),
    ...(sex ? { sex } : {}),
  };
}

/** What the age makes a person of the sex said: a pensioner, a pre-pensioner, maybe either, or neither. */
function statusOf(age: number, sex: Sex): 'pensioner' | 'pre-pension' | 'either' | 'none' {
  const from = PRE_PENSION_FROM[sex];
  if (age < from) return 'none';
  if (age < from + PRE_PENSION_YEARS - 1) return 'pre-pension';
  return age < from + PRE_PENSION_YEARS ? 'either' : 'pensioner';
}

/** The overview entry whose `overview_for` names `group` (data/faq: «предпенс*», «пенсионер*»). */
function overviewOf(turn: Turn, group: string): KnowledgeEntry | undefined {
  return turn.deps.kb.entries.find((e) => e.overviewFor?.split('|').includes(group));
}

/** The finder offered under the reply. */
function finderOffer(turn: Turn): Button {
  return action(turn.ctx.t('finder.offer_choices'), payload('go'));
}

/**
 * Takes «мне 58 лет, какие льготы», and «мне 58» alone where it follows no answer nor choices (see the module's
 * comment); false for any other message.
 */
export function onAgeQuestion(turn: Turn, text: string, shown: readonly KnowledgeEntry[] = []): boolean {
  const understanding = turn.deps.understanding;
  const currentYear = new Date(turn.deps.now).getUTCFullYear();
  const asked = readAgeQuestion(
    text,
    (word) => understanding.place(word) !== undefined,
    currentYear,
    shown.length === 0,
  );
  if (!asked) return false;
  const { age, sex } = asked;
  const pensioners = overviewOf(turn, 'пенсионер*');
  const prePensioners = overviewOf(turn, 'предпенс*');
  if (!pensioners || !prePensioners) return false;
  const detail = 'finder:age-question';
  const offers = [finderOffer(turn)];
  const answer = (entry: KnowledgeEntry) => {
    turn.answer(entry, { detail, offers });
    return true;
  };
  const named = asked.group ? overviewOf(turn, asked.group) : undefined;
  if (named) return answer(named);
  // A birth year before the pension age («я 1968 года рождения какие льготы»): the year decides when the pension
  // comes, so the retirement-age table's lines for that year answer (its entry puts them first), with the
  // pre-pensioners' overview and the finder a tap away. It was «Уточните…» between the retirement age, the birth
  // lump sum («рождения») and large families (citizen audit 7, M4).
  // The pensioners' overview too when the year has reached its pension age for one sex (a woman born in 1966).
  const retirement =
    asked.born !== undefined && age >= PRE_PENSION_FROM.women && age < PENSION_AGE_ALL
      ? turn.deps.kb.entries
          .map((entry) => ({ entry, personal: personalAge(entry, text, currentYear) }))
          .find((r) => r.personal !== undefined)
      : undefined;
  if (retirement) {
    const reached = retirement.personal?.lines.some((l) => l.year <= currentYear) === true;
    const overviews = reached ? [prePensioners, pensioners] : [prePensioners];
    turn.answer(retirement.entry, {
      detail,
      offers: [...overviews.map((e) => nextQuestionButton(turn.ctx, e)), ...offers],
    });
    return true;
  }
  const status = sex ? statusOf(age, sex) : undefined;
  if (status === 'pensioner' || age >= PENSION_AGE_ALL) return answer(pensioners);
  if (status === 'pre-pension') return answer(prePensioners);
  if (status === 'either') {
    turn.offerChoices([prePensioners, pensioners], { detail, offers });
    return true;
  }
  if (status === undefined && age >= PRE_PENSION_FROM.women) {
    const womenOnly = age < PRE_PENSION_FROM.men;
    turn.leadNextReply(
      md(turn, womenOnly ? 'finder.pension_age_sex' : 'finder.age.men_pre_pension', { age }),
    );
    turn.offerChoices(womenOnly ? [prePensioners, pensioners] : [pensioners, prePensioners], {
      detail,
      offers,
    });
    return true;
  }
  turn.send({
    // A birth year gives this year's age, which the birthday may not have reached: the year is said instead.
    text:
      asked.born !== undefined
        ? md(turn, 'finder.age.no_measure_born', { born: asked.born })
        : md(turn, 'finder.age.no_measure', { age }),
    buttons: [
      offers,
      [
        action(
          turn.ctx.t('buttons.call_consultant'),
          encodePayload({ a: 'handoff', reason: 'user_request' }),
        ),
      ],
      [action(turn.ctx.t('buttons.menu'), encodePayload({ a: 'menu' }))],
    ],
  });
  turn.outcome({ outcome: 'clarify', detail });
  return true;
}
