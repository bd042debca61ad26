/**
 * Finds which of the served regions a message names (the region, its centre or a town: "в Березниках",
 * "Камышин"), from `data/search/regions.yaml`. Used to fill figures for the right region and to rank that
 * region's entries first. It also finds a place elsewhere in Russia ("я живу в саратове", "Саратовская область",
 * "другой регион"), which the knowledge base has no regional data for: the citizen's region, not the question.
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

/** A place a message names: a served region, or another region of Russia. */
export interface PlaceMention {
  region: ServedRegion | 'other';
  /** Another region named by its name: its id and name in regions.yaml (none for "другой регион" or for two). */
  other?: { id: string; name: string };
  /**
   * Only "другой регион" (no name): the answer to "which region?", but in a question ("переехала в другой регион,
   * как перевести пенсию") it says nothing of where the person lives now.
   */
  elsewhere?: true;
  /** Positions of the words that name the place. */
  positions: ReadonlySet<number>;
  /** Positions of the words saying where one lives ("живу", "проживаю"). */
  residence: ReadonlySet<number>;
  /** Positions of the words that go with a place ("город", "область", "село"). */
  placeWords: ReadonlySet<number>;
}

export interface RegionDetector {
  /** The region named in the words; undefined when none or both are named. */
  detect(words: readonly string[]): ServedRegion | undefined;
  /** The same with the words that name it. */
  locate(words: readonly string[]): RegionMention | undefined;
  /**
   * The place the words name: a served region as `locate` finds it, else another region of Russia (by name, or
   * "другой регион"). Undefined when none, or both served regions, are named.
   */
  place(words: readonly string[]): PlaceMention | undefined;
  /**
   * Whether one word alone goes with the place `mention` names: a place word, a word of residence, or the place's
   * name again. A pattern is matched once in a message, so a word said twice counts at its first occurrence only.
   */
  repeatsPlace(word: string, mention: PlaceMention): boolean;
  /** How the assistant names another region, by its id ("saratov" → "Саратовская область"). */
  otherRegionName(id: string): string | undefined;
  /** Positions of the words of residence («живу») and of the words that go with a place («село»), a place named or not. */
  surroundings(words: readonly string[]): { residence: ReadonlySet<number>; placeWords: ReadonlySet<number> };
  /** Whether the words ask for the region's own measure («краевой материнский капитал», «льготы от края»). */
  asksRegionalMeasure(words: readonly string[]): boolean;
}

/** What the words of one message name: the served region, how many served regions, and the place once asked. */
interface Found {
  mention: RegionMention | undefined;
  servedNamed: number;
  place?: { value: PlaceMention | undefined };
}

/**
 * The last words looked at, and what was found. The engine looks for the region of a message and then the search
 * does, with its own detector over the same data: both get the analyser's shared words (see patternText).
 */
let last: { data: RegionsData; words: readonly string[]; found: Found } | undefined;

/**
 * One detector for the data: the search and the engine's understanding each ask for one over the same regions, and
 * compiling the names twice held a second copy of every pattern set.
 */
const detectors = new WeakMap<RegionsData, RegionDetector>();

export function createRegionDetector(data: RegionsData): RegionDetector {
  let detector = detectors.get(data);
  if (!detector) {
    detector = compileRegionDetector(data);
    detectors.set(data, detector);
  }
  return detector;
}

function compileRegionDetector(data: RegionsData): RegionDetector {
  const regions = Object.entries(data.regions).map(([region, { canonical, names }]) => ({
    region: region as ServedRegion,
    canonical,
    // One pattern per region: its names joined as alternatives.
    pattern: names.join('|'),
  }));
  const options = { fuzzyMinLength: data.fuzzyMinLength };
  const set = compilePatternSet(
    regions.map((r) => r.pattern),
    options,
  );
  const others = Object.entries(data.otherRegions).map(([id, { name, names }]) => ({
    id,
    name,
    pattern: names.join('|'),
  }));
  const otherSet = compilePatternSet(
    others.map((r) => r.pattern),
    options,
  );
  // The words around a place, in one set: "другой регион", residence, place words, a regional measure asked for (an
  // empty pattern never matches).
  const [ELSEWHERE, RESIDENCE, PLACE_WORDS, REGIONAL_MEASURE] = [0, 1, 2, 3];
  const aroundSet = compilePatternSet(
    [data.otherRegion, data.residence, data.placeWords, data.regionalMeasure],
    options,
  );

  const look = (words: readonly string[]): Found => {
    if (last?.data === data && last.words === words) return last.found;
    const m = set.match(patternText(words));
    const named = regions.map((r, id) => ({ ...r, id })).filter((r) => m.matches(r.id));
    const one = named.length === 1 ? named[0]! : undefined;
    const found: Found = {
      mention: one && { region: one.region, canonical: one.canonical, positions: m.positions(one.id) },
      servedNamed: named.length,
    };
    last = { data, words, found };
    return found;
  };
  const locate = (words: readonly string[]): RegionMention | undefined =>
    words.length === 0 ? undefined : look(words).mention;

  const findPlace = (words: readonly string[], found: Found): PlaceMention | undefined => {
    const text = patternText(words);
    const around = aroundSet.match(text);
    const residence = around.positions(RESIDENCE);
    const placeWords = around.positions(PLACE_WORDS);
    const served = found.mention;
    if (served) return { region: served.region, positions: served.positions, residence, placeWords };
    // Both served regions named ("не из перми и не из волгограда"): not a place of one's own.
    if (found.servedNamed > 0) return undefined;
    const m = otherSet.match(text);
    // Indexes, not objects: every message is looked at, and an object per region was most of the time spent here.
    const named: number[] = [];
    for (let index = 0; index < others.length; index++) if (m.matches(index)) named.push(index);
    if (named.length > 0) {
      const one = named.length === 1 ? others[named[0]!]! : undefined;
      return {
        region: 'other',
        ...(one ? { other: { id: one.id, name: one.name } } : {}),
        positions: new Set(named.flatMap((index) => [...m.positions(index)])),
        residence,
        placeWords,
      };
    }
    if (!around.matches(ELSEWHERE)) return undefined;
    return {
      region: 'other',
      elsewhere: true,
      positions: around.positions(ELSEWHERE),
      residence,
      placeWords,
    };
  };
  const place = (words: readonly string[]): PlaceMention | undefined => {
    if (words.length === 0) return undefined;
    const found = look(words);
    found.place ??= { value: findPlace(words, found) };
    return found.place.value;
  };

  const repeatsPlace = (word: string, mention: PlaceMention): boolean => {
    const text = patternText([word]);
    const around = aroundSet.match(text);
    if (around.matches(PLACE_WORDS) || around.matches(RESIDENCE)) return true;
    if (mention.region !== 'other') {
      return set.match(text).matches(regions.findIndex((r) => r.region === mention.region));
    }
    const other = mention.other ? others.findIndex((o) => o.id === mention.other?.id) : -1;
    return other >= 0 && otherSet.match(text).matches(other);
  };

  return {
    locate,
    detect: (words) => locate(words)?.region,
    place,
    repeatsPlace,
    otherRegionName: (id) => data.otherRegions[id]?.name,
    surroundings(words) {
      const around = aroundSet.match(patternText(words));
      return { residence: around.positions(RESIDENCE), placeWords: around.positions(PLACE_WORDS) };
    },
    asksRegionalMeasure: (words) => aroundSet.match(patternText(words)).matches(REGIONAL_MEASURE),
  };
}
