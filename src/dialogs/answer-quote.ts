/**
 * The line of the answer just given that a follow-up asks about: «а работающим тоже?» after an answer that says
 * «…с 1 января, и работающим тоже», «а мне самой положена? я не работаю сижу с младшим» after the survivor's
 * pension, which goes to a parent who «не работает и ухаживает за детьми умершего до 14 лет». Such follow-ups got
 * «Если вы об ответе … откройте нужную часть кнопкой», or choices of other entries, though the answer had the line
 * (citizen audits); quoting it answers from the knowledge base itself, nothing made up.
 */
import { comparableText } from '../i18n/comparable-text.js';
import { type KnowledgeEntry, SECTION_KEYS } from '../knowledge/entry.js';
import type { TextUnderstanding } from '../search/search-types.js';

/** How the follow-up and the answer's lines are read, alike: `TextUnderstanding.statedTerms`. */
export type StatedTerms = TextUnderstanding['statedTerms'];

/** Words too common in answers to tell one line from another. */
const COMMON_WORDS = [
  'можно',
  'нужно',
  'надо',
  'если',
  'тоже',
  'когда',
  'какой',
  'какая',
  'какие',
  'каким',
  'сколько',
  'получить',
  'получать',
  'положено',
  'положена',
  'положен',
  'будет',
  'будут',
  'есть',
  'этот',
  'этого',
  'тогда',
  'только',
  'могут',
  'может',
  'дадут',
  'платят',
  'выплата',
  'выплату',
  'пособие',
  'сейчас',
  'вообще',
  'скажите',
  'подскажите',
  // «а мне самой»: who asks, not what
  'самой',
  'самому',
  // «а пенсию заберут всю»: how much of it, which the line says in its own words («не больше 75%»)
  'всю',
  'весь',
  'вся',
  'целиком',
  'полностью',
];
/**
 * People a follow-up may be about. A line that does not name the one asked about is not the answer for them, even
 * with the follow-up's other words: «а если муж был лишен прав» after the survivor's pension quoted «Родитель жив,
 * но лишён родительских прав — этой пенсии нет» (a verification pass), a line about a living parent, for a dead
 * husband. Without a line that names the person, the reply is what it would be without quoting.
 */
const PERSON_WORDS = [
  'муж',
  'жена',
  'супруг',
  'супруга',
  'сын',
  'дочь',
  'дочка',
  'мама',
  'мать',
  'папа',
  'отец',
  'свекровь',
  'свекор',
  'теща',
  'тесть',
  'бабушка',
  'дедушка',
  'внук',
  'внучка',
  'брат',
  'сестра',
];
const personTerms = termsOfWords(PERSON_WORDS);

/**
 * Kin a line names by a wider word: a son or a daughter is one of the children, «дети» or a «ребёнок», as a child is
 * one of them by either word; a granddaughter one of the grandchildren («внукам»). «а дочке до какого возраста платят»
 * after the survivor's pension got the note that its card does not say it, though its line «детям, внукам… до 18 лет,
 * студентам очной формы — до 23 лет» does; «а ребенку…» and «а внучке…» the same.
 */
const KIN = [
  // «дочери» is a stem of its own («дочер»), not «дочь»'s; not a person a line must name (PERSON_WORDS): «а если живу с
  // дочерью она работает» after the capital repair compensation is its «…живёт один…».
  { named: ['сын', 'дочь', 'дочка', 'дочери', 'ребенок', 'дети', 'детишки'], inLine: ['дети', 'ребенок'] },
  { named: ['внучка'], inLine: ['внук'] },
];
const NO_KIN: ReadonlyMap<string, readonly string[]> = new Map();

/** The terms of the kin a follow-up names (KIN), each with the terms a line may name them by instead; once a reader. */
const kinTerms = perReader((read) => {
  const map = new Map<string, string[]>();
  for (const { named, inLine } of KIN) {
    const wider = inLine.flatMap((w) => read(w, { curated: true }));
    for (const term of named.flatMap((w) => read(w, { curated: true })))
      map.set(term, [...(map.get(term) ?? []), ...wider.filter((t) => t !== term)]);
  }
  return map as ReadonlyMap<string, readonly string[]>;
});

/** A line has a kin term of the follow-up where it has the wider word for them (see KIN). */
function withKinOf(
  has: (term: string) => boolean,
  kin: ReadonlyMap<string, readonly string[]>,
): (term: string) => boolean {
  return (term) => has(term) || (kin.get(term)?.some(has) ?? false);
}

/** A sum of money in digits, not a year («20000», «150000»; not «2025»): the person's own, no line's. */
const OWN_SUM = /^(?!(19|20)\d\d$)\d{4,7}$/;
/** Lines this long or longer are not a quotable answer to a short question. */
const MAX_LINE_CHARS = 400;
/** A follow-up that names more than this is a question of its own, not one line's. */
const MAX_WANTED = 4;

/** The entry's short answer, then each part. */
function entryTexts(entry: KnowledgeEntry): string[] {
  return [entry.short, ...SECTION_KEYS.map((k) => entry.sections[k] ?? '')];
}

/** The entry's text as lines: paragraphs and list items of the short answer, then of each part. */
function lines(entry: KnowledgeEntry): string[] {
  return linesOf(entryTexts(entry));
}

/** The lines of the short answer, the card the citizen has just read. */
function shortLines(entry: KnowledgeEntry): Set<string> {
  return new Set(linesOf([entry.short]));
}

function linesOf(texts: readonly string[]): string[] {
  return texts
    .flatMap((t) => t.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && l.length < MAX_LINE_CHARS && !l.startsWith('#'));
}

