/**
 * The little pattern language of the data files in `data/search/` (intents, section cues, regions), so that
 * curators can add a phrase without touching TypeScript.
 *
 * A pattern is alternatives separated by `|`; an alternative is words that must follow each other. A word is:
 * - `пособие` — any form of the word (compared by stem; long words also match with one typo after the first
 *   letter);
 * - `провер*` — any word starting with these letters (exactly: no typo tolerance, list common forms instead);
 * - `*кредит*` — any word containing these letters;
 * - `=проверьте` — exactly this form (to tell "проверьте моё" from "как проверить");
 * - `a/b/c` — any of these words (each written in one of the forms above);
 * - `...` — up to three words of anything ("соедините меня пожалуйста с человеком"), `..` — up to one.
 *
 * Every message is checked against hundreds of alternatives (intents, hints, regions), so patterns are compiled
 * into a set indexed by what their first word can be: a message is scanned once, and only the alternatives whose
 * first word fits a message word are tried.
 */
import { withinOneEdit } from './edit-distance.js';
import { normalizeWords } from './russian-normalizer.js';
import { stemRussian } from './russian-stemmer.js';

/** A message prepared for pattern matching: normalised words and their stems, position by position. */
export interface PatternText {
  words: readonly string[];
  stems: readonly string[];
}

export interface PatternOptions {
  /** Plain words at least this long also match with one typo. */
  fuzzyMinLength: number;
}

/** Stems shorter than this are too ambiguous to match on ("болит" and "более" are both "бол"). */
const MIN_STEM = 4;

type Test = (word: string, stem: string) => boolean;

/**
 * An index key: the stem or the word itself, or a number for the first letters of a prefix pattern (up to
 * PREFIX_KEY_LETTERS of them) or for the first letter and the length (fuzzy candidates: a typo keeps the first letter
 * and shifts length by ≤ 1). Numbers, and four maps instead of one with tagged strings: matching looks up every word
 * of every message in every pattern set, and without a new key string per lookup intents and regions match 20–27%
 * faster (measured).
 */
type Key = { map: 'stem' | 'word'; key: string } | { map: 'prefix' | 'fuzzy'; key: number };

/** A word of an alternative, with the index keys under which a message word can match it ('scan': any word). */
type WordTest = { kind: 'gap'; max: number } | { kind: 'word'; test: Test; keys: Key[] | 'scan' };

const stemKey = (stem: string): Key => ({ map: 'stem', key: stem });
const wordKey = (word: string): Key => ({ map: 'word', key: word });
/**
 * Prefix patterns are filed under their first letters, four at most: filed under two, the patterns of the topic
 * hints and intents starting with «по», «пе» or «ма» were tried against every message word starting so, 283 tries
 * a search of the 435 in all (the knowledge base's example questions).
 */
const PREFIX_KEY_LETTERS = 4;
/**
 * The first `letters` letters as one number, distinct for each count (11 bits a letter: Cyrillic and Latin letters
 * fit, and any letter beyond only files a pattern under a key it shares, which the pattern's own test then rejects).
 */
function prefixCode(word: string, letters: number): number {
  let code = letters;
  for (let i = 0; i < letters; i++) code = code * 0x800 + (word.charCodeAt(i) & 0x7ff);
  return code;
}
const fuzzyCode = (word: string, length = word.length) => word.charCodeAt(0) * 0x10000 + length;
const prefixKey = (prefix: string): Key => ({
  map: 'prefix',
  key: prefixCode(prefix, Math.min(prefix.length, PREFIX_KEY_LETTERS)),
});
const fuzzyKey = (word: string, length = word.length): Key => ({
  map: 'fuzzy',
  key: fuzzyCode(word, length),
});

/** One typo, but not in the first letter (which also keeps the index small). */
const typo = (a: string, b: string) => a[0] === b[0] && withinOneEdit(a, b);

function compileAlternative(raw: string, options: PatternOptions): { test: Test; keys: Key[] | 'scan' } {
  if (raw.startsWith('=')) {
    const exact = normalizeWords(raw.slice(1)).join('');
    return { test: (word) => word === exact, keys: [wordKey(exact)] };
  }
  if (raw.startsWith('*') && raw.endsWith('*') && raw.length > 2) {
    const part = normalizeWords(raw.slice(1, -1)).join('');
    return { test: (word) => word.includes(part), keys: 'scan' };
  }
  if (raw.endsWith('*')) {
    const prefix = normalizeWords(raw.slice(0, -1)).join('');
    if (prefix.length < 2) return { test: (word) => word.startsWith(prefix), keys: 'scan' };
    return { test: (word) => word.startsWith(prefix), keys: [prefixKey(prefix)] };
  }
  const word = normalizeWords(raw).join('');
  const stem = stemRussian(word);
  if (stem.length < MIN_STEM) return { test: (w) => w === word, keys: [wordKey(word)] };
  if (word.length < options.fuzzyMinLength) {
    return { test: (w, s) => s === stem || w === word, keys: [stemKey(stem), wordKey(word)] };
  }
  // With a typo the stem may come out different, so the word itself is compared too ("дакументы").
  return {
    test: (w, s) => s === stem || w === word || typo(w, word),
    keys: [stemKey(stem), wordKey(word), ...[-1, 0, 1].map((d) => fuzzyKey(word, word.length + d))],
  };
}

function compileWord(raw: string, options: PatternOptions): WordTest {
  if (raw === '...') return { kind: 'gap', max: 3 };
  if (raw === '..') return { kind: 'gap', max: 1 };
  const parts = raw
    .split('/')
    .filter(Boolean)
    .map((alt) => compileAlternative(alt, options));
  const keys = parts.some((p) => p.keys === 'scan') ? 'scan' : parts.flatMap((p) => p.keys as Key[]);
  if (parts.length === 1) return { kind: 'word', test: parts[0]!.test, keys };
  return { kind: 'word', test: (word, stem) => parts.some((p) => p.test(word, stem)), keys };
}

