/**
 * Finding offices in the directory: by a typed town or district (any case, declined — "в Волжском" —, with a typo
 * or two, or typed with the English keyboard layout on) and by a shared location (the nearest, by great-circle
 * distance). Pure functions of the directory.
 */

import { byRussianName } from '../../i18n/text-order.js';
import { fromWrongLayout } from '../../search/keyboard-layout.js';
import { LONGEST_REMEMBERED_TEXT, type RecentResults, recentResults } from '../../search/recent-results.js';
import { stemRussian } from '../../search/russian-stemmer.js';
import type { Agency, AgencyDirectory, AgencyKind, Place } from './agency-directory.js';

/** Words that say what kind of place or office, not which one. */
const FILLER = new Set([
  'в',
  'во',
  'на',
  'по',
  'г',
  'гор',
  'город',
  'городе',
  'города',
  'пос',
  'поселок',
  'поселке',
  'пгт',
  'село',
  'селе',
  'с',
  'где',
  'адрес',
  'адреса',
  'мфц',
  'соцзащита',
  'соцзащиту',
  'соцзащиты',
  'я',
  'живу',
  'мы',
  'из',
  'обл',
  'область',
  'области',
  'край',
  'крае',
]);

export function placeWords(text: string): string[] {
  let t = text.toLowerCase().replace(/ё/g, 'е');
  // Typed with the English layout on: "djk;cbq" is "волжский".
  if (/[a-z]/.test(t) && !/[а-я]/.test(t)) t = fromWrongLayout(t).replace(/ё/g, 'е');
  return t
    .split(/[^a-zа-я0-9-]+/)
    .flatMap((w) => w.split(/(?<=[а-я])-(?=[а-я])/))
    .filter((w) => w.length > 0 && !FILLER.has(w));
}

/** Optimal string alignment distance (Levenshtein with swaps of neighbouring letters), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * A slip of the keys: one letter in a name of up to 8, two in a longer one, with the length about the same. A word
 * longer by two or more letters is another word made from the name ("волгоградская" is the region, not the city).
 */
function isTypo(typed: string, name: string): boolean {
  if (name.length < 5 || Math.abs(typed.length - name.length) > 1) return false;
  const allowed = name.length >= 9 ? 2 : 1;
  return editDistance(typed, name, allowed) <= allowed;
}

/**
 * How well a typed word matches a name word: 3 exact; 2 a declined form, the same Russian stem ("перми" for
 * "пермь", "волжского" for "волжский", "очёре" for "очёр"); 1 a typo of the word or of its stem ("перьм",
 * "волжкий", "валгограде"); 0 no match. A typo keeps the first letter: people miss letters inside a word, while a
 * common word one letter off a short town is another word ("уролог" is not Фролово, "коляска" not Волжский). And a
 * declined form must have the name's whole stem: "очереди" (stem "очеред") is not Очёр.
 */
export function wordMatch(typed: string, name: string): number {
  if (typed === name) return 3;
  const typedStem = stemRussian(typed);
  const nameStem = stemRussian(name);
  if (typedStem === nameStem) return 2;
  if (typed.length < 4 || typed[0] !== name[0]) return 0;
  return isTypo(typed, name) || isTypo(typedStem, nameStem) ? 1 : 0;
}

export interface PlaceMatch {
  place: Place;
  score: number;
}

/** Places whose name the text names, best first; more specific places (districts) win over their city. */
export function findPlaces(directory: AgencyDirectory, text: string): PlaceMatch[] {
  const words = placeWords(text);
  if (words.length === 0) return [];
  // A word matches a name word only if their first letters are the same (see wordMatch): names whose words' first
  // letters are not all among the text's are passed over unread. Every message is looked at for a place named.
  const initials = new Set(words.map((w) => w[0]));
  const matches: PlaceMatch[] = [];
  for (const place of directory.places) {
    let best = 0;
    for (const nameWords of nameWordsOf(place)) {
      if (!nameWords.every((nw) => initials.has(nw[0]))) continue;
      let total = 0;
      for (const nw of nameWords) {
        const score = Math.max(0, ...words.map((w) => wordMatch(w, nw)));
        if (score === 0) {
          total = 0;
          break;
        }
        total += score;
      }
      best = Math.max(best, total);
    }
    if (best > 0) matches.push({ place, score: best });
  }
  // A district named together with its city ("дзержинский район волгограда") keeps the district.
  matches.sort(
    (a, b) => b.score - a.score || Number(Boolean(b.place.parent)) - Number(Boolean(a.place.parent)),
  );
  const top = matches[0]?.score ?? 0;
  return matches.filter((m) => m.score === top);
}

