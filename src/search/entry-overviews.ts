/**
 * Entries that sum up what one group of people is entitled to (`overview_for` in their front matter: the words that
 * name the group). A broad question of what one is entitled to ("что мне положено", "какие льготы": the
 * `entitlement` cue of data/search/topic-hints.yaml) that names the group prefers such an entry: "мне 70 лет, какие
 * льготы" was answered with the compensation of the repair levy, whose text has "70 лет" too. When a question names
 * several groups, the one named in the most words wins (see `boosts`). A message that only says who someone is («мама
 * 1940 года рождения», «я 1955 г р»: the group's words, the `described` words of who and the `born` words of a birth
 * year, nothing else) asks the same: it got the birth lump sum on «рождения» and «мама». So does such a description
 * with the broad question and nothing else («мама 1940 года рождения что положено»: the words of who ask too).
 */

import type { KnowledgeEntry } from '../knowledge/entry.js';
import { ENTRY_PATTERN_FUZZY_MIN_LENGTH } from './entry-audience.js';
import type { TopicHintsData } from './search-data.js';
import { compilePatternSet, patternText } from './word-patterns.js';

/** The overviews a message asks for. */
export interface OverviewsAsked {
  /** Entry id → score multiplier (empty when the message asks for no overview). */
  boosts: ReadonlyMap<string, number>;
  /**
   * Entry id → the positions of the words that asked for it: those that named its group and those of the broad
   * question ("82", "года", "какие", "льготы" in "мне 82 года, какие льготы").
   */
  namedBy: ReadonlyMap<string, ReadonlySet<number>>;
  /**
   * The message only said who someone is (see `described`), maybe with the broad question and where they live: the
   * overview is all it asks.
   */
  describedOnly?: true;
}

export interface EntryOverviews {
  /**
   * What a message given as normalised words asks for. `where`: positions of the words that say where the person
   * lives («пермь», «из перми», «живу в г пермь»), which leave a description alone («мама 1940 года рождения пермь»).
   */
  asked(words: readonly string[], where?: ReadonlySet<number>): OverviewsAsked;
  /**
   * Positions of the words that describe someone: the words of who (`described`) and of a birth year (`born`: «мама
   * 1965 года рождения»). Empty without them in the data.
   */
  describing(words: readonly string[]): ReadonlySet<number>;
}

const NONE: OverviewsAsked = { boosts: new Map(), namedBy: new Map() };
const NO_WORDS: ReadonlySet<number> = new Set();

/**
 * How many words name a group at `positions`, the words of a birth year (`year`) counting as one: «1940 года
 * рождения» and «1950 г р» say one thing, a year. Counted as three, they named the pensioners more than «инвалид 2
 * группы» named people with a disability, and «мама 1940 года рождения инвалид 2 группы что положено» got choices of
 * disability measures with neither overview among them.
 */
function wordsNaming(positions: ReadonlySet<number>, year: ReadonlySet<number>): number {
  if (year.size === 0) return positions.size;
  let inYear = 0;
  for (const p of positions) if (year.has(p)) inYear++;
  return inYear === 0 ? positions.size : positions.size - inYear + 1;
}

