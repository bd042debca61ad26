/**
 * The words the assistant knows: everything in the knowledge base and the search data files. It answers three
 * questions the query pipeline asks: is this a known word, what known word did the person probably mean
 * ("удостоверенние" → "удостоверение"), and does this string look like Russian at all (to tell "gjcj,bt" read
 * through the keyboard map, "пособие", from noise like "руддщ").
 */
import { stemRussian } from './russian-stemmer.js';

export interface Lexicon {
  /** The word (normalised) or its stem occurs in the vocabulary. */
  knows(word: string): boolean;
  /**
   * The known word closest to `word` within the typo budget (1 edit from 6 letters, 2 from 10; from 4 letters only
   * a left-out soft sign), preferring the closest and then the most frequent; undefined when the word is known, too
   * short, or nothing is close.
   */
  correct(word: string): string | undefined;
  /**
   * `word` is corrected, and no known word of another stem is as close: what the person meant, not one guess among
   * several ("старасти" can only be "старости").
   */
  correctsSurely(word: string): boolean;
  /** Average log-probability of the word's letter pairs under a model of Russian built from the vocabulary. */
  russianLikeness(word: string): number;
  readonly size: number;
}

/**
 * Shorter words are left alone: among 5-letter words one edit often turns a real word into another real word
 * ("никуда" → "некуда"), and the lexicon does not hold all of Russian.
 */
const MIN_CORRECTABLE = 6;
/**
 * A soft sign left out is the one typo corrected in shorter words ("лготы" → "льготы"): among short words it seldom
 * turns one real word into another, as other single edits do (a word the lexicon knows is never corrected).
 */
const SOFT_SIGN_FROM = 4;
/** From this length two typos are corrected. */
const TWO_TYPOS_FROM = 10;
/**
 * A genitive ending written as it is said ("втарова" for "второго", "третьева" for "третьего"): tried when the word
 * as typed is not within reach of a known one.
 */
function spokenEnding(word: string): string | undefined {
  if (word.endsWith('ова')) return `${word.slice(0, -3)}ого`;
  if (word.endsWith('ева')) return `${word.slice(0, -3)}его`;
  return undefined;
}

/** Corrections remembered per lexicon (a lexicon lives as long as one index). */
const MAX_REMEMBERED = 20_000;

const ALPHABET = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';
const BOUNDARY = '#';
const BOUNDARY_CODE = BOUNDARY.charCodeAt(0);

/** Letter-pair model: log P(next | previous) with add-one smoothing over the Russian alphabet. */
function letterModel(counts: ReadonlyMap<string, number>): (word: string) => number {
  // Symbols: the 32 letters а..я (one run of code points, in the order of ALPHABET), then the word boundary.
  const size = ALPHABET.length + 1;
  const boundary = ALPHABET.length;
  const first = ALPHABET.charCodeAt(0);
  /** The symbol number of a character, or -1 for any other character. */
  const symbol = (code: number) =>
    code >= first && code < first + ALPHABET.length ? code - first : code === BOUNDARY_CODE ? boundary : -1;
  const pair = new Float64Array(size * size);
  const row = new Float64Array(size);
  for (const [word, n] of counts) {
    if (!/^[а-я]+$/.test(word)) continue;
    // The word between boundaries: "#слово#".
    let a = boundary;
    for (let i = 0; i <= word.length; i++) {
      const b = i < word.length ? word.charCodeAt(i) - first : boundary;
      pair[a * size + b]! += n;
      row[a]! += n;
      a = b;
    }
  }
  return (word) => {
    let sum = 0;
    let pairs = 0;
    let a = boundary;
    for (let i = 0; i <= word.length; i++) {
      const b = i < word.length ? symbol(word.charCodeAt(i)) : boundary;
      if (b < 0) return Number.NEGATIVE_INFINITY; // not a Russian letter
      sum += Math.log((pair[a * size + b]! + 1) / (row[a]! + size));
      pairs += 1;
      a = b;
    }
    return pairs === 0 ? Number.NEGATIVE_INFINITY : sum / pairs;
  };
}

/** Builds a lexicon from normalised words (repeats count as frequency). */
export function createLexicon(words: Iterable<string>): Lexicon {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return createLexiconFromCounts(counts);
}

