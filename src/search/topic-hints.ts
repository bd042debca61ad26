/**
 * Applies the cross-cutting labelling rules of `data/search/topic-hints.yaml`: a question about timing, an appeal
 * or a complaint belongs to that topic whatever benefit it names. The result is a score multiplier per topic
 * that the ranking applies, and per entry where a hint names one entry of a topic (`boost_entries`: «мне 70 лет
 * какая пенсия» asks for how to learn one's pension, not for the pensioners' overview of the same topic).
 */
import { childBirthYearsAsAges } from '../i18n/birth-years.js';
import type { TopicHintsData } from './search-data.js';
import { compilePatternSet, patternText } from './word-patterns.js';

export interface TopicHints {
  /**
   * For a message given as normalised words: topic → multiplier, and entry id → multiplier (each empty when no hint
   * applies), and the positions of the words that set the scene of a hint that applies (its `context`). With
   * `currentYear`, a child's birth year reads as the child's age («ребенок 2015 года рождения какие выплаты» as «…11
   * лет…»), so the hints of a child's age apply to it; the year's words are then their context.
   */
  read(words: readonly string[], currentYear?: number): HintReading;
}

/** What the hints make of one message. */
export interface HintReading {
  topics: Map<string, number>;
  entries: Map<string, number>;
  /**
   * Positions of the words a hint that applies calls context (`context` in the file: the person one's pension is set
   * beside, «почему у сестры пенсия больше»): they say whom the question is about, not what it asks. Empty mostly.
   */
  context: ReadonlySet<number>;
}

const NO_CONTEXT: ReadonlySet<number> = new Set();

/** Compiles the hints; throws when a hint names a topic the taxonomy does not have (a typo would silently do nothing). */
export function createTopicHints(data: TopicHintsData, knownTopics: ReadonlySet<string>): TopicHints {
  const sources: string[] = [];
  const add = (p: string | undefined) => (p === undefined ? undefined : sources.push(p) - 1);
  const hints = data.hints.map((h) => {
    for (const topic of Object.keys(h.boost)) {
      if (!knownTopics.has(topic)) {
        throw new Error(`topic-hints.yaml: unknown topic "${topic}" in the hint for "${h.when}"`);
      }
    }
    return {
      when: add(h.when)!,
      and: add(h.and),
      unless: add(h.unless),
      context: add(h.context),
      boost: Object.entries(h.boost),
      entries: Object.entries(h.boostEntries ?? {}),
    };
  });
  const set = compilePatternSet(sources, { fuzzyMinLength: data.fuzzyMinLength });
  return { read };

  function read(words: readonly string[], currentYear?: number): HintReading {
    const aged = currentYear === undefined ? undefined : childBirthYearsAsAges(words, currentYear);
    if (!aged) return readWords(words);
    const reading = readWords(aged.words);
    if (reading.context.size === 0) return reading;
    // The context found in the words as read back to the message's own words: «11 лет» are «2015 года рождения».
    const context = new Set([...reading.context].flatMap((at) => aged.origin[at] ?? []));
    return { ...reading, context };
  }

  function readWords(words: readonly string[]): HintReading {
    const topics = new Map<string, number>();
    const entries = new Map<string, number>();
    let context = NO_CONTEXT;
    if (words.length === 0) return { topics, entries, context };
    const m = set.match(patternText(words));
    for (const h of hints) {
      if (!m.matches(h.when)) continue;
      if (h.and !== undefined && !m.matches(h.and)) continue;
      if (h.unless !== undefined && m.matches(h.unless)) continue;
      for (const [topic, factor] of h.boost) topics.set(topic, (topics.get(topic) ?? 1) * factor);
      for (const [id, factor] of h.entries) entries.set(id, (entries.get(id) ?? 1) * factor);
      if (h.context !== undefined && m.matches(h.context)) {
        context = new Set([...context, ...m.positions(h.context)]);
      }
    }
    return { topics, entries, context };
  }
}
