/**
 * The one pipeline every text goes through, so that the index and the queries agree on what a word is:
 * (queries only: Latin read as Russian, typos corrected) → normalised words → synonyms to canonical phrases →
 * stop words out → Snowball stems.
 */

import { withFullBirthYears } from '../i18n/birth-years.js';
import type { KnowledgeEntry } from '../knowledge/entry.js';
import { createDocumentReader, type DocumentReader, type DocumentText } from './document-reader.js';
import { type LatinReading, recoverLatin } from './latin-recovery.js';
import { createLexiconFromCounts, type Lexicon } from './lexicon.js';
import { isNumberWord, isPercentStem, percentTerm } from './percent-terms.js';
import { normalizeWords } from './russian-normalizer.js';
import { stemRussian } from './russian-stemmer.js';
import type { SearchResources } from './search-data.js';
import { joinSpelledLetters } from './spelled-letters.js';
import { joinSplitWords } from './split-words.js';
import type { Synonyms } from './synonyms.js';
import { withToldAgeYears } from './told-age.js';

/** One word of a query, as the index sees it. */
export interface QueryTerm {
  stem: string;
  /** Less than 1 for guesses (spelling corrections) and for words of a multi-word synonym. */
  weight: number;
  /**
   * The word only sets the scene (it names the citizen's region): it helps ranking but is weak evidence that an
   * entry answers the question ("сколько стоит коммуналка в Волгограде" is not answered by "contacts in Volgograd").
   */
  context?: boolean;
}

/** How much a context word counts towards the evidence and the size of a question, against other words. */
export const CONTEXT_EVIDENCE = 0.5;

export interface AnalysedQuery {
  /**
   * Normalised words as the person meant them (Latin read as Russian), before spelling correction and synonyms:
   * intents, topic hints and regions are matched on these.
   */
  words: readonly string[];
  reading: LatinReading;
  /** Distinct content terms for the index, in order. */
  terms: QueryTerm[];
  /** Words that were replaced by a spelling correction (original → corrected). */
  corrections: [string, string][];
  /** `words` with those corrections made (the same words when there are none). */
  corrected: readonly string[];
}

export interface TextAnalyzer {
  /** `currentYear`: the year it is for the person asking (see CURRENT_YEAR_WEIGHT). */
  analyseQuery(text: string, options?: { currentYear?: number }): AnalysedQuery;
  /**
   * Stems of a knowledge-base text, or of several read as one joined with " . " (no recovery or correction:
   * curated text is spelled right).
   */
  documentTerms(text: DocumentText): string[];
  /**
   * For each stem, in how many of the entries' title and keywords (read as one text) it occurs, in the order first
   * met. For the entries the index was built on, the index worked it out while reading them.
   */
  subjectTermShares(entries: readonly KnowledgeEntry[]): Map<string, number>;
  /** Normalised words of a text with Latin recovered; cheap, for intents and regions. */
  understoodWords(text: string): readonly string[];
  /** The same with spelling corrected against the lexicon (for section cues, which are written as prefixes). */
  correctedWords(text: string): string[];
  readonly lexicon: Lexicon;
  readonly synonyms: Synonyms;
  isStopWord(word: string): boolean;
}

/** Weight of a word that was spelling-corrected: a guess deserves less trust than what was typed. */
const CORRECTED_WEIGHT = 0.8;
/**
 * A year says when, not what: "сколько будет единое пособие в 2027" asks the amount, and the entry whose title
 * names 2027 (a rule that starts then) must not win on the year, the rarest word of the question.
 */
const YEAR = /^(19|20)\d\d$/;
const YEAR_WEIGHT = 0.5;
/**
 * This year says only "now": "какие выплаты положены на ребенка в 2026 году" is the general question, and in 2026
 * it was answered by the one entry that names 2026 in its title (a rule that changed that March). Another year
 * still picks the entries about it ("сколько будет пенсия в 2027 году").
 */
const CURRENT_YEAR_WEIGHT = 0.1;

/** Words written in a pattern file, without the pattern syntax, for the lexicon. */
export function patternWords(patterns: readonly string[]): string[] {
  // Prefixes ("провер*") are not words; alternatives inside a word ("a/b") are.
  const words = patterns.flatMap((p) => p.split(/[\s|/]+/));
  return words.filter((w) => !w.includes('*')).flatMap((w) => normalizeWords(w.replace(/^=/, '')));
}

/**
 * Builds the analyser. `corpus` counts the words of the knowledge base (see `corpusWords`) and anything else the
 * assistant should know: with the words of the data files it makes the lexicon used to read Latin text and to
 * correct typos. The map is extended in place. `reader` is the document reader that read the knowledge base, when
 * there is one (its remembered words then serve `documentTerms` too); `indexed` are the entries it read and what
 * the index worked out of their titles and keywords (see `subjectTermShares`).
 */
/**
 * Question and filler words written as they are said ("када", "щас", "скока"). They are too short for spelling
 * correction, and the patterns of intents, section cues and topic hints look for the standard form: "када придет
 * пенсия" missed the payment-dates hint that "когда придет пенсия" gets.
 */