/** Each name of a place as its words, fillers left out ("г", "район"…), read once a place. */
const placeNameWordLists = new WeakMap<Place, string[][]>();
function nameWordsOf(place: Place): string[][] {
  let lists = placeNameWordLists.get(place);
  if (!lists) {
    lists = place.names.map((name) => name.split(/\s+/).filter((w) => !FILLER.has(w)));
    placeNameWordLists.set(place, lists);
  }
  return lists;
}

/** The words of a place's names and its city's ("волжский", "дзержинский", "район", "волгоград"). */
function placeNameWords(directory: AgencyDirectory, place: Place): string[] {
  const parent = place.parent ? directory.place(place.parent) : undefined;
  return [...place.names, ...(parent?.names ?? [])].flatMap((n) => n.split(/\s+/));
}

/**
 * The words of a text besides the places it was found to name (and their cities) and the words that say what kind
 * of place: what else the message says. "где оформить субсидию во фролово" → где, оформить, субсидию.
 */
export function wordsBesidePlaces(
  directory: AgencyDirectory,
  text: string,
  places: readonly Place[],
): string[] {
  const nameWords = places.flatMap((p) => placeNameWords(directory, p));
  return placeWords(text).filter((w) => !nameWords.some((nw) => wordMatch(w, nw) > 0));
}

/** Words after which a question names a place: "во Фролово", "из Волжского", "г. Губаха". */
const LOCATIVE = new Set([
  'в',
  'во',
  'из',
  'г',
  'город',
  'городе',
  'пос',
  'поселок',
  'поселке',
  'пгт',
  'селе',
]);

/**
 * A typed word is this name word, a declined form of it ("фроловском", "из волжского") or has one typo ("фралово").
 * Stricter than `wordMatch`, which allows two typos in a long name: in a question the word after "в" is often no
 * place at all.
 */
function namesWord(typed: string, name: string): boolean {
  const score = wordMatch(typed, name);
  return score >= 2 || (score === 1 && editDistance(typed, name, 1) <= 1);
}

export interface NamedPlace {
  place: Place;
  /** The message's other words, lower case: the place, its city and the word before them left out. */
  readonly rest: readonly string[];
}

/** The one place a window of words names; a district named with its city is the district. */
function onePlace(directory: AgencyDirectory, window: readonly string[]): Place | undefined {
  const matches = findPlaces(directory, window.join(' '));
  const districts = matches.filter((m) => m.place.parent !== undefined);
  if (matches.length === 1) return matches[0]!.place;
  return districts.length === 1 &&
    matches.every((m) => m === districts[0] || m.place.id === districts[0]!.place.parent)
    ? districts[0]!.place
    : undefined;
}

/**
 * The town or district of the directory a question names after "в", "во", "из" ("а куда идти во фролово", "где
 * соцзащита в Волжском"), with the rest of its words; undefined when it names none or several. A district named
 * with its city ("в Дзержинском районе Волгограда") is the district.
 *
 * With `alone`, also a name standing without a preposition ("соцзащита фролово адрес", "мфц волжский телефон"), for
 * a caller that knows the question is about offices: written out or declined, never with a typo, since without "в"
 * nothing says the word is a place ("губках" is not Губаха, "первый" not Пермь).
 */
export function placeNamedIn(
  directory: AgencyDirectory,
  text: string,
  options: { alone?: boolean } = {},
): NamedPlace | undefined {
  if (text.length > LONGEST_REMEMBERED_TEXT) return readPlaceNamed(directory, text, options.alone === true);
  let remembered = placesNamed.get(directory);
  if (!remembered) {
    remembered = recentResults(PLACES_NAMED_MEMORY_SIZE);
    placesNamed.set(directory, remembered);
  }
  const alone = options.alone === true;
  return remembered.get(`${alone ? 'a' : ''}|${text}`, () => {
    const named = readPlaceNamed(directory, text, alone);
    if (named) Object.freeze(named.rest);
    return named && Object.freeze(named);
  });
}

/**
 * Distinct texts whose place is remembered per directory. The engine asks for every question outside the finder
 * (and the finder and the complaint flow for theirs), each time walking windows of its words through the whole
 * gazetteer: 1.3% of the main thread under load and a large share of its short-lived objects, for texts that come
 * back (`npm run bench`). A reloaded directory is a new object, with a memory of its own.
 */
const PLACES_NAMED_MEMORY_SIZE = 1000;
const placesNamed = new WeakMap<AgencyDirectory, RecentResults<NamedPlace | undefined>>();