/** A line about how much: a sum, a size, a figure. */
const AMOUNT_LINE = /(^|[^а-яё])(сумм|размер)|₽|\{\{fig:/i;

/** Whether a line says how much (a sum, a size, a figure). */
export function statesAmount(line: string): boolean {
  return AMOUNT_LINE.test(line);
}

/**
 * The first line of an entry that says how much, for a card with no «Сколько платят» part: «Сумма и условия… зависят
 * от региона» of the emergency material help answers «а сколько дают», which got «В этом ответе нет раздела «Сколько
 * платят»» (verification audit 8, L10).
 */
export function lineOnAmount(entry: KnowledgeEntry): string | undefined {
  return lines(entry).find((line) => AMOUNT_LINE.test(line));
}

interface EntryTerms {
  /** The terms of the entry's own subject: its title and keywords. */
  subject: Set<string>;
  /** The terms of its title. */
  title: Set<string>;
}

/**
 * The knowledge base's own words read once per reader and entry: a follow-up read the titles and keywords of every
 * entry it compared with again, 6% of the main thread under `npm run bench`. The reader (and with it the cache) is
 * replaced when the knowledge base is reloaded.
 */
const entryTerms = new WeakMap<StatedTerms, WeakMap<KnowledgeEntry, EntryTerms>>();

/**
 * The terms of a fixed list of words, as a reader reads them (synonyms folded), read once per reader: a new knowledge
 * base brings a new reader, and with it new terms.
 */
function termsOfWords(words: readonly string[]): (read: StatedTerms) => ReadonlySet<string> {
  return perReader((read) => new Set(words.flatMap((w) => read(w, { curated: true }))));
}

/** What `build` makes of a reader, made once per reader (a reloaded knowledge base brings a new one). */
function perReader<T>(build: (read: StatedTerms) => T): (read: StatedTerms) => T {
  const byReader = new WeakMap<StatedTerms, T>();
  return (read) => {
    let made = byReader.get(read);
    if (made === undefined) {
      made = build(read);
      byReader.set(read, made);
    }
    return made;
  };
}

const commonTerms = termsOfWords(COMMON_WORDS);

function termsOf(entry: KnowledgeEntry, read: StatedTerms): EntryTerms {
  let byEntry = entryTerms.get(read);
  if (!byEntry) {
    byEntry = new WeakMap();
    entryTerms.set(read, byEntry);
  }
  let terms = byEntry.get(entry);
  if (!terms) {
    terms = {
      subject: new Set([entry.title, ...entry.keywords].flatMap((t) => read(t, { curated: true }))),
      title: new Set(read(entry.title, { curated: true })),
    };
    byEntry.set(entry, terms);
  }
  return terms;
}

function subjectTerms(entry: KnowledgeEntry, read: StatedTerms): Set<string> {
  return termsOf(entry, read).subject;
}

/** The follow-up's terms, without the common ones. */
function askedTerms(query: string, read: StatedTerms): string[] {
  const common = commonTerms(read);
  return read(query).filter((term) => !common.has(term));
}

/**
 * Words of giving as common in an age question as «платят»: «а со скольки лет дают» after the large families' benefits
 * named «дают» as a subject of its own and got the retirement age's card (helper V's note). Only there: «а на бизнес
 * сколько дают» after the social contract asks the business contract's «Сколько платят».
 * So are words of lasting and the plain names of any measure, which after a card name the card's own: «а до какого
 * возраста действуют льготы» after the large families' status got choices led by the retirement age, and «а льготы до
 * какого возраста» quoted its line on what the region decides, not «…меры поддержки действуют, пока старшему ребёнку
 * не исполнится 18 лет…» (helper F's task).
 */
const AGE_COMMON_WORDS = [
  'дают',
  'дает',
  'действуют',
  'действует',
  'сохраняются',
  'сохраняется',
  'льготы',
  'льгота',
  'меры',
  'мера',
  'поддержка',
  'поддержки',
  'выплаты',
];
const ageCommonTerms = termsOfWords(AGE_COMMON_WORDS);

/** The terms of a follow-up asking an age, without the common ones and the words of giving. */
function ageAskedTerms(query: string, read: StatedTerms): string[] {
  const giving = ageCommonTerms(read);
  return askedTerms(query, read).filter((term) => !giving.has(term));
}

/** How sure a line must be to be quoted. */
export interface LineOptions {
  /** Whether a follow-up naming only the entry's own subject asks for a line with it (true unless false). */
  bySubject?: boolean;
  /** How many of the follow-up's words the line or its entry's title must have (1 unless set). */
  minAsked?: number;
  /**
   * Whether a follow-up asking nothing but an age («а до какого возраста платят»), or an age and whom it is for («а
   * дочке…»), is answered from this entry (true unless false): not from another entry of the measure, whose «ребёнок
   * до 7 лет — до 60 дней» of sick leave is no age of the maternity benefit shown.
   */
  ageAlone?: boolean;
}

/**
 * The line with the words the follow-up names, or undefined. The words that name the answer's own subject (its
 * title, its keywords: «а закон про 10 процентов уже действует?» after «…при превышении дохода до 10%») and common
 * ones are not looked for, unless the follow-up names nothing else («а работающим?» after «…в том числе работающим
 * пенсионерам» asks for the line that says so) and `bySubject` is not false; of the others, at most four, the line must have every one, or all but
 * one when there are three or more («сижу с младшим» is «ухаживают за детьми», the younger child is not named). The
 * line with the most of them wins, the first of equals.
 */
export function lineAbout(
  entry: KnowledgeEntry,
  query: string,
  read: StatedTerms,
  options: LineOptions = {},
): string | undefined {
  return scoredLine(entry, query, read, options)?.line;
}

/** The line lineAbout picks, with how many of the follow-up's words it has and how many as written. */
function scoredLine(
  entry: KnowledgeEntry,
  query: string,
  read: StatedTerms,
  options: LineOptions = {},
): ScoredLine | undefined {
  return scoredLineAs(entry, query, read, options, false) ?? scoredLineAs(entry, query, read, options, true);
}

interface ScoredLine {
  line: string;
  found: number;
  exact: number;
}

/**
 * scoredLine's reading, as the follow-up is written or (`byKin`) of an age asked of a kin a line may name by a wider
 * word (see KIN): «а дочке до какого возраста платят» after the survivor's pension is its «детям… до 18 лет». Then
 * only the entry's own lines that give the measure up to or from an age, in any part: «а дочке…» would have quoted the
 * pension points' «…в стаж идут… уход за ребёнком до 1,5 лет…», and another entry of the measure the sick leave's
 * «ребёнок до 7 лет — до 60 дней» after the maternity benefit.
 */
function scoredLineAs(
  entry: KnowledgeEntry,
  query: string,
  read: StatedTerms,
  options: LineOptions,
  byKin: boolean,
): ScoredLine | undefined {
  const subject = subjectTerms(entry, read);
  const age = AGE_ASKED.test(comparableText(query)) ? new Set(read(AGE_WORD)) : undefined;
  const onlyAge = age && bareAgeAsked(query, age, read);
  if (onlyAge && options.ageAlone === false) return undefined;
  const kin = byKin ? kinTerms(read) : NO_KIN;
  if (byKin && (options.ageAlone === false || !age || !ageOfKinAsked(query, age, kin, read)))
    return undefined;
  const asked = onlyAge ?? askedTerms(query, read);
  // Asked alone, the age is of whom the measure is for: «…детям… до 18 лет» of the survivor's pension, not «уход за
  // ребёнком до 3 лет», a valid reason for no income in the unified benefit's refusals.
  const who = onlyAge ? shortLines(entry) : undefined;
  const ageText = onlyAge !== undefined || byKin ? comparableText(query) : '';
  const asksUpTo = UP_TO_AGE_ASKED.test(ageText);
  const asksFrom = !asksUpTo && FROM_AGE_ASKED.test(ageText);
  // And the end of it: «…бесплатные лекарства детям до 6 лет…» of the large families' benefits is no age up to which
  // the measure is given (see linesGivingUntil); nor «…до 17 лет» of the unified benefit one from which. «а какой
  // возраст», neither, is either: it quoted that «…детям до 6 лет» (helper V's note).
  const texts = byKin ? entryTexts(entry) : [entry.short];
  const bounds = asksUpTo
    ? linesGivingUntil(entry, texts)
    : asksFrom
      ? linesGivingFrom(entry, texts)
      : ageText !== ''
        ? new Set([...linesGivingUntil(entry, texts), ...linesGivingFrom(entry, texts)])
        : undefined;
  // One's own sum («а у меня долг 20000 за свет») is in no line of the rules: with it wanted, the subsidy's line on
  // debts was passed over for how to apply's line that also names «ЖКУ» (audit 8, follow-ups).
  const others = asked.filter((term) => !subject.has(term) && !OWN_SUM.test(term));
  const wanted = others.length > 0 || options.bySubject === false ? others : asked;
  if (wanted.length === 0 || wanted.length > MAX_WANTED) return undefined;
  // Numbers alone state nothing: «v1», a slip of the keyboard, quoted the line with «I группы» (a citizen audit).
  if (wanted.every((term) => /^\d+$/.test(term))) return undefined;
  // The person named counts even where the title names them too («…после смерти мужа, жены, родителя»).
  const people = personTerms(read);
  const persons = read(query).filter((term) => people.has(term));
  const needed = wanted.length >= 3 ? wanted.length - 1 : wanted.length;
  let best: string | undefined;
  let most = 0;
  let mostExact = 0;
  let mostAspect = 0;
  const minAsked = options.minAsked ?? 1;
  // A line says what it says under its entry's title: «больше {{fig:…}} дохода» under «…(правило 22%)».
  const title = termsOf(entry, read).title;
  const aspect = [...wordsOf(query)].filter((word) => ASPECT_WORDS.has(word));
  const kind = kindNamed(query, read);
  for (const line of lines(entry)) {
    if (who && !who.has(line)) continue;
    if (bounds && !bounds.has(line)) continue;
    const have = new Set(read(line, { curated: true }));
    if (!persons.every(withKinOf((term) => have.has(term), kin))) continue;
    const has = withKinOf(
      withAgeOf(
        withKindOf(lineHas(have), kind, line, read),
        age,
        bounds !== undefined || GIVES_AGE.test(line),
      ),
      kin,
    );
    // «пенсию по инвалидности», one term of the synonyms, names two words: the thing and its kind; «до какого
    // возраста» against a line «…до 18 лет» both the end and the age, «с какого возраста» against «с 70 лет» the start.
    const upTo = bounds !== undefined;
    const named = asked.reduce(
      (n, term) =>
        n +
        (has(term) || title.has(term) ? (kind?.whole.includes(term) || (upTo && age?.has(term)) ? 2 : 1) : 0),
      0,
    );
    if (named < minAsked) continue;
    const found = wanted.filter(has).length;
    if (found < most || found === 0) continue;
    // Between lines with as many, the one with more of them as written: «а если я работаю» after the capital repair
    // compensation is «Кто пошёл работать, теряет право…», not «…который не работает и живёт один…».
    // An age asked is said in figures: «…независимо от возраста…» has the word, not the age. «а внуку до какого
    // возраста платят» after the survivor's pension quoted the carer's «…независимо от возраста, если… ухаживают за…
    // внуками умершего до 14 лет», not «детям, внукам… до 18 лет».
    const exact = wanted.filter((term) => have.has(term) && !age?.has(term)).length;
    if (found === most && exact < mostExact) continue;
    // Then the one with the follow-up's «уже», «ещё» (see ASPECT_WORDS).
    const lineWords = wordsOf(line);
    const shared = aspect.filter((word) => lineWords.has(word)).length;
    if (found > most || exact > mostExact || shared > mostAspect) {
      best = line;
      most = found;
      mostExact = exact;
      mostAspect = shared;
    }
  }
  return most >= needed && best !== undefined ? { line: best, found: most, exact: mostExact } : undefined;
}

/** Most letters a line's word may have beyond the follow-up's stem and still be its form («жив» of «живу», «живет»). */
const MAX_ENDING_LETTERS = 2;
/** Fewest letters of a line's verb that a prefixed verb of the follow-up ends with («заберут» of «берут»). */
const MIN_ROOT_LETTERS = 5;
/** A term the reader joins with its negation: «не работа» of «не работаю». */
const NEGATED = /^не (.+)$/;

/**
 * Whether a line (its terms `have`) has a term of the follow-up, in a form the stems keep apart: «живу» is «жив» and
 * «живёт» «живет», «заберут» is not «берут», «не работаю» is «не работа» and «неработающим» «неработа». So «а если
 * живу с дочерью она работает» after the capital repair compensation did not find its line «…не работает и живёт
 * один…», «а пенсию заберут всю» after the care home not «…берут не больше 75% дохода (пенсии)…», «а если я не
 * работаю» after the childcare benefit not «…неработающим вместо него можно оформить единое пособие…» (citizen audit
 * 7, M1 and M3). A line that says «не работает» is about working too: it answers «а если она работает».
 */
function lineHas(have: ReadonlySet<string>): (term: string) => boolean {
  const forms = new Set<string>();
  for (const term of have) {
    forms.add(term);
    const negated = NEGATED.exec(term)?.[1];
    if (negated) forms.add(negated).add(`не${negated}`);
  }
  const all = [...forms];
  return (term) => {
    if (forms.has(term)) return true;
    const negated = NEGATED.exec(term)?.[1];
    if (negated && forms.has(`не${negated}`)) return true;
    if (/\d/.test(term) || term.includes(' ')) return false;
    return all.some(
      (form) =>
        (form.startsWith(term) && form.length - term.length <= MAX_ENDING_LETTERS && term.length >= 3) ||
        (form.length >= MIN_ROOT_LETTERS && term.length > form.length && term.endsWith(form)),
    );
  };
}

/** The thing a follow-up names and the words that say which kind of it: «пенсию» and «по потере кормильца». */
interface KindNamed {
  head: readonly string[];
  kind: readonly string[];
  /**
   * The whole «пенсию по инвалидности» where the synonyms read it as one term («пенс инвалидн»): the follow-up then
   * has that term, not the head's and the kind's apart.
   */
  whole: string[];
}

/** «…пенсию по потере кормильца», «…пособие по инвалидности»: a noun, «по» and at most three words, at the end. */
const KIND_OF = /(^| )(\S+) по (\S+(?: \S+){0,2})$/;

function kindNamed(query: string, read: StatedTerms): KindNamed | undefined {
  const m = KIND_OF.exec(comparableText(query));
  if (!m) return undefined;
  const head = read(m[2]!);
  const kind = read(m[3]!);
  const whole = read(`${m[2]!} по ${m[3]!}`).filter((term) => term.includes(' '));
  return head.length > 0 && kind.length > 0 ? { head, kind, whole } : undefined;
}

/**
 * A line that names a thing of any kind («…получает пенсию или пособие по безработице») has the kind the follow-up
 * names too: «а если я получаю пенсию по потере кормильца» after the carer payment is its «Не положено, если вы…
 * получаете пенсию», which it did not find for «потере кормильца» (verification audit 8, M7), nor «пенсию по
 * инвалидности», one term of the synonyms (audit 8's follow-ups, helper O). Not where the line
 * names a kind of its own («пособие по безработице» is not «пособие по уходу»).
 */
function withKindOf(
  has: (term: string) => boolean,
  named: KindNamed | undefined,
  line: string,
  read: StatedTerms,
): (term: string) => boolean {
  if (!named?.head.every(has)) return has;
  const words = comparableText(line).split(' ');
  const general = words.some(
    (word, i) => words[i + 1] !== 'по' && read(word).some((term) => named.head.includes(term)),
  );
  if (!general) return has;
  return (term) => has(term) || named.kind.includes(term) || named.whole.includes(term);
}

/** An age asked in words: «до какого возраста», «с какого возраста», «какой возраст». */
const AGE_ASKED = /(^| )(до|с|со|во) (какого|каких) (возраста|лет)( |$)|(^| )какой возраст/;
/** The question word of such a question: «какого» of «до какого возраста». */
const AGE_QUESTION_WORD = /(^| )(?:какого|каких) (?=возраста|лет)/;
/** The word of such a question that no line has: a line says the age itself. */
const AGE_WORD = 'возраст';
/** A line that gives an age: «до 18 лет», «с 80 лет», «старше 23 лет». */
const GIVES_AGE = /(^|[^\d])\d{1,3} (лет|года?)([^а-яё]|$)/i;

/** An age asked by how many years: «до скольки лет», «со скольких лет». */
const AGE_IN_YEARS_ASKED = /(^| )(до|с|со|во) скольк(?:и|их) (?:лет|годиков)(?= |$)/;

/**
 * «а до скольки лет платят» as «а до какого возраста платят»: «скольки» reads as «сколько», and the follow-up got the
 * card's «Сколько платят» (helper T's note, audit 8's follow-ups). Other texts as they are.
 */
export function ageAskedInWords(query: string): string {
  const text = comparableText(query);
  return AGE_IN_YEARS_ASKED.test(text) ? text.replace(AGE_IN_YEARS_ASKED, '$1$2 какого возраста') : query;
}

/** An age asked as the end of a measure: «до какого возраста платят». */
const UP_TO_AGE_ASKED = /(^| )до (какого|каких) (возраста|лет)( |$)/;
/** An age asked as the start of a measure: «с какого возраста», «со скольки лет» (read as «со какого возраста»). */
const FROM_AGE_ASKED = /(^| )(с|со) (какого|каких) (возраста|лет)( |$)/;
/**
 * An age as a start: «с 70 лет», «старше 80 лет», «после 60 лет», «в 59 лет» (of the retirement age), «достигшим
 * пенсионного возраста». Not a range «от 3 до 7 лет»: the unified benefit's «…заменило прежние выплаты… на детей от 3
 * до 7 и от 8 до 17 лет» is of payments no longer made.
 */
const FROM_AGE =
  /(^|[^а-яё])(с|со|старше|после|(?<!раз )в) \d{1,3}(,\d+)? (лет|года?)([^а-яё]|$)|пенсионного возраста/i;
/** Whether a line gives an age a measure starts from (FROM_AGE), read without its bold marks and its asides. */
const givesStartAge = (line: string) => FROM_AGE.test(line.replace(/\*\*/g, '').replace(/\([^)]*\)/g, ' '));
/**
 * An age as an end: «до 18 лет», «до 1,5 лет», «пока ребёнку не исполнится 1,5 года», «пока ребёнку нет 3 лет» (of the
 * conscript's child's benefit: up to two words between «пока» and «нет»).
 */
const UNTIL_AGE =
  /(^|[^а-яё])(до|не исполнит\S*|пока (?:[а-яё]+ ){0,2}нет) \d{1,3}(,\d+)? (лет|года?)([^а-яё]|$)/i;

/**
 * A line (or its list's lead, or its entry's title) that says the measure is paid or given: «платят», «положена»,
 * or that it lasts: «…меры поддержки действуют, пока старшему ребёнку не исполнится 18 лет» of the large families'
 * status, «сохранят», «сохраняются»; not «Пособие не назначат, если:», the lead of the pregnancy benefit's refusals.
 */
const GIVES_MEASURE =
  /(^|[^а-яё])(?<!(?:^|[^а-яё])не )(плат(ят|ит)|назнача\S*|положен\S*|получа(ют|ет|ть)|получить|дают|да[её]т|возвра(т|щ)\S*|повыша\S*|выплачива\S*|действу(ют|ет)|сохран(ят|ит|яют(ся)?|яет(ся)?))([^а-яё]|$)/i;

/**
 * The lines of an entry's short answer that say up to what age its measure is paid or given: an age «до N лет»
 * outside brackets, in a line that says the measure is paid or given, or in an item of a list whose lead line says
 * so, or under a title that does («…сколько дней и кто платит»). «а до какого возраста платят» quoted any «до N лет»
 * of the card: «…бесплатные лекарства детям до 6 лет…» of the large families' benefits, «(включая детей-очников до 23
 * лет)» of the unified benefit's income rules, «Уважительные причины — например, уход за ребёнком до 3 лет…» of the
 * zero income rule (helper Q's note, audit 8's follow-ups). None of an overview, whose lines are of several measures
 * («…воспитавшему ребёнка до 8 лет, — пенсия раньше» of the disabled child's).
 */
function linesGivingUntil(entry: KnowledgeEntry, texts = [entry.short]): Set<string> {
  return linesGivingAge(entry, texts, (line) => UNTIL_AGE.test(line.replace(/\([^)]*\)/g, ' ')));
}

