/**
 * Tells a short follow-up about the answer just shown ("а какие документы?", "скока платят", "куда подавать")
 * from a new question that happens to contain the same words ("какие документы нужны на маткапитал"). A message
 * is a section request when it matches a section cue from `data/search/sections.yaml`, is short, and names no
 * subject of its own: everything else in it is filler (stop words, follow-up words such as "тогда", "нам",
 * "ребенку", or at most two other words), none of which is a `subject` synonym group or a distinctive word of the
 * knowledge base.
 */
import type { SectionKey } from '../knowledge/entry.js';
import { stemRussian } from './russian-stemmer.js';
import type { SectionsData } from './search-data.js';
import type { Synonyms } from './synonyms.js';
import { compilePatternSet, type PatternSet, patternText } from './word-patterns.js';

export interface SectionRequestDetector {
  /**
   * The section asked for by a follow-up given as normalised words; undefined for a new question. With `bare`, only
   * when the words carry nothing but the request and filler.
   */
  detect(words: readonly string[], options?: SectionRequestOptions): SectionKey | undefined;
  /** The words beyond the section cues, the follow-up words, stop words and numbers: what a follow-up names. */
  otherWords(words: readonly string[]): string[];
}

export interface SectionRequestOptions {
  /** Only when the words carry nothing but the request and filler. */
  bare?: boolean;
  /**
   * The part a new question asks about, subject and all ("какие документы нужны на пенсию по потере кормильца" →
   * 'documents'): the first cue of a message of up to QUESTION_MAX_WORDS words.
   */
  inQuestion?: boolean;
}

export interface SectionRequestDeps {
  synonyms: Synonyms;
  isStopWord(word: string): boolean;
  /** Stems that name a subject on their own (distinctive words of the knowledge base). */
  subjectStems?: ReadonlySet<string>;
}

/** Other content words a follow-up may carry ("а если ребенку 2 года?"): more than this makes a new question. */
const MAX_OTHER_WORDS = 2;
/** A longer message is a story, not a question about one part of a measure. */
const QUESTION_MAX_WORDS = 14;

/**
 * The cues compiled once for the data: the search and the engine's understanding each build a detector over the same
 * data (the engine's with the knowledge base's subject words), and two compiled sets were ~0.3 MB.
 */
const compiledSets = new WeakMap<
  SectionsData,
  { sections: SectionKey[]; fillerId: number; set: PatternSet }
>();
function compiledCues(data: SectionsData) {
  let compiled = compiledSets.get(data);
  if (!compiled) {
    const sections = Object.keys(data.cues) as SectionKey[];
    // Pattern ids: one per section (its cues joined), then the filler words.
    const sources = [...sections.map((s) => data.cues[s].join('|')), data.followUpWords.join('|')];
    const set = compilePatternSet(sources, { fuzzyMinLength: data.fuzzyMinLength });
    compiled = { sections, fillerId: sources.length - 1, set };
    compiledSets.set(data, compiled);
  }
  return compiled;
}

export function createSectionRequestDetector(
  data: SectionsData,
  deps: SectionRequestDeps,
): SectionRequestDetector {
  const { sections, fillerId, set } = compiledCues(data);

  function otherWords(
    words: readonly string[],
    m: ReturnType<typeof set.match>,
    cuePositions: ReadonlySet<number>,
  ): string[] {
    const filler = m.positions(fillerId);
    return words.filter(
      (w, i) => !cuePositions.has(i) && !filler.has(i) && !deps.isStopWord(w) && !/^\d+$/.test(w),
    );
  }

  return {
    otherWords(words) {
      if (words.length === 0) return [];
      const m = set.match(patternText(words));
      const cuePositions = new Set(sections.flatMap((_, id) => [...m.positions(id)]));
      return otherWords(words, m, cuePositions);
    },
    detect(words, options) {
      const limit = options?.inQuestion ? QUESTION_MAX_WORDS : data.maxWords;
      if (words.length === 0 || words.length > limit) return undefined;
      const m = set.match(patternText(words));
      let best: { section: SectionKey; first: number } | undefined;
      const cuePositions = new Set<number>();
      sections.forEach((section, id) => {
        const positions = m.positions(id);
        if (positions.size === 0) return;
        for (const p of positions) cuePositions.add(p);
        const first = Math.min(...positions);
        // The cue said first is the question asked ("сколько платят и куда подавать" → amount).
        if (!best || first < best.first) best = { section, first };
      });
      // A complaint or a refusal said with "куда" is where to complain, not where to apply: «а куда жаловаться если
      // не пересчитают» got the entry's «Как подать» (a citizen audit).
      if (best?.section === 'apply' && sections.some((s, id) => s === 'appeal' && m.positions(id).size > 0))
        best = { section: 'appeal', first: best.first };
      if (!best) return undefined;
      if (options?.inQuestion) return (best as { section: SectionKey }).section;
      if (deps.synonyms.subjects(words).length > 0) return undefined;
      const others = otherWords(words, m, cuePositions);
      if (others.length > (options?.bare ? 0 : MAX_OTHER_WORDS)) return undefined;
      if (deps.subjectStems && others.some((w) => deps.subjectStems!.has(stemRussian(w)))) return undefined;
      return (best as { section: SectionKey }).section;
    },
  };
}
