/**
 * Entries written for one year («Индексация страховых пенсий в 2026 году», «Повышение пенсий в 2027 году»): of two
 * of one topic, a question naming a year is about the one dated to it. «на сколько поднимут пенсию с 1 января 2026»
 * got the 2027 card («Точный процент… смотрите на sfr.gov.ru»), whose words of the future fit «поднимут» better,
 * though the 2026 card has the 7.6% asked for (citizen audits 3 and 4).
 */
import type { KnowledgeEntry } from '../knowledge/entry.js';
import type { RankedEntry } from './knowledge-index.js';

/**
 * A year the entry is written for: «в 2026 году», «на 2026 год». Not a date a rule starts on («с 1 марта 2026
 * года», «с 1 апреля 2027 года»): such an entry answers questions about the years before and after it too (a
 * verification pass: «единое пособие иностранцам в 2026» lost the citizenship rule's card).
 */
const YEAR = /(?:^|\s)(?:в|на)\s+((?:19|20)\d\d)\s+год/gi;

/** The score kept by an entry dated to another year than the question's, when its topic has one of that year. */
const OTHER_YEAR = 0.5;

function yearsIn(text: string): Set<string> {
  return new Set([...text.matchAll(YEAR)].map((m) => m[1]!));
}

export interface DatedEntries {
  /** The ranking with entries dated to another year than the question names put below those of its year. */
  preferYearAsked(ranked: RankedEntry[], words: readonly string[]): RankedEntry[];
}

export function createDatedEntries(entries: readonly KnowledgeEntry[]): DatedEntries {
  const dated = new Map<string, ReadonlySet<string>>();
  for (const e of entries) {
    const years = yearsIn(e.title);
    if (years.size > 0) dated.set(e.id, years);
  }
  return {
    preferYearAsked(ranked, words) {
      const asked = words.filter((w) => /^(19|20)\d\d$/.test(w));
      if (asked.length === 0 || dated.size === 0) return ranked;
      const ofYear = (id: string) => asked.some((y) => dated.get(id)?.has(y));
      const topicsOfYear = new Set(ranked.filter((r) => ofYear(r.entry.id)).map((r) => r.entry.topic));
      if (topicsOfYear.size === 0) return ranked;
      let changed = false;
      const scored = ranked.map((r) => {
        if (!dated.has(r.entry.id) || ofYear(r.entry.id) || !topicsOfYear.has(r.entry.topic)) return r;
        changed = true;
        return { ...r, score: r.score * OTHER_YEAR };
      });
      return changed ? scored.sort((a, b) => b.score - a.score) : ranked;
    },
  };
}