/**
 * The lines of an entry's short answer that say from what age its measure is paid or given, read as linesGivingUntil
 * reads an end: «…возвращают часть взноса на капремонт: с **70 лет** — **50%**…», «…получают женщины 1967 г. р. — в
 * 59 лет…», «мужу или жене, родителям — достигшим пенсионного возраста…» under «…назначают… членам семьи». Not
 * «…на каждого ребёнка до 17 лет», which «а с какого возраста» after the unified benefit would have quoted.
 */
function linesGivingFrom(entry: KnowledgeEntry, texts = [entry.short]): Set<string> {
  return linesGivingAge(entry, texts, givesStartAge);
}

/** The lines that give an age (`givesAge`) and say the measure is paid or given; none of an overview. */
function linesGivingAge(
  entry: KnowledgeEntry,
  texts: readonly string[],
  givesAge: (line: string) => boolean,
): Set<string> {
  const found = new Set<string>();
  if (entry.overviewFor !== undefined) return found;
  const titleGives = GIVES_MEASURE.test(entry.title);
  for (const text of texts) {
    let lead = '';
    for (const line of linesOf([text])) {
      const item = line.startsWith('- ');
      if (!item) lead = line;
      const gives = titleGives || GIVES_MEASURE.test(line) || (item && GIVES_MEASURE.test(lead));
      if (gives && givesAge(line)) found.add(line);
    }
  }
  return found;
}

