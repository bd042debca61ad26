/**
 * A question about a later year than the figures shown: «а на 2027» after the Perm subsistence minimum for 2026,
 * «единое пособие с 1 января 2027 сколько будет». The figures in data/figures.yaml are the ones in force; those that
 * change by then (their `next_change`) are not known for that year yet, and the answer must say so instead of
 * giving this year's sums as next year's (citizen audit 5, H10 and M4).
 */
import { comparableText } from '../i18n/comparable-text.js';
import type { KnowledgeEntry } from '../knowledge/entry.js';
import { type FigureTable, figureRefs } from '../knowledge/figures.js';

/** Years named further ahead than this are no question about the coming indexation. */
const MAX_YEARS_AHEAD = 5;
/** «в следующем году», «с нового года»; not the greeting «с новым годом» (a verification pass). */
const NEXT_YEAR = /(^| )((в|на|со?|к) (следующ|будущ)\S* год|(в|на|к) нов\S* год|с нового года)/;

/** The later year a message asks about («2027», «в следующем году»), or undefined. */
export function laterYearAsked(text: string, currentYear: number): number | undefined {
  const words = comparableText(text);
  const years = [...words.matchAll(/(?:^| )(20\d\d)(?= |$)/g)]
    .map((m) => Number(m[1]))
    .filter((y) => y > currentYear && y <= currentYear + MAX_YEARS_AHEAD);
  if (years.length > 0) return Math.min(...years);
  return NEXT_YEAR.test(words) ? currentYear + 1 : undefined;
}

/**
 * The earliest date by `year` on which a figure the entry shows changes (YYYY-MM-DD), or undefined when none of its
 * figures changes by then (or it shows none).
 */
export function figuresChangeBy(
  entry: KnowledgeEntry,
  figures: FigureTable,
  year: number,
): string | undefined {
  const texts = [entry.short, ...Object.values(entry.sections)];
  const changes = [...new Set(texts.flatMap((t) => figureRefs(t ?? '')))]
    .map((key) => figures.get(key)?.nextChange)
    .filter((d): d is string => d !== undefined && Number(d.slice(0, 4)) <= year)
    .sort();
  return changes[0];
}