function readPlaceNamed(directory: AgencyDirectory, text: string, alone: boolean): NamedPlace | undefined {
  const words = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^a-zа-я0-9-]+/)
    .filter((w) => w.length > 0);
  const named = (at: number, end: number, preposition?: number): NamedPlace | undefined => {
    const window = words.slice(at, end);
    const place = onePlace(directory, window);
    if (!place) return undefined;
    const nameWords = placeNameWords(directory, place);
    const first = window[0]!;
    const isName =
      preposition === undefined
        ? nameWords.some((nw) => wordMatch(first, nw) >= 2)
        : nameWords.some((nw) => namesWord(first, nw));
    if (!isName) return undefined;
    const placeWordsAt = new Set(
      window.flatMap((w, j) => (nameWords.some((nw) => wordMatch(w, nw) > 0) ? [at + j] : [])),
    );
    return { place, rest: words.filter((_, k) => k !== preposition && !placeWordsAt.has(k)) };
  };
  for (const [i, word] of words.entries()) {
    if (!LOCATIVE.has(word) || words[i + 1] === undefined) continue;
    const found = named(i + 1, i + 4, i);
    if (found) return found;
  }
  if (!alone) return undefined;
  for (const [i, word] of words.entries()) {
    if (LOCATIVE.has(word)) continue;
    const found = named(i, i + 3);
    if (found) return found;
  }
  return undefined;
}

/** The order of offices in a list: where most social matters are decided first. */
const KIND_ORDER: readonly AgencyKind[] = [
  'social-protection',
  'sfr-client-service',
  'mfc',
  'regional-ministry',
];

function byUsefulness(a: Agency, b: Agency): number {
  return (
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    Number(Boolean(b.address)) - Number(Boolean(a.address)) ||
    byRussianName(a.name, b.name)
  );
}

/**
 * Offices in a place: the place's own first, then (for a city) its districts'; for a district, then its city's. With
 * `asked`, offices of that kind first, the place's own and then its districts' («мфц фролово» listed the social centre
 * first; «где мфц в волгограде» the regional committee, the city's only own office, before the districts' МФЦ).
 */
export function agenciesIn(directory: AgencyDirectory, place: Place, asked?: AgencyKind): Agency[] {
  const own = directory.agencies.filter((a) => a.place === place.id).sort(byUsefulness);
  const related = directory.agencies
    .filter((a) => {
      if (a.place === place.id) return false;
      const p = directory.place(a.place);
      return (
        p?.parent === place.id ||
        (place.parent !== undefined && (a.place === place.parent || p?.parent === place.parent))
      );
    })
    .sort(byUsefulness);
  const all = [...own, ...related];
  if (asked === undefined) return all;
  return [...all.filter((a) => a.kind === asked), ...all.filter((a) => a.kind !== asked)];
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface NearbyAgency {
  agency: Agency;
  km: number;
  /** The distance is to the centre of the office's town (its own coordinates are not in the directory). */
  toTownCentre: boolean;
}

/** Where the office is for distances: its own coordinates, else its place's (or the place's city's) centre. */
export function locate(
  directory: AgencyDirectory,
  agency: Agency,
): { point: { lat: number; lon: number }; own: boolean } | undefined {
  if (agency.coordinates) return { point: agency.coordinates, own: true };
  const place = directory.place(agency.place);
  const centre = place?.centre ?? (place?.parent ? directory.place(place.parent)?.centre : undefined);
  return centre ? { point: centre, own: false } : undefined;
}

/**
 * The `count` nearest offices. Offices of one town share its centre when their own coordinates are unknown, so
 * among (nearly) equally distant ones different kinds are preferred, then those with an address.
 */
export function nearestAgencies(
  directory: AgencyDirectory,
  from: { lat: number; lon: number },
  count = 3,
): NearbyAgency[] {
  const candidates: NearbyAgency[] = [];
  for (const agency of directory.agencies) {
    const where = locate(directory, agency);
    if (where) candidates.push({ agency, km: distanceKm(from, where.point), toTownCentre: !where.own });
  }
  candidates.sort((a, b) => a.km - b.km || byUsefulness(a.agency, b.agency));
  const chosen: NearbyAgency[] = [];
  while (chosen.length < count && candidates.length > 0) {
    const nearest = candidates[0]!.km;
    const tied = candidates.filter((c) => c.km - nearest < 1);
    const kinds = new Set(chosen.map((c) => c.agency.kind));
    const pick =
      tied.find((c) => !kinds.has(c.agency.kind) && c.agency.address) ??
      tied.find((c) => !kinds.has(c.agency.kind)) ??
      tied.find((c) => c.agency.address) ??
      tied[0]!;
    chosen.push(pick);
    candidates.splice(candidates.indexOf(pick), 1);
  }
  return chosen;
}
