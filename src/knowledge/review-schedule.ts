/**
 * What curators should re-check next: entries whose review date is past or comes within a horizon, by date.
 * kb:check warns only once a date has passed; entries written together share a date (84 of them once had
 * 2026-12-31), so the report lists them while there is still time to spread the work.
 */
import { addDays } from '../handoff/working-hours.js';
import { byCodePoint } from '../i18n/text-order.js';
import type { KnowledgeEntry } from './entry.js';

const LINE_WIDTH = 110;

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

/** An entry to re-check: its review date is past or comes within the horizon. */
export interface DueEntry {
  id: string;
  reviewBy: string;
  past: boolean;
}

/** Entries past their review date or due within `horizonDays` of `today`, soonest first (ids in order on a date). */
export function entriesDueForReview(
  entries: readonly Pick<KnowledgeEntry, 'id' | 'reviewBy'>[],
  today: string,
  horizonDays = 30,
): DueEntry[] {
  const horizon = addDays(today, horizonDays);
  return entries
    .filter((e) => e.reviewBy <= horizon)
    .map((e) => ({ id: e.id, reviewBy: e.reviewBy, past: e.reviewBy < today }))
    .sort((a, b) => byCodePoint(a.reviewBy, b.reviewBy) || byCodePoint(a.id, b.id));
}

/** The kb:check lines: counts, then the due entries grouped by date. */
export function reviewSchedule(
  entries: readonly Pick<KnowledgeEntry, 'id' | 'reviewBy'>[],
  today: string,
  horizonDays = 30,
): string[] {
  const due = entriesDueForReview(entries, today, horizonDays);
  const past = due.filter((e) => e.past).length;
  const lines = [
    `Review dates (today ${today}): ${past} past, ${due.length - past} due within ${horizonDays} days, ${entries.length - due.length} later.`,
  ];
  const byDate = new Map<string, string[]>();
  for (const e of due) byDate.set(e.reviewBy, [...(byDate.get(e.reviewBy) ?? []), e.id]);
  for (const [date, ids] of byDate) {
    lines.push(`  ${date}${date < today ? ' (past)' : ''}: ${ids.length}`, ...wrapIds(ids, '    '));
  }
  return lines;
}