/**
 * Whether a part of the entry says up to what age its measure is paid or given, as linesGivingUntil reads the short
 * answer: «Платят, пока ребёнку не исполнится 3 года» of the monthly payment from the maternity capital.
 */
export function partGivesUntil(entry: KnowledgeEntry, part: string): boolean {
  return linesGivingUntil(entry, [part]).size > 0;
}

/**
 * Whether the part saying who may get the measure names an age it starts from: «Пенсионер старше 80 лет…» of the care
 * of the over-80s, «Мужчины с 60 лет и женщины с 55 лет…» of the property tax exemption. Every line of that part says
 * whom the measure is for, so no word of giving is needed (unlike linesGivingFrom of the short answer); not «раз в 2
 * года», how often a group is confirmed.
 */
export function eligibilityNamesStart(part: string): boolean {
  return linesOf([part]).some(givesStartAge);
}

const pensionTerms = termsOfWords(['пенсия']);
/** What else one applies for, named beside pensions: «…заявления на пособия, пенсии и обращения». */
const besidePensionTerms = termsOfWords(['пособие', 'обращение']);

/**
 * Whether an entry's title names a pension («Когда приходит пенсия», «Как оформить пенсию по старости»): an age
 * asked after it is the retirement age (see transition's answerAgeNotInCard). The synonyms may join the word with
 * others («назначен пенс»), so each word of a term counts. Not a title that names pensions among other things applied
 * for: «с какого возраста» after «Сколько рассматривают заявления на пособия, пенсии и обращения» got the retirement
 * age's card out of the blue (helper X's task).
 */