/** Builds a lexicon from word frequencies counted by the caller (the index counts them while it reads entries). */
export function createLexiconFromCounts(counts: ReadonlyMap<string, number>): Lexicon {
  const stems = new Set<string>();
  for (const w of counts.keys()) stems.add(stemRussian(w));
  const trie = buildTrie([...counts.keys()]);
  const likeness = letterModel(counts);
  const corrections = new Map<string, string | null>();
  /** The remembered corrections that had no rival as close (see correctsSurely). */
  const sure = new Set<string>();
  const knows = (word: string) => counts.has(word) || stems.has(stemRussian(word));
  /**
   * The known word closest to `word` within `budget` edits (a known word itself is at 0); the commoner wins a tie.
   * `alone` says no word of another stem was as close (forms of one word are one meaning: "пенсея" is "пенсия" or
   * "пенсии").
   */
  const nearest = (word: string, budget: number) => {
    let best: { word: string; distance: number; count: number } | undefined;
    let bestStems = new Set<string>();
    trie.within(word, budget, (candidate, distance) => {
      const count = counts.get(candidate)!;
      if (best && distance > best.distance) return;
      if (!best || distance < best.distance) bestStems = new Set();
      bestStems.add(stemRussian(candidate));
      if (!best || distance < best.distance || count > best.count)
        best = { word: candidate, distance, count };
    });
    return best && { word: best.word, alone: bestStems.size === 1 };
  };
  /** The commonest known word that is `word` with a soft sign put in after a consonant. */
  const withSoftSign = (word: string) => {
    let best: { word: string; count: number } | undefined;
    for (let i = 1; i <= word.length; i++) {
      if (!/[бвгдзклмнпрстфхчшщж]/.test(word[i - 1]!)) continue;
      const candidate = `${word.slice(0, i)}ь${word.slice(i)}`;
      const count = counts.get(candidate);
      if (count !== undefined && (!best || count > best.count)) best = { word: candidate, count };
    }
    return best?.word;
  };
  const correct = (word: string): string | undefined => {
    if (word.length < SOFT_SIGN_FROM || knows(word) || !/^[а-я]+$/.test(word)) return undefined;
    if (word.length < MIN_CORRECTABLE) return withSoftSign(word);
    // The same misspellings come again and again; the fuzzy walk over the vocabulary is the costly part.
    const cached = corrections.get(word);
    if (cached !== undefined) return cached ?? undefined;
    const spoken = spokenEnding(word);
    const found =
      nearest(word, word.length >= TWO_TYPOS_FROM ? 2 : 1) ??
      (spoken === undefined ? undefined : nearest(spoken, 1));
    if (corrections.size >= MAX_REMEMBERED) {
      corrections.clear();
      sure.clear();
    }
    corrections.set(word, found?.word ?? null);
    if (found?.alone) sure.add(word);
    return found?.word;
  };
  return {
    size: counts.size,
    knows,
    correct,
    // Only corrections of the fuzzy walk (6+ letters): a soft sign put in is one guess among a word's forms.
    correctsSurely: (word) => correct(word) !== undefined && sure.has(word),
    russianLikeness: likeness,
  };
}

/** Known words in a letter tree, to find those within a few edits of a word without comparing it with each. */
interface WordTrie {
  /** Calls `found` with every word within `budget` edits (Levenshtein) of `word`, in the tree's order (below). */
  within(word: string, budget: number, found: (word: string, distance: number) => void): void;
}

/** A node's letter when it is no letter but the end of a word (its `wordAt`). */
const WORD_END = 0;

/**
 * The tree in typed arrays: node i has its letter, its parent, its first child and next sibling; a word's end is a
 * child of its own (WORD_END). minisearch's SearchableMap did this walk over a radix tree of Maps, ~2 MB of heap for
 * 6,000 words; these arrays hold ~0.4 MB.
 *
 * The walk finds the same words in the same order as SearchableMap's, so that among equally close and common words
 * the same one wins: children in the order they were made, a word's end where the word was given, and, as in a
 * radix tree, a branch that a later word splits in the middle moved behind its siblings (SearchableMap replaces the
 * split edge with a new key, which a Map puts last).
 */
