/**
 * The retirement age of the person who asks, when the message says who they are: «мне 60 лет женщина 1966 года когда
 * пенсия», «я 1965 г р мужчина когда мне на пенсию», «мне 56 лет у меня трое детей могу ли я выйти на пенсию раньше»,
 * or after the answer «а жена 1967 года рождения». The answer's card gives this year's ages only («в 2026 г. …
 * 1967/1962»), so these people got the same general text and had to work their own line out (citizen audit 7, M5).
 *
 * Nothing here is a fact of its own: the ages are read from the entry that has the table, in its own words
 * («женщины 1966 г. р. — в 58 лет (2024 г.)…», «1963 г. р. и моложе — в 65 лет»), the year of the right is the birth
 * year plus that age, and the large-family mothers' line and the conditions (стаж, баллы) are quoted as written. An
 * entry without such a table, or a birth year older than its rows, gets no line.
 */
import { withFullBirthYears } from '../i18n/birth-years.js';
import { comparableText } from '../i18n/comparable-text.js';
import { COLLECTIVE_NUMERALS } from '../i18n/russian-numerals.js';
import type { KnowledgeEntry } from '../knowledge/entry.js';

export type Sex = 'female' | 'male';

/** One row of an entry's table: people of `sex` born in `born` (and later, with `andYounger`) retire at `age`. */
export interface AgeRow {
  sex: Sex;
  born: number;
  andYounger: boolean;
  /** The age in years, and as the entry writes it («58 лет», «64 года»). */
  age: number;
  ageText: string;
}

/** The retirement-age table an entry gives, with the lines quoted beside it. */
export interface AgeTable {
  rows: AgeRow[];
  /** The line on mothers of large families, as written («многодетные матери при стаже от 15 лет: …»). */
  mothersLine?: string;
  /** The line on long service, as written («длительный стаж — 37 лет у женщин и 42 года у мужчин: …»). */
  serviceLine?: string;
  /** The sentence on what is needed besides the age («Кроме возраста нужны не меньше 15 лет стажа и 30 … баллов.»). */
  conditions?: string;
}

/** What a message says of the person asking (or the one asked about: «а жена 1967 года рождения»). */
export interface PersonFacts {
  sex?: Sex;
  born?: number;
  age?: number;
  children?: number;
  /** Years of service said («стаж 38 лет»), or 0 when service is named without a number («из-за большого стажа»). */
  service?: number;
  /**
   * Two or more people with their birth years («жена 1968 г.р. муж 1963»): each year with the sex of the word for
   * the person nearest to it. `born` and `sex` are then left unset.
   */
  people?: { born: number; sex?: Sex }[];
}

const ROW_LINE = /^\s*-\s*(женщины|мужчины)\s/i;
const ROW = /(\d{4}) г\. р\.( и моложе)? — в (\d+ (?:лет|года?))/g;
const MOTHERS_LINE = /^\s*-\s*(многодетные матери.*?);?\s*$/i;
const SERVICE_LINE = /^\s*-\s*(длительный стаж.*?);?\s*$/i;
const CONDITIONS = /[^.\n]*стаж[^.\n]*балл[^.\n]*\./i;

const tables = new WeakMap<KnowledgeEntry, AgeTable | null>();

/** The retirement-age table in the entry's parts, or undefined when it has none. */
export function ageTable(entry: KnowledgeEntry): AgeTable | undefined {
  let table = tables.get(entry);
  if (table === undefined) {
    table = readTable(entry);
    tables.set(entry, table);
  }
  return table ?? undefined;
}

