/**
 * Knowledge-base text → index terms: synonyms to canonical phrases, stop words out, Snowball stems (what a query
 * gets too, minus Latin recovery and spelling correction: curated text is spelled right). A knowledge base of
 * 10,000 entries has some three million words but only tens of thousands of distinct ones, so each distinct word
 * is analysed once and remembered: after that a word costs one look-up, not a stop-word check, a synonym check
 * and a stem. Terms come out as small integer ids (`term(id)` is the stem), so that the index can count and mark
 * them in arrays instead of hash maps. The reader also counts the words it reads, for the lexicon.
 *
 * Reading the knowledge base is most of an index build, so the common path makes no string per word: words are
 * found in the text by character codes (`rawWordSpans`), a spelling seen before is found by the hash of its
 * characters, and what is known of a word sits in typed arrays indexed by a word number.
 */
import { stripMarkup } from './corpus-words.js';
import { IntArray } from './int-array.js';
import { isNumberWord, isPercentStem, percentTerm } from './percent-terms.js';
import { normalizeWords, rawWordSpans, SpanBuffer } from './russian-normalizer.js';
import { stemRussian } from './russian-stemmer.js';
import type { SearchResources } from './search-data.js';
import {
  createSynonyms,
  type PhraseMatch,
  type PhraseStarts,
  type Synonyms,
  type WordSequence,
} from './synonyms.js';

/** One knowledge-base text, or several read as if joined with " . " (the way the fields' lists are indexed). */
export type DocumentText = string | readonly string[];

export interface DocumentReader {
  /** Term ids of a knowledge-base text (markup removed, normalised), counting its words for the lexicon. */
  read(text: DocumentText): Int32Array;
  /** The same, appended to `ids`. */
  readInto(text: DocumentText, ids: IntArray): void;
  /**
   * Reads texts one after another as `readInto` reads each (counted, appended to `ids`), and gives where each
   * ended in `ids` and the term ids of the texts in `joinedOrder` read as one list (see DocumentText), nothing
   * counted. The words are found once for both: the index reads an entry's keywords and title, and the title and
   * keywords as one text tell the understanding which words name a subject.
   */
  readEachAndJoined(
    texts: readonly DocumentText[],
    ids: IntArray,
    joinedOrder: readonly number[],
  ): { ends: number[]; joined: Int32Array };
  /** The term (stem) with this id. */
  term(id: number): string;
  /** Ids are 0 .. termCount-1. */
  readonly termCount: number;
  /** Terms of a knowledge-base text, as `read` gives them but nothing counted. */
  termsOf(text: DocumentText): string[];
  /**
   * For each term, how many of the texts have it (nothing counted), in the order first met: the document
   * frequencies of a field, worked out on term ids rather than strings.
   */
  termShares(texts: readonly DocumentText[]): Map<string, number>;
  /** Terms of already normalised words (nothing counted). */
  termsOfWords(words: readonly string[]): string[];
  /** How often each word was read (see `read`), in the order first read: the lexicon's frequencies. */
  counts(): Map<string, number>;
  readonly synonyms: Synonyms;
  /** Normalised stop words (`data/search/stop-words.yaml`). */
  readonly stopWords: ReadonlySet<string>;
}

/**
 * Words remembered at most. The reader only sees the knowledge base and the search data files (never a citizen's
 * message), so this bound is only reached by a knowledge base far larger than any planned; then it starts over
 * (counts and term ids are kept).
 */
const MAX_WORDS = 500_000;

/**
 * Spellings met in the text ("Пособие", "пособие", "ЕП"), each with the number of its normalised word, found by
 * the hash of their characters in an open-addressing table: a spelling seen before costs a hash and a comparison
 * of characters against a pool, not a new string and a look-up in a map of strings. Each slot holds the whole
 * record (hash, length, start in the pool, word number + 1), so that a look-up touches one slot and the pool.
 */
class SpellingTable {
  private slots = new Int32Array(4 << 12);
  /** The spellings' characters, one after another. */
  private pool = new Uint16Array(1 << 14);
  private poolLength = 0;
  size = 0;