export function titleNamesPension(entry: KnowledgeEntry, read: StatedTerms): boolean {
  const words = [...termsOf(entry, read).title].flatMap((term) => term.split(' '));
  const named = pensionTerms(read);
  const beside = besidePensionTerms(read);
  return words.some((word) => named.has(word)) && !words.some((word) => beside.has(word));
}

/** What a follow-up asking an age asks: up to what age, or from what age; and whether it names whom («а жене …»). */
export interface AgeAsked {
  until: boolean;
  /** An age from which: «с какого возраста», «со скольки лет». */
  from: boolean;
  /** An age, neither from which nor up to which: «а какой возраст». */
  any: boolean;
  whom: boolean;
}

/** A widow or widower asked about: the wife or husband of the one who died. */
export const WIDOW_WORDS = ['вдова', 'вдове', 'вдовец', 'вдовцу'];
/** A husband or wife asked about. */
const SPOUSE_WORDS = ['муж', 'жена', 'супруг', 'супруга'];
/**
 * Children asked about as a whole: «а детям до какого возраста платят» after the ЕДВ got the retirement age's card,
 * though «а дочке…» and «а сыну…» were read as an age of the card (helper V's note). Not people a line must name
 * otherwise (PERSON_WORDS): «а на детей тоже?» asks of the measure, not of a line naming them.
 */
