/**
 * Rewrites the many names of one thing to one canonical phrase ("ЕП", "единое" → "единое пособие"; "коммуналка",
 * "ЖКХ" → "жилищно коммунальные услуги"), on the knowledge base and on queries alike, so that both sides meet.
 * Phrases are matched by stem, longest first. The dictionary is data: `data/search/synonyms.yaml`.
 */
import { normalizeWords } from './russian-normalizer.js';
import { stemRussian } from './russian-stemmer.js';
import type { SynonymGroup } from './search-data.js';

interface Variant {
  stems: string[];
  /** The variant's words, for the prefix fallback. */
  words: string[];
  canonical: string[];
  subject: boolean;
  /** The group's concept token (see CONCEPT_MARK). */
  concept: string;
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

export interface Synonyms {
  /** The words with every known variant replaced by its canonical words, each followed by its concept token. */
  canonicalize(words: readonly string[]): string[];
  /** The same with a weight per word (see `canonicalizeWeighted` inside). */
  canonicalizeWeighted(words: readonly string[]): WeightedWord[];
  /** Canonical phrases of `subject` groups named in the words ("маткапитал" → "материнский капитал"). */
  subjects(words: readonly string[]): string[];
  /** Every word the dictionary knows (variants and canonical forms), for the lexicon. */
  readonly vocabulary: readonly string[];
}

/**
 * Compiles the dictionary. Canonical phrases are variants of themselves, so they are never partly rewritten; for
 * the same reason a canonical phrase must not contain another group's variant (a unit test checks the data).
 */
export function createSynonyms(groups: readonly SynonymGroup[]): Synonyms {
  const byFirstStem = new Map<string, Variant[]>();
  const vocabulary: string[] = [];
  groups.forEach((group, groupIndex) => {
    const canonical = normalizeWords(group.canonical);
    if (canonical.length === 0) return;
    const concept = `${CONCEPT_MARK}${groupIndex}`;
    for (const phrase of [group.canonical, ...group.variants]) {
      const words = normalizeWords(phrase);
      if (words.length === 0) continue;
      vocabulary.push(...words);
      const variant = { stems: words.map(stemRussian), words, canonical, subject: group.subject, concept };
      const first = variant.stems[0]!;
      byFirstStem.set(first, [...(byFirstStem.get(first) ?? []), variant]);
    }
  });
  for (const list of byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);

  /**
   * Whether a text word is this variant word. Stems decide, with one fallback: Snowball cuts some nouns in "-ал"
   * differently by case ("маткапитал" → "маткапита", "маткапиталом" → "маткапитал"), so a text word that is the
   * variant word plus a short ending also counts.
   */
  const sameWord = (variantWord: string, variantStem: string, word: string): boolean =>
    stemRussian(word) === variantStem ||
    (variantWord.length >= 5 && word.startsWith(variantWord) && word.length - variantWord.length <= 3);

  const allVariants = [...byFirstStem.values()].flat();
  const NONE: readonly Variant[] = [];
  /** Variants that can start at a word, longest first; memoised because every indexed word asks. */
  const startsCache = new Map<string, readonly Variant[]>();
  const variantsStartingWith = (word: string): readonly Variant[] => {
    let list = startsCache.get(word);
    if (list === undefined) {
      const found = allVariants.filter((v) => sameWord(v.words[0]!, v.stems[0]!, word));
      list = found.length === 0 ? NONE : found.sort((x, y) => y.stems.length - x.stems.length);
      if (startsCache.size > 100_000) startsCache.clear();
      startsCache.set(word, list);
    }
    return list;
  };

  /** The longest variant starting at position i, if any. */
  const longestAt = (words: readonly string[], i: number): Variant | undefined => {
    for (const v of variantsStartingWith(words[i]!)) {
      if (i + v.words.length > words.length) continue;
      let k = 1;
      while (k < v.words.length && sameWord(v.words[k]!, v.stems[k]!, words[i + k]!)) k++;
      if (k === v.words.length) return v;
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
    let i = 0;
    while (i < words.length) {
      const v = longestAt(words, i);
      if (v) {
        const share = 1 / Math.sqrt(v.canonical.length);
        for (const w of v.canonical) out.push({ word: w, weight: share });
        // One-word groups that only fix spelling ("скока" → "сколько") need no concept of their own.
        if (v.canonical.length > 1 || v.subject) out.push({ word: v.concept, weight: 1 });
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
    subjects(words) {
      const found = new Set<string>();
      for (let i = 0; i < words.length; i++) {
        const v = longestAt(words, i);
        if (v?.subject) found.add(v.canonical.join(' '));
      }
      return [...found];
    },
  };
}