  /** The word number of the spelling text[start, end) with this hash, or -1 when not known. */
  find(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const pool = this.pool;
    const mask = (slots.length >> 2) - 1;
    const length = end - start;
    for (let slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      const at = 4 * slot;
      const word = slots[at + 3]! - 1;
      if (word < 0) return -1;
      if (slots[at] !== hash || slots[at + 1] !== length) continue;
      const from = slots[at + 2]! - start;
      let i = start;
      while (i < end && pool[from + i] === text.charCodeAt(i)) i++;
      if (i === end) return word;
    }
  }

  add(text: string, start: number, end: number, hash: number, word: number): void {
    if (2 * (this.size + 1) > this.slots.length >> 2) this.grow();
    const length = end - start;
    if (this.poolLength + length > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.poolLength + length));
      bigger.set(this.pool);
      this.pool = bigger;
    }
    for (let i = 0; i < length; i++) this.pool[this.poolLength + i] = text.charCodeAt(start + i);
    this.place(this.slots, hash, length, this.poolLength, word + 1);
    this.poolLength += length;
    this.size += 1;
  }

  clear(): void {
    this.slots.fill(0);
    this.poolLength = 0;
    this.size = 0;
  }

  private place(slots: Int32Array, hash: number, length: number, from: number, wordPlusOne: number): void {
    const mask = (slots.length >> 2) - 1;
    let slot = mix(hash) & mask;
    while (slots[4 * slot + 3] !== 0) slot = (slot + 1) & mask;
    slots.set([hash, length, from, wordPlusOne], 4 * slot);
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 3] !== 0) this.place(this.slots, old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
    }
  }
}

/** Words given as word numbers, read through the reader's word and stem lists. */
class NumberedWords implements WordSequence {
  numbers: Int32Array = new Int32Array(0);
  length = 0;
  constructor(
    private readonly words: readonly string[],
    private readonly stems: readonly string[],
  ) {}
  word(k: number): string {
    return this.words[this.numbers[k]!]!;
  }
  stem(k: number): string {
    return this.stems[this.numbers[k]!]!;
  }
}

/** Spreads the high bits of a hash into the low ones, which pick the slot. */
const mix = (hash: number) => hash ^ (hash >>> 15);

const LOWER_RUSSIAN = /^[а-я]+$/;

/** Figure references and link targets can span the texts of a list: such a list is read joined. */
const mayHaveSpanningMarkup = (text: string) => text.includes('{{') || text.includes('](');