const SPOKEN_FORMS: ReadonlyMap<string, string> = new Map([
  ['када', 'когда'],
  ['кагда', 'когда'],
  ['щас', 'сейчас'],
  ['ща', 'сейчас'],
  ['счас', 'сейчас'],
  ['скока', 'сколько'],
  ['скоко', 'сколько'],
  ['сколька', 'сколько'],
  ['пачему', 'почему'],
  ['почяму', 'почему'],
  ['будит', 'будет'],
  ['чо', 'что'],
  ['че', 'что'],
  ['шо', 'что'],
  ['тока', 'только'],
  ['ниче', 'ничего'],
  ['ничо', 'ничего'],
  ['куды', 'куда'],
]);

/** The words with spoken spellings replaced; the same array when there are none (the common case). */
export function respellSpoken(words: string[]): string[] {
  if (!words.some((w) => SPOKEN_FORMS.has(w))) return words;
  return words.map((w) => SPOKEN_FORMS.get(w) ?? w);
}

export function createTextAnalyzer(
  resources: SearchResources,
  corpus: Map<string, number> = new Map(),
  reader: DocumentReader = createDocumentReader(resources),
  indexed?: { entries: readonly KnowledgeEntry[]; shares: Map<string, number> },
): TextAnalyzer {
  const { synonyms, stopWords } = reader;
  const words: string[] = [...synonyms.vocabulary, ...stopWords];
  const { intents, sections, regions } = resources;
  words.push(...patternWords(intents.welfare));
  for (const rules of Object.values(intents.intents)) {
    for (const r of rules) words.push(...patternWords(r.all));
  }
  for (const cues of Object.values(sections.cues)) words.push(...patternWords(cues));
  words.push(...patternWords(sections.followUpWords));
  for (const r of Object.values(regions.regions)) words.push(...patternWords([r.canonical, ...r.names]));
  for (const h of resources.topicHints.hints)
    words.push(...patternWords([h.when, h.and ?? '', h.unless ?? '']));
  for (const w of words) corpus.set(w, (corpus.get(w) ?? 0) + 1);
  const lexicon = createLexiconFromCounts(corpus);

  /**
   * The last text read. The engine reads each message three times in a row (the region it names, the search, a
   * follow-up cue), and Latin recovery and normalising were done each time. The words are shared: callers only
   * read them (readonly), and patternText recognises the same array again.
   */
  let last: { text: string; reading: LatinReading; words: readonly string[] } | undefined;
  const read = (text: string) => {
    if (last?.text !== text) {
      const recovered = recoverLatin(text, lexicon);
      last = {
        text,
        reading: recovered.reading,
        // «я 68 г р» as «я 1968 г р»: the birth year the description, the overviews and the year's weight read.
        // «мне 62 когда пенсия» as «мне 62 лет …»: the age the synonyms and the descriptions of someone read.
        words: withToldAgeYears(
          withFullBirthYears(
            respellSpoken(
              joinSplitWords(
                joinSpelledLetters(normalizeWords(recovered.text), lexicon.knows),
                lexicon.knows,
              ),
            ),
          ),
        ),
      };
    }
    return last;
  };
  const understoodWords = (text: string) => read(text).words;
  const correct = (w: string) => (stopWords.has(w) ? w : (lexicon.correct(w) ?? w));

  return {
    lexicon,
    synonyms,
    isStopWord: (w) => stopWords.has(w),
    understoodWords,
    correctedWords: (text) => understoodWords(text).map(correct),
    documentTerms: (text) => reader.termsOf(text),
    subjectTermShares: (entries) =>
      entries === indexed?.entries
        ? indexed.shares
        : reader.termShares(entries.map((e) => [e.title, ...e.keywords])),
    analyseQuery(text, options = {}) {
      const { reading, words } = read(text);
      const thisYear = options.currentYear === undefined ? undefined : String(options.currentYear);
      const corrections: [string, string][] = [];
      const correctedWords = words.map((w) => {
        if (stopWords.has(w)) return w;
        const fixed = lexicon.correct(w);
        if (fixed === undefined) return w;
        corrections.push([w, fixed]);
        return fixed;
      });
      const guessed = new Set(corrections.map(([, fixed]) => fixed));
      const byStem = new Map<string, QueryTerm>();
      let previous = '';
      const canonical = synonyms.canonicalizeWeighted(correctedWords);
      for (let k = 0; k < canonical.length; k++) {
        const { word, weight } = canonical[k]!;
        const year = YEAR.test(previous) ? previous : undefined;
        previous = word;
        if (stopWords.has(word)) continue;
        // «60 процентов» is a share, not the age of «в 60 лет» (percent-terms.ts)
        const next = canonical[k + 1]?.word;
        const share = next !== undefined && isNumberWord(word) && isPercentStem(stemRussian(next));
        const stem = share ? percentTerm(word) : stemRussian(word);
        // "в 2027 году": the year and the word "году" after it are one date
        const date = YEAR.test(word) ? word : year !== undefined && /^год/.test(word) ? year : undefined;
        const dateWeight = date === undefined ? 1 : date === thisYear ? CURRENT_YEAR_WEIGHT : YEAR_WEIGHT;
        const w = weight * (guessed.has(word) ? CORRECTED_WEIGHT : 1) * dateWeight;
        const seen = byStem.get(stem);
        if (!seen) byStem.set(stem, { stem, weight: w });
        else seen.weight = Math.max(seen.weight, w);
      }
      const terms = [...byStem.values()];
      return {
        words,
        reading,
        terms,
        corrections,
        corrected: corrections.length > 0 ? correctedWords : words,
      };
    },
  };
}