function readTable(entry: KnowledgeEntry): AgeTable | null {
  for (const body of Object.values(entry.sections)) {
    if (!body) continue;
    const rows: AgeRow[] = [];
    let mothersLine: string | undefined;
    let serviceLine: string | undefined;
    for (const line of body.split('\n')) {
      const who = ROW_LINE.exec(line);
      if (who) {
        const sex: Sex = who[1]!.toLowerCase() === 'женщины' ? 'female' : 'male';
        for (const m of line.matchAll(ROW)) {
          const ageText = m[3]!;
          rows.push({
            sex,
            born: Number(m[1]),
            andYounger: m[2] !== undefined,
            age: Number.parseInt(ageText, 10),
            ageText,
          });
        }
      }
      const mothers = MOTHERS_LINE.exec(line);
      if (mothers) mothersLine = mothers[1];
      const service = SERVICE_LINE.exec(line);
      if (service) serviceLine = service[1];
    }
    if (rows.length === 0) continue;
    const conditions = CONDITIONS.exec(body)?.[0].trim();
    return {
      rows,
      ...(mothersLine ? { mothersLine } : {}),
      ...(serviceLine ? { serviceLine } : {}),
      ...(conditions ? { conditions } : {}),
    };
  }
  return null;
}

const FEMALE =
  /(^| )(женщин\S*|родилась|жена|жене|супруга|супруге|мама|маме|мать|матери|дочь|дочери|бабушк\S*|сестр\S*)(?= |$)/g;
const MALE =
  /(^| )(мужчин\S*|родился|муж|мужа|мужу|супруг|супругу|папа|папе|отец|отцу|сын|сыну|дедушк\S*|брат\S*)(?= |$)/g;
/**
 * «1966 года», «1965 г р», «родилась в 1968»: a four-digit year of the last century is a birth year here, unless it
 * starts or ends something («работаю с 1990 года», «стаж до 1991»).
 */
const BIRTH_YEAR = /(^| )(?<!(?:^| )(?:с|со|по|до|после|от) )(19[3-9]\d)(?= |$)/g;
/** «68 года рождения», «в 68-м» (normalised to «в 68 м»), «68 г р». */
const SHORT_BIRTH_YEAR = /(^| )([3-9]\d) (года рождения|г р|гр|го|м|года р)(?= |$)/g;
/**
 * «мне 60 лет», «мужу исполнилось 63», «ей 58»: an age said of someone. A bare «43 года» is as often the years of
 * service («стаж 43 года мужчина, можно досрочно уйти?») or of work. «уже», «сейчас» or «исполнилось» may stand between
 * («мне уже 62 года», «мне сейчас 62»: after «когда пенсия» they were searched alone and refused as off-topic).
 */
const AGE =
  /(^| )(мне|мужу|жене|маме|ему|ей|исполнилось|исполнится)(?: (?:уже|сейчас|исполнилось)){0,2} ([3-9]\d)( |$)/;
/** Children counted in digits («3 детей», «3-е детей»); in words, the collective numerals («трое», «пятерых»). */
const CHILD_DIGITS: ReadonlyMap<string, number> = new Map([
  ['3', 3],
  ['3е', 3],
  ['4', 4],
  ['4е', 4],
  ['5', 5],
  ['6', 6],
  ['7', 7],
]);
const CHILDREN = /(^| )(\S+) (детей|ребенка|ребят|дети)( |$)/;
/** «стаж 38 лет», «стаж у меня 43 года», «38 лет стажа»; «стаж» alone is service named without its years. */
const SERVICE_YEARS =
  /(^| )стаж(?: \S+)? (\d{1,2}) (?:лет|года?)( |$)|(^| )(\d{1,2}) (?:лет|года?) стажа( |$)/;
const SERVICE = /(^| )стаж\S*( |$)/;

/**
 * «пенсия», «на пенсию», «пенсионный возраст»: the message speaks of the pension itself. «мама 1940 года рождения какие
 * льготы» and «пенсионерка… что положено» ask what is due, which the retirement age does not answer.
 */
const PENSION = /(^| )(пенси[яиюе]\S*|пенсионн\S*)( |$)/;

/**
 * Who asks, described: an age said of someone («мне 70 лет», «бабушке 78 лет»), a birth year of the last century
 * («я 1962 года рождения», «1955 г р»; not «с 1990 года»), the sex («женщина»). Not a child's age limit («до 3 лет»)
 * nor years of service («стаж 38 лет»).
 */
