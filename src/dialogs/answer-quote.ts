/**
 * The line of the answer just given that a follow-up asks about: «а работающим тоже?» after an answer that says
 * «…с 1 января, и работающим тоже», «а мне самой положена? я не работаю сижу с младшим» after the survivor's
 * pension, which goes to a parent who «не работает и ухаживает за детьми умершего до 14 лет». Such follow-ups got
 * «Если вы об ответе … откройте нужную часть кнопкой», or choices of other entries, though the answer had the line
 * (citizen audits); quoting it answers from the knowledge base itself, nothing made up.
 */
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
/** Lines this long or longer are not a quotable answer to a short question. */
const MAX_LINE_CHARS = 400;
/** A follow-up that names more than this is a question of its own, not one line's. */
const MAX_WANTED = 4;

/** The entry's text as lines: paragraphs and list items of the short answer, then of each part. */
function lines(entry: KnowledgeEntry): string[] {
  const texts = [entry.short, ...SECTION_KEYS.map((k) => entry.sections[k] ?? '')];
  return texts
    .flatMap((t) => t.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && l.length < MAX_LINE_CHARS && !l.startsWith('#'));
}

/**
 * The line with the words the follow-up names, or undefined. The words that name the answer's own subject (its
 * title, its keywords: «а закон про 10 процентов уже действует?» after «…при превышении дохода до 10%») and common
 * ones are not looked for; of the others, at most four, the line must have every one, or all but one when there are
 * three or more («сижу с младшим» is «ухаживают за детьми», the younger child is not named). The line with the most
 * of them wins, the first of equals.
 */
export function lineAbout(entry: KnowledgeEntry, query: string, read: StatedTerms): string | undefined {
  const known = new Set(
    [...COMMON_WORDS, entry.title, ...entry.keywords].flatMap((t) => read(t, { curated: true })),
  );
  const asked = read(query);
  const wanted = asked.filter((term) => !known.has(term));
  if (wanted.length === 0 || wanted.length > MAX_WANTED) return undefined;
  // The person named counts even where the title names them too («…после смерти мужа, жены, родителя»).
  const people = new Set(PERSON_WORDS.flatMap((w) => read(w, { curated: true })));
  const persons = asked.filter((term) => people.has(term));
  const needed = wanted.length >= 3 ? wanted.length - 1 : wanted.length;
  let best: string | undefined;
  let most = 0;
  for (const line of lines(entry)) {
    const have = new Set(read(line, { curated: true }));
    if (!persons.every((term) => have.has(term))) continue;
    const found = wanted.filter((term) => have.has(term)).length;
    if (found > most) {
      best = line;
      most = found;
    }
  }
  return most >= needed ? best : undefined;
}