/** Tries to match `seq` at `start`; returns the covered positions or undefined. */
function matchAt(seq: readonly WordTest[], text: PatternText, start: number): number[] | undefined {
  const covered: number[] = [];
  let pos = start;
  for (let k = 0; k < seq.length; k++) {
    const part = seq[k]!;
    if (part.kind === 'gap') {
      const next = seq[k + 1];
      if (!next || next.kind === 'gap') continue;
      let found = -1;
      for (let skip = 0; skip <= part.max && pos + skip < text.words.length; skip++) {
        if (next.test(text.words[pos + skip]!, text.stems[pos + skip]!)) {
          found = pos + skip;
          break;
        }
      }
      if (found < 0) return undefined;
      pos = found;
      continue;
    }
    if (pos >= text.words.length || !part.test(text.words[pos]!, text.stems[pos]!)) return undefined;
    covered.push(pos);
    pos += 1;
  }
  return covered;
}

/** The result of checking a whole set against one message. */
export interface PatternSetMatch {
  /** true when any alternative of pattern `id` (its index in the set) occurs in the message. */
  matches(id: number): boolean;
  /** Positions covered by the first occurrence of each matching alternative of pattern `id`. */
  positions(id: number): ReadonlySet<number>;
}

export interface PatternSet {
  match(text: PatternText): PatternSetMatch;
}

const NO_POSITIONS: ReadonlySet<number> = new Set();

/** Compiles patterns (see the module comment for the syntax) into one set; pattern ids are their indexes. */
export function compilePatternSet(sources: readonly string[], options: PatternOptions): PatternSet {
  const alternatives: { pattern: number; seq: WordTest[] }[] = [];
  sources.forEach((source, pattern) => {
    for (const alt of source.split('|')) {
      const words = alt.trim().split(/\s+/).filter(Boolean);
      if (words.length > 0) alternatives.push({ pattern, seq: words.map((w) => compileWord(w, options)) });
    }
  });
  const filed = {
    stem: new Map<string, number[]>(),
    word: new Map<string, number[]>(),
    prefix: new Map<number, number[]>(),
    fuzzy: new Map<number, number[]>(),
  };
  const scan: number[] = [];
  alternatives.forEach((alt, position) => {
    const first = alt.seq[0]!;
    if (first.kind === 'gap' || first.keys === 'scan') {
      scan.push(position);
      return;
    }
    for (const { map, key } of first.keys) {
      const byKey = filed[map] as Map<string | number, number[]>;
      const list = byKey.get(key);
      if (!list) byKey.set(key, [position]);
      // An alternative is filed once under a key (a/b/c words can share one).
      else if (list[list.length - 1] !== position) list.push(position);
    }
  });

  // Which alternatives a match has found already, as the number of the match that found them: one array for every
  // match of the set (matching is synchronous), since a new typed array of this size for each was the costliest
  // line of matching (its backing store is allocated outside the heap).
  const foundIn = new Uint32Array(alternatives.length);
  let matchNumber = 0;
  return {
    match(text) {
      if (matchNumber === 0xffffffff) {
        foundIn.fill(0);
        matchNumber = 0;
      }
      const current = ++matchNumber;
      const found = new Map<number, Set<number>>();
      const tryAt = (index: number, start: number) => {
        if (foundIn[index] === current) return;
        const alt = alternatives[index]!;
        const covered = matchAt(alt.seq, text, start);
        if (!covered) return;
        foundIn[index] = current;
        const positions = found.get(alt.pattern) ?? new Set<number>();
        found.set(alt.pattern, positions);
        for (const p of covered) positions.add(p);
      };
      const tryAll = (list: number[] | undefined, start: number) => {
        if (list) for (const position of list) tryAt(position, start);
      };
      for (let i = 0; i < text.words.length; i++) {
        const word = text.words[i]!;
        tryAll(filed.stem.get(text.stems[i]!), i);
        tryAll(filed.word.get(word), i);
        const keyLetters = Math.min(word.length, PREFIX_KEY_LETTERS);
        for (let letters = 2; letters <= keyLetters; letters++) {
          tryAll(filed.prefix.get(prefixCode(word, letters)), i);
        }
        tryAll(filed.fuzzy.get(fuzzyCode(word)), i);
        tryAll(scan, i);
      }
      return {
        matches: (id) => found.has(id),
        positions: (id) => found.get(id) ?? NO_POSITIONS,
      };
    },
  };
}

/** One compiled pattern, for callers that check a single one. */
export interface WordPattern {
  readonly source: string;
  matches(text: PatternText): boolean;
  coveredPositions(text: PatternText): ReadonlySet<number>;
}

export function compilePattern(source: string, options: PatternOptions): WordPattern {
  const set = compilePatternSet([source], options);
  return {
    source,
    matches: (text) => set.match(text).matches(0),
    coveredPositions: (text) => set.match(text).positions(0),
  };
}

/**
 * The words last prepared: a message's words are matched against several pattern sets in a row (its region, the
 * intents, the topic hints), and stemming them was done for each. Recognised by identity: callers pass the
 * analyser's shared, readonly words.
 */
let lastText: PatternText | undefined;

/** Prepares normalised words for matching. */
export function patternText(words: readonly string[]): PatternText {
  if (lastText?.words !== words) lastText = { words, stems: words.map(stemRussian) };
  return lastText;
}
