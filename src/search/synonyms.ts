/**
 * Rewrites the many names of one thing to one canonical phrase ("ЕП", "единое" → "единое пособие"; "коммуналка",
 * "ЖКХ" → "жилищно коммунальные услуги"), on the knowledge base and on queries alike, so that both sides meet.
 * Phrases are matched by stem, longest first. The dictionary is data: `data/search/synonyms.yaml`.
 */
import { normalizeWords } from './russian-normalizer.js';
import { stemRussian } from './russian-stemmer.js';
import type { SynonymGroup } from './search-data.js';

interface Variant {
  /** Words the variant spans. */
  length: number;
  stems: string[];
  /** What replaces the variant in a document: the canonical words and, when the group has one, the concept. */
  replacement: string[];
  /** The variant's words, for the prefix fallback. */
  words: string[];
  /** Per word: only this exact form matches (written "=детские" in the data), not any form of its stem. */
  exact: boolean[];
  canonical: string[];
  subject: boolean;
  /** The group's concept token (see CONCEPT_MARK). */
  concept: string;
  hasConcept: boolean;
}

/**
 * Each group also yields one concept token ("§12") next to its canonical words: a multi-word name such as
 * "единое пособие" then matches as one rare term, so an entry about the benefit outranks entries that merely
 * contain "единый" and "пособие" apart. The token has no Cyrillic letters, so the stemmer leaves it alone.
 */
export const CONCEPT_MARK = '§';

export interface WeightedWord {
  word: string;
  weight: number;
}

/** A known variant found in a text: how many words it spans and the words that replace them. */
export interface PhraseMatch {
  readonly length: number;
  /** The canonical words, then the concept token when the group has one. */
  readonly replacement: readonly string[];
}

/** The variants that can start with one word (see `Synonyms.startsWith`). */
export type PhraseStarts = readonly PhraseMatch[];

/** Words of a text by position, with their stems, for a caller that keeps words otherwise than in an array. */
export interface WordSequence {
  readonly length: number;
  word(k: number): string;
  stem(k: number): string;
}

export interface Synonyms {
  /** The words with every known variant replaced by its canonical words, each followed by its concept token. */
  canonicalize(words: readonly string[]): string[];
  /** The same with a weight per word (see `canonicalizeWeighted` inside). */
  canonicalizeWeighted(words: readonly string[]): WeightedWord[];
  /** The variants that can start with this word, or undefined when none can (remembered per word). */
  startsWith(word: string): PhraseStarts | undefined;
  /** The longest variant starting at position i of the words, if any. */
  phraseAt(words: readonly string[], i: number): PhraseMatch | undefined;
  /**
   * The same for words kept otherwise than in an array; `starts` are `startsWith` of the word at i, when the
   * caller keeps them.
   */
  phraseIn(words: WordSequence, i: number, starts?: PhraseStarts): PhraseMatch | undefined;
  /** Canonical phrases of `subject` groups named in the words ("маткапитал" → "материнский капитал"). */
  subjects(words: readonly string[]): string[];
  /** Every word the dictionary knows (variants and canonical forms), for the lexicon. */
  readonly vocabulary: readonly string[];
}

/**
 * A variant's words and which of them match only in the form written: "=детские" is the slang for the unified
 * benefit, while other forms of its stem ("детский сад", "детского дома") are not.
 */
function variantWords(phrase: string): { words: string[]; exact: boolean[] } {
  const words: string[] = [];
  const exact: boolean[] = [];
  for (const part of phrase.split(/\s+/)) {
    const marked = part.startsWith('=');
    for (const word of normalizeWords(marked ? part.slice(1) : part)) {
      words.push(word);
      exact.push(marked);
    }
  }
  return { words, exact };
}

/**
 * Compiles the dictionary. Canonical phrases are variants of themselves, so they are never partly rewritten; for
 * the same reason a canonical phrase must not contain another group's variant (a unit test checks the data).
 */
