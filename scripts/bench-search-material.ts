/**
 * The material `npm run bench:search` measures with: the real entries' own questions varied the way citizens write
 * them (typos, wrong keyboard layout, greetings, long letters), and a generated knowledge base of any size shaped
 * like the real one. Everything is drawn from a seeded generator, so that runs are comparable.
 */
import type { KnowledgeEntry } from '../src/knowledge/entry.js';
import { toWrongLayout } from '../src/search/keyboard-layout.js';

/** A small deterministic generator (mulberry32), so that runs are comparable. */
export function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'абвгдежзийклмнопрстуфхцчшщыьэюя';

/** One typo in a random word of 4+ letters: a swap, a missing, a doubled or a wrong letter. */
function withTypo(text: string, rnd: () => number): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4);
  if (candidates.length === 0) return text;
  const [word, index] = candidates[Math.floor(rnd() * candidates.length)]!;
  const at = 1 + Math.floor(rnd() * (word.length - 2));
  const kind = Math.floor(rnd() * 4);
  const typo =
    kind === 0
      ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
      : kind === 1
        ? word.slice(0, at) + word.slice(at + 1)
        : kind === 2
          ? word.slice(0, at) + word[at] + word.slice(at)
          : word.slice(0, at) + LETTERS[Math.floor(rnd() * LETTERS.length)] + word.slice(at + 1);
  words[index] = typo;
  return words.join(' ');
}

const OPENINGS = ['здравствуйте подскажите пожалуйста', 'добрый день', 'вопрос', 'помогите разобраться'];
const LETTER_MIDDLE =
  'живу одна, пенсия небольшая, дети далеко, соседка сказала что надо обратиться к вам, я плохо разбираюсь в интернете';

/** The entries' own questions, varied the way citizens write them. */
export function realQueries(entries: readonly KnowledgeEntry[], rnd: () => number): string[] {
  const queries: string[] = [];
  for (const e of entries) {
    for (const q of e.questions) {
      queries.push(q, withTypo(q, rnd), toWrongLayout(q));
      queries.push(`${OPENINGS[Math.floor(rnd() * OPENINGS.length)]} ${q}`);
    }
    queries.push(`Здравствуйте. ${LETTER_MIDDLE}. ${e.questions.join('. ')}. Спасибо.`);
  }
  return queries;
}

/**
 * Entries shaped like the real ones (same fields and lengths), with a quarter of the words replaced from a
 * vocabulary of 30,000 made-up words so that the index has a realistic number of distinct terms.
 */
export function syntheticEntries(
  real: readonly KnowledgeEntry[],
  n: number,
  rnd: () => number,
): KnowledgeEntry[] {
  const syllables = [
    'ра',
    'но',
    'ве',
    'ли',
    'ко',
    'ст',
    'пр',
    'ме',
    'да',
    'то',
    'ни',
    'ка',
    'ло',
    'ре',
    'ми',
    'за',
  ];
  const endings = ['ов', 'ая', 'ие', 'ый', 'ом', 'ах', 'и', 'а'];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const vocabulary = Array.from(
    { length: 30_000 },
    () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(syllables)).join('') + pick(endings),
  );
  const mutate = (text: string) =>
    text
      .split(' ')
      .map((w) => (rnd() < 0.25 ? vocabulary[Math.floor(rnd() ** 2 * vocabulary.length)]! : w))
      .join(' ');
  return Array.from({ length: n }, (_, i) => {
    const base = real[i % real.length]!;
    return {
      ...base,
      id: `synthetic-${i}`,
      title: mutate(base.title),
      questions: base.questions.map(mutate),
      keywords: base.keywords.map(mutate),
      short: mutate(base.short),
      sections: Object.fromEntries(Object.entries(base.sections).map(([k, v]) => [k, mutate(v)])),
    };
  });
}