const DESCRIPTION =
  /(^| )(?:(?:мне|ему|ей|маме|папе|мужу|жене|бабушке|дедушке|отцу|матери) \d{1,3} (?:лет|год|года)|(?<!(?:^| )(?:с|со|по|до|после|от|в|за) )19[2-9]\d (?:года рождения|года р|г р|гр|года|г)|женщина|мужчина)(?= |$)/g;

/**
 * The message without the words describing who asks (see DESCRIPTION), or undefined when it has none: «мне 70 лет
 * женщина пенсия доплатят» → «пенсия доплатят».
 */
export function withoutDescription(text: string): string | undefined {
  const words = withFullBirthYears(comparableText(text).split(' ')).join(' ');
  const kept = words.replace(DESCRIPTION, '$1').replace(/ +/g, ' ').trim();
  return kept !== words && kept.length > 0 ? kept : undefined;
}

/** Words beside who is described that add nothing: «а мне уже 62 года». */
const DESCRIPTION_FILLERS = new Set(['а', 'я', 'мне', 'уже', 'вот', 'лет', 'год', 'года', 'исполнилось']);

/**
 * A message that says only who asks, by an age or a birth year («мне 62 года», «а мне уже 62», «я 1964 года рождения
 * женщина»): after an answer about the pension, what the retirement age is for them is asked.
 */
export function describesOnlyAge(text: string): boolean {
  const facts = personFacts(text);
  if (facts.age === undefined && facts.born === undefined) return false;
  const words = withFullBirthYears(comparableText(text).split(' ')).join(' ');
  const rest = words.replace(DESCRIPTION, '$1').replace(AGE, '$1$4');
  return rest.split(' ').every((w) => w === '' || DESCRIPTION_FILLERS.has(w));
}

/** Whether the message speaks of the pension itself (not only of what is due to a pensioner). */
export function speaksOfPension(text: string): boolean {
  return PENSION.test(comparableText(text));
}

/** Where in `words` each match of a global pattern starts (after its leading space), with the match. */
function positions(pattern: RegExp, words: string): { at: number; match: RegExpExecArray }[] {
  return [...words.matchAll(pattern)].map((m) => ({ at: m.index + m[1]!.length, match: m }));
}

/** The sex of the word for a person nearest to `at` (the one before it on a tie), if any is named. */
function nearestSex(at: number, female: number[], male: number[]): Sex | undefined {
  const distance = (list: number[]) => Math.min(...list.map((p) => Math.abs(p - at) + (p > at ? 0.5 : 0)));
  const f = distance(female);
  const m = distance(male);
  if (!Number.isFinite(f) && !Number.isFinite(m)) return undefined;
  return f <= m ? 'female' : 'male';
}

/** What a message says of the person's sex, birth year, age and number of children. */
export function personFacts(text: string): PersonFacts {
  // «я шестьдесят пятого года рождения», «муж 63 г.р.»: a short birth year read as the year.
  const words = withFullBirthYears(
    comparableText(text)
      .replace(/(\d)-?(?=[а-я])/g, '$1 ')
      .split(' '),
  ).join(' ');
  const facts: PersonFacts = {};
  const female = positions(FEMALE, words).map((p) => p.at);
  const male = positions(MALE, words).map((p) => p.at);
  if (female.length > 0 !== male.length > 0) facts.sex = female.length > 0 ? 'female' : 'male';
  const years = [
    ...positions(BIRTH_YEAR, words).map((p) => ({ at: p.at, born: Number(p.match[2]) })),
    ...positions(SHORT_BIRTH_YEAR, words).map((p) => ({ at: p.at, born: 1900 + Number(p.match[2]) })),
  ].sort((a, b) => a.at - b.at);
  const distinct = new Set(years.map((y) => y.born));
  // Two people, or one year with both a man and a woman named: each year goes with the person named nearest to it.
  if (distinct.size > 1 || (years.length > 0 && female.length > 0 && male.length > 0)) {
    const people = years.map((y) => {
      const sex = nearestSex(y.at, female, male);
      return sex ? { born: y.born, sex } : { born: y.born };
    });
    if (distinct.size > 1) {
      facts.people = people;
      delete facts.sex;
    } else {
      facts.born = people[0]!.born;
      if (people[0]!.sex) facts.sex = people[0]!.sex;
    }
  } else if (years.length > 0) facts.born = years[0]!.born;
  const age = AGE.exec(words);
  if (age) facts.age = Number(age[3]);
  const children = CHILDREN.exec(words);
  const count = children
    ? (CHILD_DIGITS.get(children[2]!) ?? COLLECTIVE_NUMERALS.get(children[2]!))
    : undefined;
  if (count !== undefined) facts.children = count;
  const service = SERVICE_YEARS.exec(words);
  if (service) facts.service = Number(service[2] ?? service[5]);
  else if (SERVICE.test(words)) facts.service = 0;
  return facts;
}

