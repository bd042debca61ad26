/**
 * A calendar date as Russian readers write it: "2026-12-31" → "31.12.2026"; a partial one keeps its parts
 * ("2026-03" → "03.2026", "2026" → "2026"). Dates in data files and the database are ISO; people read this.
 */
export function calendarDate(iso: string): string {
  return iso.split('-').reverse().join('.');
}

/** The UTC calendar date of an instant, as people read it: 1798675200000 → "31.12.2026". */
export function instantDate(ms: number): string {
  return calendarDate(new Date(ms).toISOString().slice(0, 10));
}