export function createEntryOverviews(
  entries: readonly Pick<KnowledgeEntry, 'id' | 'overviewFor'>[],
  entitlement: TopicHintsData['entitlement'],
): EntryOverviews {
  const overviews = entries.flatMap((e) => (e.overviewFor ? [{ id: e.id, group: e.overviewFor }] : []));
  if (!entitlement || overviews.length === 0) return { asked: () => NONE, describing: () => NO_WORDS };
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
  // And the words of who is described («мама», «мне», «я»), for a message of nothing but a description.
  const described = entitlement.described === undefined ? undefined : sources.length;
  if (entitlement.described !== undefined) sources.push(entitlement.described);
  // And the words of a birth year, which describe someone too.
  const born = entitlement.born === undefined ? undefined : sources.length;
  if (entitlement.born !== undefined) sources.push(entitlement.born);
  // And the bare words that ask what is due only beside a description («мама 1952 года рождения льготы»): alone or
  // with a group they may name a measure («льгота 10 процентов по единому пособию»), so they are no cue of their own.
  const describedAsks = entitlement.describedAsks === undefined ? undefined : sources.length;
  if (entitlement.describedAsks !== undefined) sources.push(entitlement.describedAsks);
  const set = compilePatternSet(sources, {
    fuzzyMinLength: ENTRY_PATTERN_FUZZY_MIN_LENGTH,
  });
  return {
    describing(words) {
      if (words.length === 0 || (described === undefined && born === undefined)) return NO_WORDS;
      const m = set.match(patternText(words));
      const who = described === undefined ? NO_WORDS : m.positions(described);
      const year = born === undefined ? NO_WORDS : m.positions(born);
      return year.size === 0 ? who : new Set([...who, ...year]);
    },
    asked(words, where) {
      if (words.length === 0) return NONE;
      const m = set.match(patternText(words));
      if (unless !== undefined && m.matches(unless)) return NONE;
      const cued = m.matches(0);
      const who = described === undefined ? undefined : m.positions(described);
      // A birth year describes someone as the words of who do («муж 1970 года рождения инвалид 2 группы», «сын 2010
      // года рождения инвалид»: Perm's large-family status led on «инвалид», «2», «группы» and the place).
      const year = born === undefined ? NO_WORDS : m.positions(born);
      if (!cued && !who?.size && year.size === 0) return NONE;
      // The group named in the most words is the one asked about: "у дочки аутизм, дали инвалидность" names a
      // child with a disability (two words) and a disability (one), and the child's overview is what is due.
      const named = new Array<number>(overviews.length).fill(0);
      const naming = new Array<ReadonlySet<number> | undefined>(overviews.length);
      // Every word naming the group, by any of its alternatives («инвалид 2 группы»), for a description alone.
      const anyNaming = overviews.map(() => new Set<number>());
      alternatives.forEach((a, i) => {
        const positions = m.positions(i + 1);
        for (const p of positions) anyNaming[a.owner]!.add(p);
        const count = wordsNaming(positions, year);
        if (count > named[a.owner]!) {
          named[a.owner] = count;
          naming[a.owner] = positions;
        }
      });
      const most = Math.max(...named);
      if (most === 0) return NONE;
      const boosts = new Map<string, number>();
      const namedBy = new Map<string, ReadonlySet<number>>();
      const cue = cued ? m.positions(0) : NO_WORDS;
      const asks = describedAsks === undefined ? NO_WORDS : m.positions(describedAsks);
      // Every word names the group, who is described, their birth year, where they live, or asks the broad question.
      // The place lived in says where, not what («мама 1940 года рождения пермь» got Perm's birth payment).
      const describes = (group: ReadonlySet<number>) =>
        ((who?.size ?? 0) > 0 || year.size > 0) &&
        words.every(
          (_, at) =>
            group.has(at) || who?.has(at) || year.has(at) || cue.has(at) || asks.has(at) || where?.has(at),
        );
      let alone = true;
      overviews.forEach((o, i) => {
        if (named[i] !== most) return;
        const onlyDescribed = describes(anyNaming[i]!);
        // With no broad question, only a description.
        if (!cued && !onlyDescribed) return;
        boosts.set(o.id, entitlement.boost);
        // A description and the broad question alone («мама 1940 года рождения что положено»): the words of who count
        // as asking too, as they do without the question (the birth lump sum led on «мама» and «рождения»).
        namedBy.set(
          o.id,
          onlyDescribed
            ? new Set([...cue, ...asks, ...anyNaming[i]!, ...(who ?? []), ...year])
            : new Set([...cue, ...naming[i]!]),
        );
        alone &&= onlyDescribed;
      });
      if (boosts.size === 0) return NONE;
      return alone ? { boosts, namedBy, describedOnly: true } : { boosts, namedBy };
    },
  };
}