const CHILD_WORDS = ['дети', 'ребенок', 'детишки'];
/** Whom a follow-up asking an age may name: «а жене до какого возраста платят», «а с какого возраста вдове». */
const AGE_OF_WHOM = [...PERSON_WORDS, ...CHILD_WORDS, ...WIDOW_WORDS, ...KIN.flatMap((k) => k.named)];
const whomTerms = termsOfWords(AGE_OF_WHOM);
const widowTerms = termsOfWords(WIDOW_WORDS);
const spouseTerms = termsOfWords(SPOUSE_WORDS);
const spouseOrWidowTerms = termsOfWords([...SPOUSE_WORDS, ...WIDOW_WORDS]);

/**
 * Whether a line of a part names an age and everyone a follow-up asks about, a widow as the spouse («Муж или жена,
 * отец или мать умершего — если достигли пенсионного возраста…» for «а с какого возраста вдове»).
 */
export function partNamesAgeOf(part: string, query: string, read: StatedTerms): boolean {
  const whom = whomTerms(read);
  const asked = read(query).filter((term) => whom.has(term));
  const widow = widowTerms(read);
  const spouse = [...spouseTerms(read)];
  return linesOf([part]).some((line) => {
    if (!namesAge(line)) return false;
    const have = new Set(read(line, { curated: true }));
    return asked.every((term) => have.has(term) || (widow.has(term) && spouse.some((s) => have.has(s))));
  });
}

/**
 * A follow-up, «а» first or not, that asks an age and names nothing else but whom it is for: «а до какого возраста
 * платят», «до какого возраста платят», «а жене до какого возраста платят», «а с какого возраста вдове». Undefined
 * otherwise. After a card it is about that card (see transition's answerAgeOfCard).
 */
export function ageAsked(query: string, read: StatedTerms): AgeAsked | undefined {
  const text = comparableText(query);
  if (!AGE_ASKED.test(text)) return undefined;
  const whom = whomTerms(read);
  const age = new Set(read(AGE_WORD));
  const asked = ageQuestionTerms(text, read);
  if (!asked.some((term) => age.has(term))) return undefined;
  if (!asked.every((term) => age.has(term) || whom.has(term))) return undefined;
  const until = UP_TO_AGE_ASKED.test(text);
  const from = FROM_AGE_ASKED.test(text);
  return { until, from, any: !until && !from, whom: asked.some((term) => whom.has(term)) };
}

/**
 * Whether a follow-up asks of a husband or wife, a widow or widower: «а жене до какого возраста платят» may be asked by
 * a widow of the survivor's pension, whatever card is shown.
 */
export function asksOfSpouse(query: string, read: StatedTerms): boolean {
  const named = spouseOrWidowTerms(read);
  return read(query).some((term) => named.has(term));
}

/** Whether a text names an age: «с 80 лет», «до 18 лет», «достигшим пенсионного возраста». */
function namesAge(text: string): boolean {
  return GIVES_AGE.test(text) || /возраст/i.test(text);
}

/** The terms of a follow-up asking an age (its comparable `text`), its «какого» (read as «как») left out. */
function ageQuestionTerms(text: string, read: StatedTerms): string[] {
  return ageAskedTerms(text.replace(AGE_QUESTION_WORD, '$1'), read);
}

/**
 * The terms of a follow-up that asks nothing but an age («а до какого возраста платят»), or undefined: its «какого»,
 * read as «как», a word no line has, left out. With it the survivor's pension quoted nothing, and the follow-up got the
 * retirement age's card (audit 8's follow-ups, helper Q). One that names someone too («а вдове до какого возраста»)
 * is read as before, but for the lines it may quote (see ageOfWhomAsked).
 */
function bareAgeAsked(query: string, age: ReadonlySet<string>, read: StatedTerms): string[] | undefined {
  const asked = ageQuestionTerms(comparableText(query), read);
  return asked.length > 0 && asked.every((term) => age.has(term)) ? asked : undefined;
}

