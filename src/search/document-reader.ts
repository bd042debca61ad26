/**
 * Knowledge-base text → index terms: synonyms to canonical phrases, stop words out, Snowball stems (what a query
 * gets too, minus Latin recovery and spelling correction: curated text is spelled right). A knowledge base of
 * 10,000 entries has some three million words but only tens of thousands of distinct ones, so each distinct word
 * is analysed once and remembered: after that a word costs one look-up, not a stop-word check, a synonym check
 * and a stem. Terms come out as small integer ids (`term(id)` is the stem), so that the index can count and mark
 * them in arrays instead of hash maps. The reader also counts the words it reads, for the lexicon.
 */
import { stripMarkup } from './corpus-words.js';
import { normalizeWords, rawWords } from './russian-normalizer.js';
import { stemRussian } from './russian-stemmer.js';
import type { SearchResources } from './search-data.js';
import { createSynonyms, type Synonyms } from './synonyms.js';

export interface DocumentReader {
  /** Term ids of a knowledge-base text (markup removed, normalised), counting its words for the lexicon. */
  read(text: string): number[];
  /** The term (stem) with this id. */
  term(id: number): string;
  /** Ids are 0 .. termCount-1. */
  readonly termCount: number;
  /** Terms of a knowledge-base text, as `read` gives them but nothing counted. */
  termsOf(text: string): string[];
  /** Terms of already normalised words (nothing counted). */
  termsOfWords(words: readonly string[]): string[];
  /** How often each word was read (see `read`), in the order first read: the lexicon's frequencies. */
  counts(): Map<string, number>;
  readonly synonyms: Synonyms;
  /** Normalised stop words (`data/search/stop-words.yaml`). */
  readonly stopWords: ReadonlySet<string>;
}

/** What is remembered of one word. */
interface WordInfo {
  /** The word normalised. */
  word: string;
  /** The id of the word's term, or -1 for a stop word. */
  termId: number;
  /** Some synonym variant can start with the word: the slow path looks for a phrase there. */
  phraseStart: boolean;
  /** Times `read` met it. */
  count: number;
}

/**
 * Words remembered at most. The reader only sees the knowledge base and the search data files (never a citizen's
 * message), so this bound is only reached by a knowledge base far larger than any planned; then it starts over
 * (counts and term ids are kept).
 */
const MAX_WORDS = 500_000;

/** A reader with the synonyms and stop words of the search data. */
export function createDocumentReader(
  resources: Pick<SearchResources, 'synonyms' | 'stopWords'>,
): DocumentReader {
  const synonyms = createSynonyms(resources.synonyms);
  const stopWords = new Set(resources.stopWords.flatMap((w) => normalizeWords(w)));
  const known = new Map<string, WordInfo>();
  const idOfTerm = new Map<string, number>();
  const terms: string[] = [];
  /** Counted words in the order first counted (the lexicon is built in that order). */
  const counted: WordInfo[] = [];

  const termIdOf = (word: string): number => {
    if (stopWords.has(word)) return -1;
    const stem = stemRussian(word);
    let id = idOfTerm.get(stem);
    if (id === undefined) {
      id = terms.length;
      terms.push(stem);
      idOfTerm.set(stem, id);
    }
    return id;
  };

  /** The record of a normalised word. */
  const infoOf = (word: string): WordInfo => {
    let info = known.get(word);
    if (info === undefined) {
      if (known.size >= MAX_WORDS) known.clear();
      info = { word, termId: termIdOf(word), phraseStart: synonyms.mayStart(word), count: 0 };
      known.set(word, info);
    }
    return info;
  };

  /** The record of a word as written ("Пособие", "ЕП"): filed under that spelling too. */
  const infoOfRaw = (raw: string): WordInfo => {
    let info = known.get(raw);
    if (info === undefined) {
      info = infoOf(normalizeWords(raw)[0]!);
      known.set(raw, info);
    }
    return info;
  };

  const count = (info: WordInfo) => {
    if (info.count === 0) counted.push(info);
    info.count += 1;
  };

  /** Term ids of normalised words with their records. */
  const termIds = (words: readonly string[], infos: readonly WordInfo[], counting: boolean): number[] => {
    const out: number[] = [];
    let i = 0;
    while (i < words.length) {
      const info = infos[i]!;
      if (counting) count(info);
      const phrase = info.phraseStart ? synonyms.phraseAt(words, i) : undefined;
      if (phrase === undefined) {
        if (info.termId >= 0) out.push(info.termId);
        i += 1;
        continue;
      }
      if (counting) for (let k = 1; k < phrase.length; k++) count(infos[i + k]!);
      for (const w of phrase.replacement) {
        const id = infoOf(w).termId;
        if (id >= 0) out.push(id);
      }
      i += phrase.length;
    }
    return out;
  };

  const idsOf = (text: string, counting: boolean): number[] => {
    const plain = stripMarkup(text);
    const raw = rawWords(plain);
    // Plain text (nearly all of it): each distinct spelling is normalised once, then found by a look-up.
    const infos = raw ? raw.map(infoOfRaw) : normalizeWords(plain).map(infoOf);
    return termIds(
      infos.map((info) => info.word),
      infos,
      counting,
    );
  };

  return {
    synonyms,
    stopWords,
    read: (text) => idsOf(text, true),
    termsOf: (text) => idsOf(text, false).map((id) => terms[id]!),
    term: (id) => terms[id]!,
    get termCount() {
      return terms.length;
    },
    termsOfWords: (words) => termIds(words, words.map(infoOf), false).map((id) => terms[id]!),
    counts() {
      const all = new Map<string, number>();
      for (const info of counted) all.set(info.word, (all.get(info.word) ?? 0) + info.count);
      return all;
    },
  };
}