/** A reader with the synonyms and stop words of the search data. */
export function createDocumentReader(
  resources: Pick<SearchResources, 'synonyms' | 'stopWords'>,
): DocumentReader {
  const stopWords = new Set(resources.stopWords.flatMap((w) => normalizeWords(w)));
  const synonyms = createSynonyms(resources.synonyms, stopWords);

  // What is known of each normalised word, by word number.
  const wordNumber = new Map<string, number>();
  const words: string[] = [];
  /** Stems (stop words have one too: synonym phrases are matched by stem). */
  const stems: string[] = [];
  /** The id of the word's term, or -1 for a stop word. */
  const termOfWord = new IntArray();
  /**
   * For a number, the id of its term as a share («60%», see `percent-terms.ts`), made when first needed (-2 until
   * then); -1 for other words.
   */
  const shareTermOfWord = new IntArray();
  /** 1 for the forms of «процент», which make the number before them a share. */
  const percentWord = new IntArray();
  /** The synonym variants that can start with the word (a phrase is looked for there), mostly none. */
  const startsOfWord: (PhraseStarts | undefined)[] = [];
  /** Times `read` met the word. */
  const wordCount = new IntArray();
  /** Word numbers in the order first counted (the lexicon is built in that order). */
  const counted = new IntArray();

  const spellings = new SpellingTable();
  const idOfTerm = new Map<string, number>();
  const terms: string[] = [];

  const termIdOf = (word: string, stem: string): number => {
    if (stopWords.has(word)) return -1;
    let id = idOfTerm.get(stem);
    if (id === undefined) {
      id = terms.length;
      terms.push(stem);
      idOfTerm.set(stem, id);
    }
    return id;
  };

  /** The number of a normalised word. */
  const numberOf = (word: string): number => {
    let w = wordNumber.get(word);
    if (w === undefined) {
      if (wordNumber.size >= MAX_WORDS) {
        wordNumber.clear();
        spellings.clear();
      }
      w = words.length;
      const stem = stemRussian(word);
      words.push(word);
      stems.push(stem);
      termOfWord.push(termIdOf(word, stem));
      shareTermOfWord.push(isNumberWord(word) ? -2 : -1);
      percentWord.push(isPercentStem(stem) ? 1 : 0);
      startsOfWord.push(synonyms.startsWith(word));
      wordCount.push(0);
      wordNumber.set(word, w);
    }
    return w;
  };

  /** The word number of the word written text[start, end) ("Пособие", "ЕП"), filed under that spelling. */
  const numberOfSpelling = (text: string, start: number, end: number, hash: number): number => {
    let w = spellings.find(text, start, end, hash);
    if (w < 0) {
      if (spellings.size >= MAX_WORDS) spellings.clear();
      const spelling = text.slice(start, end);
      // Lower-case Russian without ё is already normalised (most new words): the normaliser is spared.
      w =
        wordNumber.get(spelling) ??
        numberOf(LOWER_RUSSIAN.test(spelling) ? spelling : normalizeWords(spelling)[0]!);
      spellings.add(text, start, end, hash, w);
    }
    return w;
  };

  const count = (w: number) => {
    const counts = wordCount.data;
    if (counts[w] === 0) counted.push(w);
    counts[w]! += 1;
  };

  /** The id of the term of the number w as a share, made on first use. */
  const shareTermId = (w: number, known: number): number => {
    if (known >= 0) return known;
    const term = percentTerm(words[w]!);
    const id = termIdOf(term, term);
    shareTermOfWord.data[w] = id;
    return id;
  };

  /** Term ids of the canonical words that replace a synonym phrase (the same few arrays again and again). */
  const replacementIds = new Map<readonly string[], number[]>();
  const idsOfReplacement = (replacement: readonly string[]): number[] => {
    let ids = replacementIds.get(replacement);
    if (ids === undefined) {
      ids = replacement.map((word) => termOfWord.data[numberOf(word)]!).filter((id) => id >= 0);
      replacementIds.set(replacement, ids);
    }
    return ids;
  };

  /** The words of the text being read, for the synonym phrases (see `termIds`). */
  const sequence = new NumberedWords(words, stems);

  /** Term ids of the first `length` words of a text, given as word numbers, appended to `out`. */
  const termIds = (numbers: Int32Array, length: number, counting: boolean, out: IntArray): void => {
    sequence.numbers = numbers;
    sequence.length = length;
    let i = 0;
    while (i < length) {
      const w = numbers[i]!;
      if (counting) count(w);
      const starts = startsOfWord[w];
      const phrase: PhraseMatch | undefined = starts && synonyms.phraseIn(sequence, i, starts);
      if (phrase === undefined) {
        const share = shareTermOfWord.data[w]!;
        const id =
          share !== -1 && i + 1 < length && percentWord.data[numbers[i + 1]!] === 1
            ? shareTermId(w, share)
            : termOfWord.data[w]!;
        if (id >= 0) out.push(id);
        i += 1;
        continue;
      }
      if (counting) for (let k = 1; k < phrase.length; k++) count(numbers[i + k]!);
      for (const id of idsOfReplacement(phrase.replacement)) out.push(id);
      i += phrase.length;
    }
  };

  const spans = new SpanBuffer();
  /** Word numbers of the text being read (reused: reading is not re-entered). */
  const numbers = new IntArray();

  /**
   * Word numbers of the words of a plain text (see `rawWordSpans`) appended to `numbers`; false, with `numbers`
   * as it was, for any other text.
   */
  const appendPlain = (plain: string): boolean => {
    const n = rawWordSpans(plain, spans);
    if (n < 0) return false;
    numbers.reserve(numbers.length + n);
    const data = spans.data;
    for (let k = 0; k < n; k++) {
      numbers.data[numbers.length++] = numberOfSpelling(
        plain,
        data[3 * k]!,
        data[3 * k + 1]!,
        data[3 * k + 2]!,
      );
    }
    return true;
  };

  /** Term ids of a text appended to `out`. */
  /**
   * The word numbers of a plain text appended to `numbers`. A list's words one after another are the words of its
   * texts joined with " . " (which makes no word and joins none), as long as no markup spans two texts. False for
   * any other text (then `idsOf` takes the general path).
   */
  const appendWords = (text: DocumentText): boolean => {
    if (typeof text === 'string') return appendPlain(stripMarkup(text));
    for (const piece of text) {
      if (mayHaveSpanningMarkup(piece) || !appendPlain(stripMarkup(piece))) return false;
    }
    return true;
  };

  /** Term ids of a text appended to `out`. */
  const idsOf = (text: DocumentText, counting: boolean, out: IntArray): void => {
    numbers.length = 0;
    if (appendWords(text)) {
      termIds(numbers.data, numbers.length, counting, out);
    } else if (typeof text === 'string') {
      // Other alphabets, emoji, combining marks: the general normaliser.
      termIdsOfWords(normalizeWords(stripMarkup(text)), counting, out);
    } else {
      idsOf(text.join(' . '), counting, out);
    }
  };

  const joinedNumbers = new IntArray();
  const readEachAndJoined = (
    texts: readonly DocumentText[],
    ids: IntArray,
    joinedOrder: readonly number[],
  ): { ends: number[]; joined: Int32Array } => {
    numbers.length = 0;
    const bounds = [0];
    for (const text of texts) {
      if (!appendWords(text)) {
        // Some text is not plain: each is read on its own, and the joined list too.
        const ends = texts.map((t) => {
          idsOf(t, true, ids);
          return ids.length;
        });
        const list = joinedOrder.flatMap((k) => texts[k]!);
        return { ends, joined: ownIds(list, false) };
      }
      bounds.push(numbers.length);
    }
    const ends = texts.map((_, k) => {
      const segment = numbers.data.subarray(bounds[k]!, bounds[k + 1]!);
      termIds(segment, segment.length, true, ids);
      return ids.length;
    });
    joinedNumbers.length = 0;
    for (const k of joinedOrder) {
      for (let j = bounds[k]!; j < bounds[k + 1]!; j++) joinedNumbers.push(numbers.data[j]!);
    }
    scratch.length = 0;
    termIds(joinedNumbers.data, joinedNumbers.length, false, scratch);
    return { ends, joined: scratch.toInt32Array() };
  };

  const termIdsOfWords = (normalized: readonly string[], counting: boolean, out: IntArray): void => {
    const all = Int32Array.from(normalized, numberOf);
    termIds(all, all.length, counting, out);
  };

  /** Term ids of a text in an array of their own. */
  const scratch = new IntArray();
  const ownIds = (text: DocumentText, counting: boolean): Int32Array => {
    scratch.length = 0;
    idsOf(text, counting, scratch);
    return scratch.toInt32Array();
  };

  return {
    synonyms,
    stopWords,
    read: (text) => ownIds(text, true),
    readInto: (text, ids) => idsOf(text, true, ids),
    readEachAndJoined,
    termsOf: (text) => Array.from(ownIds(text, false), (id) => terms[id]!),
    term: (id) => terms[id]!,
    get termCount() {
      return terms.length;
    },
    termShares(texts) {
      let shares = new Int32Array(terms.length);
      let lastText = new Int32Array(terms.length).fill(-1);
      const order: number[] = [];
      texts.forEach((text, k) => {
        const ids = ownIds(text, false);
        if (terms.length > shares.length) {
          // The text had words never read before.
          const size = Math.max(terms.length, 2 * shares.length);
          const moreShares = new Int32Array(size);
          moreShares.set(shares);
          shares = moreShares;
          const moreLast = new Int32Array(size).fill(-1);
          moreLast.set(lastText);
          lastText = moreLast;
        }
        for (const id of ids) {
          if (lastText[id] === k) continue;
          lastText[id] = k;
          if (shares[id]!++ === 0) order.push(id);
        }
      });
      return new Map(order.map((id) => [terms[id]!, shares[id]!]));
    },
    termsOfWords: (normalized) => {
      scratch.length = 0;
      termIdsOfWords(normalized, false, scratch);
      return Array.from(scratch.toInt32Array(), (id) => terms[id]!);
    },
    counts() {
      const all = new Map<string, number>();
      for (let k = 0; k < counted.length; k++) {
        const w = counted.data[k]!;
        const word = words[w]!;
        all.set(word, (all.get(word) ?? 0) + wordCount.data[w]!);
      }
      return all;
    },
  };
}
