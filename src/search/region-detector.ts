/**
 * Finds which of the served regions a message names (the region, its centre or a town: "в Березниках",
 * "Камышин"), from `data/search/regions.yaml`. Used to fill figures for the right region and to rank that
 * region's entries first.
 */
import type { RegionsData, ServedRegion } from './search-data.js';
import { compilePatternSet, patternText } from './word-patterns.js';

export interface RegionMention {
  region: ServedRegion;
  /** Positions of the words that name it. */
  positions: ReadonlySet<number>;
  /** How the knowledge base names the region. */
  canonical: string;
}

export interface RegionDetector {
  /** The region named in the words; undefined when none or both are named. */
  detect(words: readonly string[]): ServedRegion | undefined;
  /** The same with the words that name it. */
  locate(words: readonly string[]): RegionMention | undefined;
}

/**
 * The last words looked at, and what was found. The engine looks for the region of a message and then the search
 * does, with its own detector over the same data: both get the analyser's shared words (see patternText).
 */
let last: { data: RegionsData; words: readonly string[]; mention: RegionMention | undefined } | undefined;

export function createRegionDetector(data: RegionsData): RegionDetector {
  const regions = Object.entries(data.regions).map(([region, { canonical, names }]) => ({
    region: region as ServedRegion,
    canonical,
    // One pattern per region: its names joined as alternatives.
    pattern: names.join('|'),
  }));
  const set = compilePatternSet(
    regions.map((r) => r.pattern),
    { fuzzyMinLength: data.fuzzyMinLength },
  );
  const locate = (words: readonly string[]): RegionMention | undefined => {
    if (words.length === 0) return undefined;
    if (last?.data === data && last.words === words) return last.mention;
    const mention = find(words);
    last = { data, words, mention };
    return mention;
  };
  const find = (words: readonly string[]): RegionMention | undefined => {
    const m = set.match(patternText(words));
    const named = regions.map((r, id) => ({ ...r, id })).filter((r) => m.matches(r.id));
    if (named.length !== 1) return undefined;
    const { region, canonical, id } = named[0]!;
    return { region, canonical, positions: m.positions(id) };
  };
  return { locate, detect: (words) => locate(words)?.region };
}