function buildTrie(words: readonly string[]): WordTrie {
  let size = 1;
  let capacity = 1024;
  let letter = new Uint16Array(capacity);
  let parent = new Int32Array(capacity).fill(-1);
  let firstChild = new Int32Array(capacity).fill(-1);
  let nextSibling = new Int32Array(capacity).fill(-1);
  let children = new Int32Array(capacity);
  let wordAt = new Int32Array(capacity).fill(-1);
  const grow = () => {
    capacity *= 2;
    const widen = <T extends Uint16Array | Int32Array>(old: T, make: (n: number) => T, empty: number): T => {
      const next = make(capacity).fill(empty) as T;
      next.set(old);
      return next;
    };
    letter = widen(letter, (n) => new Uint16Array(n), 0);
    parent = widen(parent, (n) => new Int32Array(n), -1);
    firstChild = widen(firstChild, (n) => new Int32Array(n), -1);
    nextSibling = widen(nextSibling, (n) => new Int32Array(n), -1);
    children = widen(children, (n) => new Int32Array(n), 0);
    wordAt = widen(wordAt, (n) => new Int32Array(n), -1);
  };
  const lastChildOf = (node: number) => {
    let child = firstChild[node]!;
    if (child < 0) return -1;
    while (nextSibling[child]! >= 0) child = nextSibling[child]!;
    return child;
  };
  const append = (node: number, child: number) => {
    const last = lastChildOf(node);
    if (last < 0) firstChild[node] = child;
    else nextSibling[last] = child;
    nextSibling[child] = -1;
    parent[child] = node;
    children[node]! += 1;
  };
  const addChild = (node: number, code: number) => {
    if (size === capacity) grow();
    const child = size++;
    letter[child] = code;
    append(node, child);
    return child;
  };
  /** Inside a radix tree's edge: one child, which is a letter, and not the root. */
  const insideEdge = (node: number) =>
    node !== 0 && children[node] === 1 && letter[firstChild[node]!] !== WORD_END;
  /** A word branches off or ends inside an edge: the edge, from its top, goes behind its siblings. */
  const split = (node: number) => {
    let top = node;
    while (insideEdge(parent[top]!)) top = parent[top]!;
    const above = parent[top]!;
    let previous = -1;
    for (let child = firstChild[above]!; child !== top; child = nextSibling[child]!) previous = child;
    if (nextSibling[top]! < 0) return;
    if (previous < 0) firstChild[above] = nextSibling[top]!;
    else nextSibling[previous] = nextSibling[top]!;
    children[above]! -= 1;
    append(above, top);
  };
  words.forEach((word, index) => {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let child = firstChild[node]!;
      while (child >= 0 && letter[child] !== code) child = nextSibling[child]!;
      if (child < 0) {
        if (insideEdge(node)) split(node);
        child = addChild(node, code);
      }
      node = child;
    }
    if (insideEdge(node)) split(node);
    // Not `wordAt[addChild(…)] = index`: the array is read before the call, and a call that grows the arrays would
    // write the index into the old one, leaving the word's end without a word (its walk then read words[-1]).
    const end = addChild(node, WORD_END);
    wordAt[end] = index;
  });
  return {
    within(word, budget, found) {
      // One row of the edit-distance table per depth, reused across the walk.
      const rows: Int32Array[] = [Int32Array.from({ length: word.length + 1 }, (_, j) => j)];
      const visit = (node: number, depth: number) => {
        const above = rows[depth - 1]!;
        if (letter[node] === WORD_END) {
          if (above[word.length]! <= budget) found(words[wordAt[node]!]!, above[word.length]!);
          return;
        }
        let row = rows[depth];
        if (!row) {
          row = new Int32Array(word.length + 1);
          rows[depth] = row;
        }
        row[0] = depth;
        let least = depth;
        const code = letter[node]!;
        for (let j = 1; j <= word.length; j++) {
          const cost = word.charCodeAt(j - 1) === code ? 0 : 1;
          const value = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
          row[j] = value;
          if (value < least) least = value;
        }
        if (least > budget) return;
        for (let child = firstChild[node]!; child >= 0; child = nextSibling[child]!) visit(child, depth + 1);
      };
      for (let child = firstChild[0]!; child >= 0; child = nextSibling[child]!) visit(child, 1);
    },
  };
}