/** The row of the table for people of `sex` born in `born`, or undefined when the table has none (born earlier). */
function rowFor(table: AgeTable, sex: Sex, born: number): AgeRow | undefined {
  const rows = table.rows.filter((r) => r.sex === sex);
  const exact = rows.find((r) => r.born === born);
  if (exact) return exact;
  return rows.find((r) => r.andYounger && born > r.born);
}

/**
 * For people of `sex` born before the table's rows, the table's highest age, when they had reached it by last year:
 * their own age is not in the table, but none of its ages is later («женщины … 1968 г. р. и моложе — в 60 лет»), so by
 * age the right has come. A woman born in 1965 got no line and, after the card, an absurd list (audit 8, M4).
 */
function pastRow(table: AgeTable, sex: Sex, born: number, currentYear: number): AgeRow | undefined {
  const rows = table.rows.filter((r) => r.sex === sex);
  if (rows.length === 0 || rows.some((r) => r.born <= born)) return undefined;
  const oldest = rows.reduce((a, b) => (b.age > a.age ? b : a));
  return born + oldest.age < currentYear ? oldest : undefined;
}

/**
 * Whether one sex's lines for the birth years an age may mean say the age has come (true), has not (false), or differ
 * or lack a year (undefined).
 */
function ageVerdict(lines: AgeLine[], years: number, age: number): boolean | undefined {
  if (lines.length === 0 || lines.length !== years) return undefined;
  const ages = lines.map((l) => l.year - l.born);
  if (ages.every((a) => a <= age)) return true;
  if (ages.every((a) => a > age)) return false;
  return undefined;
}

/** One birth year's line: who, the year, the age as the entry writes it, the year the right comes. */
export interface AgeLine {
  sex: Sex;
  born: number;
  ageText: string;
  /** The year of the right: the birth year plus the age. */
  year: number;
  /**
   * Born before the table's rows: `ageText` and `year` are the table's highest age and the year it came («женщинам
   * 1959 г. р. в 2019 г. исполнилось 60 лет»), not their own retirement age.
   */
  past?: true;
}

/** What can be said to this person from the entry's table. */
export interface PersonalAge {
  lines: AgeLine[];
  /**
   * With an age said: whether every birth year it may mean has reached its retirement age by now; with a birth year
   * alone, true when that age came in an earlier year.
   */
  reached?: boolean;
  /**
   * With an age and no sex said, where the verdict differs between the sexes: the sexes that have reached their age
   * («мне 62 года когда пенсия»: a woman has, a man has not; the men's lines say when).
   */
  reachedBy?: Sex[];
  mothersLine?: string;
  /** The long-service line, when the message speaks of the person's service. */
  serviceLine?: string;
  conditions?: string;
}

/**
 * The lines of the entry's table for the person the message describes, or undefined when it says nothing the table
 * answers. With an age but no birth year, the birth year is this year minus the age, or a year earlier (before the
 * birthday); without the sex, both sexes' lines. Three children or more (and not a man) adds the mothers' line.
 */