export function createSynonyms(
  groups: readonly SynonymGroup[],
  stopWords: ReadonlySet<string> = new Set(),
): Synonyms {
  const byFirstStem = new Map<string, Variant[]>();
  const vocabulary: string[] = [];
  groups.forEach((group, groupIndex) => {
    const canonical = normalizeWords(group.canonical);
    if (canonical.length === 0) return;
    const concept = `${CONCEPT_MARK}${groupIndex}`;
    for (const phrase of [group.canonical, ...group.variants]) {
      const { words, exact } = variantWords(phrase);
      if (words.length === 0) continue;
      vocabulary.push(...words);
      // One-word groups that only fix spelling ("скока" → "сколько") need no concept of their own.
      const hasConcept = canonical.length > 1 || group.subject;
      const replacement = hasConcept ? [...canonical, concept] : canonical;
      const stems = words.map(stemRussian);
      const variant = {
        length: words.length,
        stems,
        replacement,
        words,
        exact,
        canonical,
        subject: group.subject,
        concept,
        hasConcept,
      };
      const first = variant.stems[0]!;
      byFirstStem.set(first, [...(byFirstStem.get(first) ?? []), variant]);
    }
  });
  for (const list of byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);

  /**
   * Whether a text word is this variant word. Stems decide, with one fallback: Snowball cuts some nouns in "-ал"
   * differently by case ("маткапитал" → "маткапита", "маткапиталом" → "маткапитал"), so a text word that is the
   * variant word plus a short ending also counts. A stop word is only ever itself or another stop word: "своих"
   * and "сво" (СВО) share the stem "сво", and the pronoun must not read as the special military operation.
   */
  const sameWord = (
    variantWord: string,
    variantStem: string,
    exact: boolean,
    word: string,
    wordStem = stemRussian(word),
  ) => {
    if (word === variantWord) return true;
    if (exact || (stopWords.has(word) && !stopWords.has(variantWord))) return false;
    return (
      wordStem === variantStem ||
      (variantWord.length >= 5 && word.startsWith(variantWord) && word.length - variantWord.length <= 3)
    );
  };

  const allVariants = [...byFirstStem.values()].flat();
  const order = new Map(allVariants.map((v, i) => [v, i]));
  /** Variants by their first word, for the "word plus a short ending" fallback of sameWord. */
  const byFirstWord = new Map<string, Variant[]>();
  for (const v of allVariants) {
    if (v.words[0]!.length < 5 || v.exact[0]) continue;
    byFirstWord.set(v.words[0]!, [...(byFirstWord.get(v.words[0]!) ?? []), v]);
  }
  const NONE: readonly Variant[] = [];
  /**
   * Variants that can start at a word, longest first (then in dictionary order); memoised because every indexed
   * word asks. Only the variants filed under the word's stem or under one of its last four beginnings can match.
   */
  const startsCache = new Map<string, readonly Variant[]>();
  const variantsStartingWith = (word: string): readonly Variant[] => {
    let list = startsCache.get(word);
    if (list === undefined) {
      const byStem = byFirstStem.get(stemRussian(word));
      const byBeginning: Variant[][] = [];
      for (let cut = 0; cut <= 3 && word.length - cut >= 5; cut++) {
        const variants = byFirstWord.get(word.slice(0, word.length - cut));
        if (variants !== undefined) byBeginning.push(variants);
      }
      // Nearly every word of the knowledge base starts no variant: nothing more to do for it.
      if (byStem === undefined && byBeginning.length === 0) {
        list = NONE;
      } else {
        const candidates = new Set(byStem);
        for (const variants of byBeginning) for (const v of variants) candidates.add(v);
        const found = [...candidates].filter((v) => sameWord(v.words[0]!, v.stems[0]!, v.exact[0]!, word));
        found.sort((x, y) => y.stems.length - x.stems.length || order.get(x)! - order.get(y)!);
        list = found.length === 0 ? NONE : found;
      }
      if (startsCache.size > 100_000) startsCache.clear();
      startsCache.set(word, list);
    }
    return list;
  };

  /** Words in an array as a sequence; stems are memoised by stemRussian. */
  const arraySequence = (words: readonly string[]): WordSequence => ({
    length: words.length,
    word: (k) => words[k]!,
    stem: (k) => stemRussian(words[k]!),
  });

  /** The longest variant starting at position i, if any, among the variants that can start with its word. */
  const longestAt = (
    words: WordSequence,
    i: number,
    starts: readonly Variant[] = variantsStartingWith(words.word(i)),
  ): Variant | undefined => {
    for (const v of starts) {
      const n = v.length;
      if (i + n > words.length) continue;
      let k = 1;
      while (k < n && sameWord(v.words[k]!, v.stems[k]!, v.exact[k]!, words.word(i + k), words.stem(i + k)))
        k++;
      if (k === n) return v;
    }
    return undefined;
  };

  /**
   * The rewrite, with a weight per output word: each word of an n-word canonical phrase weighs 1/√n and the
   * concept token 1, so "ЕДВ" (one word typed) weighs like a short phrase, not like the four terms it expands to,
   * while a long specific name still carries its words.
   */
  const canonicalizeWeighted = (words: readonly string[]): WeightedWord[] => {
    const out: WeightedWord[] = [];
    const sequence = arraySequence(words);
    let i = 0;
    while (i < words.length) {
      const v = longestAt(sequence, i);
      if (v) {
        const share = 1 / Math.sqrt(v.canonical.length);
        for (const w of v.canonical) out.push({ word: w, weight: share });
        if (v.hasConcept) out.push({ word: v.concept, weight: 1 });
        i += v.words.length;
      } else {
        out.push({ word: words[i]!, weight: 1 });
        i += 1;
      }
    }
    return out;
  };

  return {
    vocabulary,
    canonicalizeWeighted,
    canonicalize: (words) => canonicalizeWeighted(words).map((w) => w.word),
    startsWith(word) {
      const starts = variantsStartingWith(word);
      return starts === NONE ? undefined : starts;
    },
    phraseAt: (words, i) => longestAt(arraySequence(words), i),
    // `starts` came from startsWith, which hands out this module's variants.
    phraseIn: (words, i, starts) => longestAt(words, i, starts as readonly Variant[] | undefined),
    subjects(words) {
      const found = new Set<string>();
      const sequence = arraySequence(words);
      for (let i = 0; i < words.length; i++) {
        const v = longestAt(sequence, i);
        if (v?.subject) found.add(v.canonical.join(' '));
      }
      return [...found];
    },
  };
}