/**
 * Whether a follow-up asks nothing but an age and whom it is for (AGE_OF_WHOM), one of them a kin a line may name by a
 * wider word (KIN): «а дочке до какого возраста платят», «а внучке до скольки лет».
 */
function ageOfKinAsked(
  query: string,
  age: ReadonlySet<string>,
  kin: ReadonlyMap<string, readonly string[]>,
  read: StatedTerms,
): boolean {
  const asked = ageQuestionTerms(comparableText(query), read);
  const whom = whomTerms(read);
  return asked.some((term) => kin.has(term)) && asked.every((term) => age.has(term) || whom.has(term));
}

/**
 * A line that gives an age has the «возраст» of a follow-up asking one: «а студентам до какого возраста платят» after
 * the survivor's pension is its line «…до 18 лет, студентам очной формы — до 23 лет», which it did not find for
 * «возраст», a word no line has (it got choices of the retirement age and the students' maternity pay; audit 8's
 * follow-ups, helper O).
 */
function withAgeOf(
  has: (term: string) => boolean,
  age: ReadonlySet<string> | undefined,
  /**
   * The line gives an age: in figures, or known to give an end or a start («…достигшим пенсионного возраста…», one
   * term of the synonyms, not «возраст»).
   */
  givesAge: boolean,
): (term: string) => boolean {
  if (!age || !givesAge) return has;
  return (term) => has(term) || age.has(term);
}

/**
 * Words that say whether something has happened already, which the reading of terms drops as stop words but which
 * tell alternatives apart: «а если на первого уже получали» after the maternity capital's amounts quoted the first
 * line with «первого» («на первого ребёнка — 728 921,90 ₽») instead of «если сертификат на первого уже есть… добавят
 * 234 321,23 ₽» (a citizen audit).
 */
const ASPECT_WORDS = new Set(['уже', 'еще', 'снова', 'повторно', 'ранее', 'раньше']);

/** The distinct words of a text as written (lower case, ё as е). */
function wordsOf(text: string): Set<string> {
  return new Set(
    comparableText(text)
      .split(' ')
      .filter((w) => w.length > 1),
  );
}

/**
 * Whether a follow-up names the subject of `other` (a word of its title) that the answer `shown` is not about: «а
 * пособие на погребение студенту» after the survivor's pension asks about the funeral benefit, while «а кто платит
 * если умерший не работал» after the funeral benefit names nothing of the survivor's pension's title, which the
 * search answered it with for «умерший» and «не работал» (a tester's report).
 */
export function namesOtherSubject(
  other: KnowledgeEntry,
  shown: KnowledgeEntry,
  query: string,
  read: StatedTerms,
): boolean {
  const title = termsOf(other, read).title;
  const own = subjectTerms(shown, read);
  return askedTerms(query, read).some((term) => title.has(term) && !own.has(term));
}

/**
 * Whether no line of the entry has any word a follow-up names beyond its own subject and the common ones: «а если я
 * работаю» after the ЕДВ, whose card has no word of work. Its «Кто может получить» then answers only by leaving work
 * out (audit 8's follow-ups, helper Q). Other words may still say it («доход» of an income-tested measure): the reply
 * says no more than that the answer does not say it directly.
 */
export function saysNothingOf(entry: KnowledgeEntry, query: string, read: StatedTerms): boolean {
  const wanted = wantedBeyond(entry, query, read);
  if (wanted.length === 0) return false;
  // Looser than a line's terms, for the claim to hold: «а если я не гражданка» after the maternity capital's card is
  // said by «…должен быть гражданином России…», another stem to the reader; «а если я работаю» after the zero income
  // rule by its «безработица», «заработок».
  const roots = wanted.map((term) => (NEGATED.exec(term)?.[1] ?? term).slice(0, ROOT_LETTERS));
  if (roots.some((root) => root.length < MIN_ROOT)) return false;
  return lines(entry).every((line) => {
    const words = comparableText(line).split(' ');
    return !roots.some((root) => words.some((word) => word.includes(root)));
  });
}

/** How many first letters of a follow-up's word a line's word must have to say the same thing (see saysNothingOf). */
const ROOT_LETTERS = 5;
/** A shorter word than this («дет» of «нет детей») is not compared so. */
const MIN_ROOT = 3;

/**
 * Whether a follow-up names something of the entry's own subject (a word of its title or keywords, common ones left
 * out): «а если я еще работаю льготы дадут» names the «льготы» of «Льготы ветерану труда…».
 */
export function namesOwnSubject(entry: KnowledgeEntry, query: string, read: StatedTerms): boolean {
  const subject = subjectTerms(entry, read);
  return askedTerms(query, read).some((term) => subject.has(term));
}

/** The words a follow-up names beyond the subject of the answer `shown`. */
function wantedBeyond(shown: KnowledgeEntry, query: string, read: StatedTerms): string[] {
  const own = subjectTerms(shown, read);
  return askedTerms(query, read).filter((term) => !own.has(term));
}

/** Whether the few words a follow-up names beyond `shown`'s subject are all among `terms` (read only if needed). */
function everyWantedIn(
  shown: KnowledgeEntry,
  query: string,
  read: StatedTerms,
  terms: () => ReadonlySet<string>,
): boolean {
  const wanted = wantedBeyond(shown, query, read);
  if (wanted.length === 0 || wanted.length > MAX_WANTED) return false;
  const among = terms();
  return wanted.every((term) => among.has(term));
}

/**
 * Whether the title of `other` (an entry of the same measure as `shown`) asks the follow-up's question: it has every
 * word the follow-up names beyond `shown`'s subject. «а если я работаю?» after the childcare benefit's amount is «Кто
 * может получать пособие до 1,5 лет и можно ли при этом работать»; the amount's line «Положено тем, кто работал» was
 * quoted for it (a tester's report), which does not say whether one may work and keep it.
 */
