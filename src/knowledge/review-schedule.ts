/**
 * What curators should re-check next: entries whose review date is past or comes within a horizon, by date.
 * kb:check warns only once a date has passed; entries written together share a date (84 of them once had
 * 2026-12-31), so the report lists them while there is still time to spread the work.
 */
import type { KnowledgeEntry } from './entry.js';

const LINE_WIDTH = 110;

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Comma-separated ids broken into lines of at most LINE_WIDTH characters, each with `indent`. */
function wrapIds(ids: string[], indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const id of ids) {
    const next = line === '' ? id : `${line}, ${id}`;
    if (line !== '' && indent.length + next.length > LINE_WIDTH) {
      lines.push(`${indent}${line},`);
      line = id;
    } else {
      line = next;
    }
  }
  if (line !== '') lines.push(`${indent}${line}`);
  return lines;
}

export function reviewSchedule(
  entries: readonly Pick<KnowledgeEntry, 'id' | 'reviewBy'>[],
  today: string,
  horizonDays = 30,
): string[] {
  const horizon = addDays(today, horizonDays);
  const byDate = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.reviewBy > horizon) continue;
    const ids = byDate.get(entry.reviewBy) ?? [];
    ids.push(entry.id);
    byDate.set(entry.reviewBy, ids);
  }
  const dates = [...byDate.keys()].sort();
  const count = (pick: (date: string) => boolean) =>
    dates.filter(pick).reduce((n, date) => n + byDate.get(date)!.length, 0);
  const past = count((d) => d < today);
  const soon = count((d) => d >= today);
  const lines = [
    `Review dates (today ${today}): ${past} past, ${soon} due within ${horizonDays} days, ${entries.length - past - soon} later.`,
  ];
  for (const date of dates) {
    const ids = byDate.get(date)!.sort();
    lines.push(`  ${date}${date < today ? ' (past)' : ''}: ${ids.length}`, ...wrapIds(ids, '    '));
  }
  return lines;
}