export function personalAge(
  entry: KnowledgeEntry,
  text: string,
  currentYear: number,
): PersonalAge | undefined {
  const table = ageTable(entry);
  if (!table) return undefined;
  const facts = personFacts(text);
  const lines: AgeLine[] = [];
  const addLine = (sex: Sex, born: number) => {
    const row = rowFor(table, sex, born);
    if (row) lines.push({ sex, born, ageText: row.ageText, year: born + row.age });
    const past = row ? undefined : pastRow(table, sex, born, currentYear);
    if (past) lines.push({ sex, born, ageText: past.ageText, year: born + past.age, past: true });
  };
  // Three children or more with no sex said («а у меня трое детей я 1970 года»): a mother asking whether she may
  // go earlier, as only mothers may (the table's «многодетные матери»); the men's line beside hers was noise (audit 8,
  // L4 and L12).
  const mother = facts.children !== undefined && facts.children >= 3 && facts.sex !== 'male';
  const personal: PersonalAge = { lines };
  if (facts.people) {
    for (const person of facts.people)
      for (const sex of person.sex ? [person.sex] : (['female', 'male'] as const)) addLine(sex, person.born);
  } else {
    const years =
      facts.born !== undefined
        ? [facts.born]
        : // A mother of three or more with no sex said asks whether she may go earlier: her line leads alone.
          facts.age !== undefined && (facts.sex !== undefined || !mother)
          ? [currentYear - facts.age - 1, currentYear - facts.age]
          : [];
    const sexes: Sex[] = facts.sex ? [facts.sex] : mother ? ['female'] : ['female', 'male'];
    for (const sex of sexes) for (const born of years) addLine(sex, born);
    // Every birth year the age may mean must be in the table for a verdict; with no sex said, each sex has its own
    // («мне 62 года когда пенсия» was «Я не уверен»: a woman of 62 has the right by age, a man gets it at 65).
    if (facts.age !== undefined) {
      const verdicts = sexes.map((sex) =>
        ageVerdict(
          lines.filter((l) => l.sex === sex),
          years.length,
          facts.age!,
        ),
      );
      if (verdicts.every((v) => v === verdicts[0])) {
        if (verdicts[0] !== undefined) personal.reached = verdicts[0];
      } else if (verdicts.every((v) => v !== undefined)) {
        personal.reachedBy = sexes.filter((_, i) => verdicts[i]);
      }
    }
    // With an age alone, a year before the table counts for the verdict but is not shown: «мне 67 лет женщина» is
    // told the right has come, not the two birth years her age may mean.
    if (facts.born === undefined) personal.lines = lines.filter((l) => !l.past);
    // A birth year alone: the age has come for certain when its year is past («я 1966 г.р. женщина» — 58, in 2024),
    // as it was said to those who gave their age (audit 8, L3). In this year it depends on the birthday: no verdict.
    const complete = lines.length === years.length * sexes.length;
    if (facts.age === undefined && lines.length > 0 && complete && lines.every((l) => l.year < currentYear))
      personal.reached = true;
  }
  if (mother && table.mothersLine) personal.mothersLine = table.mothersLine;
  if (facts.service !== undefined && table.serviceLine) personal.serviceLine = table.serviceLine;
  // An early pension the message speaks of (long service, three children or more) may have come before the general
  // age: «not yet» would be said with the line that says otherwise under it (a verification pass: a woman of 58,
  // born in 1968, with 38 years of service was told «ещё не наступил»).
  if (personal.reached === false && (personal.mothersLine || personal.serviceLine)) delete personal.reached;
  if (
    personal.lines.length === 0 &&
    !personal.reached &&
    !personal.reachedBy &&
    !personal.mothersLine &&
    !personal.serviceLine
  )
    return undefined;
  if (table.conditions) personal.conditions = table.conditions;
  return personal;
}