export function titleAsks(
  other: KnowledgeEntry,
  shown: KnowledgeEntry,
  query: string,
  read: StatedTerms,
): boolean {
  return everyWantedIn(shown, query, read, () => termsOf(other, read).title);
}

/**
 * Whether `other`, another entry of the measure shown, is about what a follow-up asks beyond the answer `shown`'s own
 * subject: every such word is of its title or keywords. A line of `shown` with that word then only names it: «а на
 * бизнес сколько дают» after the social contract's overview quoted «Для своего дела или хозяйства — бизнес-план.»,
 * not the 350 000 ₽ of the entry on the contract for one's own business; «а сертификат что это» after how to get
 * rehabilitation equipment quoted the line listing «…или оформить электронный сертификат», not the certificate's own
 * entry (citizen audit 7, M2).
 */
export function aboutWhatIsAsked(
  other: KnowledgeEntry,
  shown: KnowledgeEntry,
  query: string,
  read: StatedTerms,
): boolean {
  return everyWantedIn(shown, query, read, () => subjectTerms(other, read));
}

/** A follow-up asking what a measure may be spent on or used for: «а на машину?», «за учёбу можно?». */
const ASKS_WHAT_FOR = /^(а |и )?(на|за|для) \S|(^| )можно( |$)/;

/** Whether every word the follow-up names is of the entry's own subject (its title and keywords). */
function namesOnlyOwnSubject(entry: KnowledgeEntry, query: string, read: StatedTerms): boolean {
  const subject = subjectTerms(entry, read);
  const asked = askedTerms(query, read);
  return asked.length > 0 && asked.every((term) => subject.has(term));
}

/**
 * Words of the follow-up a line must have to be quoted against the search's own answer, or from another entry: one
 * shared word is chance («а если умер пенсионер» after the survivor's pension and its line on pensioners' supplement;
 * «а многодетным?» after the benefit's amount and the property rules' line on a large family's second car).
 */
const SURE_LINE_WORDS = 2;

/**
 * The line a follow-up asks about: of the answer shown, or else of another entry of its measure (its topic), where
 * the answer shown leaves it out: «а сколько процентов от дохода» after how to apply for the housing subsidy is the
 * subsidy's rule «…больше 22% совокупного дохода семьи» (it got the large families' 10% rule, on «процентов» and
 * «дохода» alone: a tester's report). `againstSearch`: the search answered the follow-up with another entry, so the
 * answer shown's line must be as sure as another entry's.
 */
export function lineOfMeasure(
  shown: KnowledgeEntry,
  siblings: readonly KnowledgeEntry[],
  query: string,
  read: StatedTerms,
  againstSearch: boolean,
): { entry: KnowledgeEntry; line: string } | undefined {
  // Unless the follow-up names only what the curator lists as the answer's own subject: «а на машину?» after the
  // maternity capital beyond housing, whose keywords have «машина» and whose answer says it cannot pay for one, got
  // the unified benefit's property rules (a citizen audit). Not after an overview of a group's measures, whose
  // keywords name other measures: «а ЕДВ?» after the disabled people's benefits is the ЕДВ's own answer, not the
  // overview's line on it (a verification pass). And only when it asks what the measure may go to or be used for
  // («а на машину?», «а за учёбу можно?»): «а соцпакет?» after the ЕДВ, whose keywords have it, is the set of social
  // services' own answer (over 1,080 follow-ups «а <keyword>?» after each entry's answer, 39 changed otherwise).
  const sure =
    againstSearch &&
    (shown.overviewFor !== undefined ||
      !ASKS_WHAT_FOR.test(query.toLowerCase()) ||
      !namesOnlyOwnSubject(shown, query, read));
  const own = lineAbout(shown, query, read, sure ? { minAsked: SURE_LINE_WORDS } : {});
  if (own) return { entry: shown, line: own };
  return bestLineOf(
    siblings.filter((e) => e.id !== shown.id),
    query,
    read,
    { bySubject: false, minAsked: SURE_LINE_WORDS, ageAlone: false },
  );
}

/**
 * Of these entries' lines about the follow-up (see lineAbout), the one with the most of its words, then the most as
 * written; the first of equals. «а если я работаю» after how to apply for the pension quoted the pensioners'
 * overview's «кто не работает… — доплата до него» (work named only negated, of another measure), not the retirement
 * age's «…платят и работающим пенсионерам» (audit 8, follow-ups).
 */
export function bestLineOf(
  entries: readonly KnowledgeEntry[],
  query: string,
  read: StatedTerms,
  options: LineOptions = {},
): { entry: KnowledgeEntry; line: string } | undefined {
  let best: { entry: KnowledgeEntry; line: string; found: number; exact: number } | undefined;
  for (const entry of entries) {
    const scored = scoredLine(entry, query, read, options);
    if (!scored) continue;
    if (!best || scored.found > best.found || (scored.found === best.found && scored.exact > best.exact))
      best = { entry, ...scored };
  }
  return best ? { entry: best.entry, line: best.line } : undefined;
}

/**
 * Whether a follow-up names something `other` (an entry of the measure shown) is about that the answer `shown` is
 * not: a word of its title, keywords or sample questions beyond `shown`'s own subject. «а если муж не платит алименты»
 * after the unified benefit names the alimony entry's «алименты»; «а какая погода» names nothing of any entry.
 */
export function asksAboutSibling(
  other: KnowledgeEntry,
  shown: KnowledgeEntry,
  query: string,
  read: StatedTerms,
): boolean {
  const wanted = wantedBeyond(shown, query, read);
  if (wanted.length === 0) return false;
  const about = new Set(
    read([other.title, ...other.keywords, ...other.questions].join('. '), { curated: true }),
  );
  return wanted.some((term) => about.has(term));
}
