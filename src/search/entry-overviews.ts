/**
 * Entries that sum up what one group of people is entitled to (`overview_for` in their front matter: the words that
 * name the group). A broad question of what one is entitled to ("что мне положено", "какие льготы": the
 * `entitlement` cue of data/search/topic-hints.yaml) that names the group prefers such an entry: "мне 70 лет, какие
 * льготы" was answered with the compensation of the repair levy, whose text has "70 лет" too. When a question names
 * several groups, the one named in the most words wins (see `boosts`).
 */
import type { KnowledgeEntry } from '../knowledge/entry.js';
import { ENTRY_PATTERN_FUZZY_MIN_LENGTH } from './entry-audience.js';
import { compilePatternSet, patternText } from './word-patterns.js';

export interface EntryOverviews {
  /** Entry id → score multiplier for a message given as normalised words (empty when it asks for no overview). */
  boosts(words: readonly string[]): ReadonlyMap<string, number>;
}

const NONE: ReadonlyMap<string, number> = new Map();

export function createEntryOverviews(
  entries: readonly Pick<KnowledgeEntry, 'id' | 'overviewFor'>[],
  entitlement: { when: string; unless?: string; boost: number } | undefined,
): EntryOverviews {
  const overviews = entries.flatMap((e) => (e.overviewFor ? [{ id: e.id, group: e.overviewFor }] : []));
  if (!entitlement || overviews.length === 0) return { boosts: () => NONE };
  // One set, matched once per message: the cue is pattern 0, then each alternative of each group on its own, so
  // that a group is measured by its best alternative, not by all of them together ("66 лет" and "на пенсии" are
  // two ways of naming a pensioner, not a more specific group than "ветеран труда").
  const alternatives = overviews.flatMap((o, owner) =>
    o.group
      .split('|')
      .map((alt) => alt.trim())
      .filter(Boolean)
      .map((alt) => ({ owner, alt })),
  );
  // Last, the cue's `unless`: a measure named ("какие льготы на коммуналку") is asked about, not the overview.
  const unless = entitlement.unless === undefined ? undefined : alternatives.length + 1;
  const sources = [entitlement.when, ...alternatives.map((a) => a.alt)];
  if (entitlement.unless !== undefined) sources.push(entitlement.unless);
  const set = compilePatternSet(sources, {
    fuzzyMinLength: ENTRY_PATTERN_FUZZY_MIN_LENGTH,
  });
  return {
    boosts(words) {
      if (words.length === 0) return NONE;
      const m = set.match(patternText(words));
      if (!m.matches(0) || (unless !== undefined && m.matches(unless))) return NONE;
      // The group named in the most words is the one asked about: "у дочки аутизм, дали инвалидность" names a
      // child with a disability (two words) and a disability (one), and the child's overview is what is due.
      const named = new Array<number>(overviews.length).fill(0);
      alternatives.forEach((a, i) => {
        named[a.owner] = Math.max(named[a.owner]!, m.positions(i + 1).size);
      });
      const most = Math.max(...named);
      if (most === 0) return NONE;
      const result = new Map<string, number>();
      overviews.forEach((o, i) => {
        if (named[i] === most) result.set(o.id, entitlement.boost);
      });
      return result;
    },
  };
}
