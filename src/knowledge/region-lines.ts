/**
 * A line of an entry that is one served region's own (`- **Пермский край:** краевая выплата…`, see
 * data/faq/README.md) is shown only to citizens of that region: a Volgograd widow was shown the Perm payment to
 * SVO wives (citizen audits 7 and 8, L8). Where the region is not known, such lines are left out and the region is
 * asked for, as for a regional figure.
 */
import type { CitizenRegion } from './figures.js';

/** How entries name the served regions at the start of such a line, as the bold label before the colon. */
const REGION_LABELS: Readonly<Record<Exclude<CitizenRegion, undefined>, string>> = {
  perm: 'пермский край',
  volgograd: 'волгоградская область',
};

/** `- **Label:** …`: a list line led by a bold label ending in a colon. */
const LABELLED_LINE = /^\s*- \*\*([^*]+?):\*\*/;

/** The served region a line is the own of, if it is such a line. */
export function regionOfLine(line: string): Exclude<CitizenRegion, undefined> | undefined {
  const label = LABELLED_LINE.exec(line)?.[1]?.trim().toLowerCase();
  if (label === undefined) return undefined;
  const found = Object.entries(REGION_LABELS).find(([, name]) => name === label);
  return found?.[0] as Exclude<CitizenRegion, undefined> | undefined;
}

export interface RegionLinesKept {
  text: string;
  /** Lines of a served region were left out because the citizen's region is not known. */
  hiddenForUnknown: boolean;
}

/** `text` without the lines of another served region than `region` (all of them when the region is not known). */
export function keepOwnRegionLines(text: string, region: CitizenRegion): RegionLinesKept {
  let hiddenForUnknown = false;
  const kept = text.split('\n').filter((line) => {
    const own = regionOfLine(line);
    if (own === undefined || own === region) return true;
    if (region === undefined) hiddenForUnknown = true;
    return false;
  });
  return { text: kept.join('\n'), hiddenForUnknown };
}
