/**
 * The figures of the supervisors' dashboard and the curators' report, computed from what the console store returns.
 * Pure functions: the SQL counts, these shape and summarise.
 */
import { comparableText } from '../i18n/comparable-text.js';
import { byCodePoint } from '../i18n/text-order.js';
import type { Platform } from '../messaging/incoming-event.js';
import type { ConversationDay, EntryReactions, TicketFigures, WeakAnswer } from './console-store.js';

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface DayRow {
  /** YYYY-MM-DD in the zone of the working hours. */
  date: string;
  byPlatform: Partial<Record<Platform, number>>;
  total: number;
}

export interface Dashboard {
  days: DayRow[];
  platforms: Platform[];
  conversations: number;
  resolvedByAssistant: number;
  handedOff: number;
  /** Shares 0–1 (undefined with no conversations). */
  resolvedShare?: number;
  handoffRate?: number;
  tickets: { created: number; taken: number; closed: number; cancelled: number; open: number };
  /** Medians in ms, in working time (what a citizen waited while someone could answer). */
  medianWaitMs?: number;
  medianFirstResponseMs?: number;
  ratings: { counts: [number, number, number, number, number]; average?: number; total: number };
  topTopics: { topic: string; count: number }[];
}

const DAY_MS = 86_400_000;

export function dayIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function buildDashboard(input: {
  days: ConversationDay[];
  tickets: TicketFigures[];
  topTopics: { topic: string; count: number }[];
  /** Every day of the period (days since epoch in the zone), so that quiet days show as zero. */
  fromDay: number;
  toDay: number;
  /** Working time between two instants. */
  workingMs: (from: number, to: number) => number;
}): Dashboard {
  const platforms = [...new Set(input.days.map((d) => d.platform))].sort();
  const rows = new Map<number, DayRow>();
  for (let day = input.fromDay; day <= input.toDay; day++)
    rows.set(day, { date: dayIso(day), byPlatform: {}, total: 0 });
  let conversations = 0;
  let resolvedByAssistant = 0;
  let handedOff = 0;
  for (const d of input.days) {
    const row = rows.get(d.day);
    if (row) {
      row.byPlatform[d.platform] = (row.byPlatform[d.platform] ?? 0) + d.conversations;
      row.total += d.conversations;
    }
    conversations += d.conversations;
    resolvedByAssistant += d.resolvedByAssistant;
    handedOff += d.handedOff;
  }
  const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  const rated: number[] = [];
  for (const t of input.tickets) {
    if (t.rating !== null && t.rating >= 1 && t.rating <= 5) {
      counts[t.rating - 1]! += 1;
      rated.push(t.rating);
    }
  }
  const waits = input.tickets
    .filter((t) => t.takenAt !== null)
    .map((t) => input.workingMs(t.createdAt, t.takenAt!));
  const firstResponses = input.tickets
    .filter((t) => t.firstResponseAt !== null)
    .map((t) => input.workingMs(t.createdAt, t.firstResponseAt!));
  const medianWaitMs = median(waits);
  const medianFirstResponseMs = median(firstResponses);
  return {
    days: [...rows.values()],
    platforms,
    conversations,
    resolvedByAssistant,
    handedOff,
    ...(conversations > 0
      ? { resolvedShare: resolvedByAssistant / conversations, handoffRate: handedOff / conversations }
      : {}),
    tickets: {
      created: input.tickets.length,
      taken: input.tickets.filter((t) => t.takenAt !== null).length,
      closed: input.tickets.filter((t) => t.status === 'closed').length,
      cancelled: input.tickets.filter((t) => t.status === 'cancelled').length,
      open: input.tickets.filter((t) => t.status === 'open').length,
    },
    ...(medianWaitMs !== undefined ? { medianWaitMs } : {}),
    ...(medianFirstResponseMs !== undefined ? { medianFirstResponseMs } : {}),
    ratings: {
      counts,
      total: rated.length,
      ...(rated.length > 0 ? { average: rated.reduce((a, b) => a + b, 0) / rated.length } : {}),
    },
    topTopics: input.topTopics,
  };
}

export type WeakKind = 'not_found' | 'clarify' | 'low_confidence' | 'out_of_scope';
export const WEAK_KINDS: readonly WeakKind[] = ['not_found', 'low_confidence', 'clarify', 'out_of_scope'];

export function weakKind(row: Pick<WeakAnswer, 'outcome'>): WeakKind {
  switch (row.outcome) {
    case 'clarify':
      return 'clarify';
    case 'refuse':
      return 'out_of_scope';
    case 'answer':
      return 'low_confidence';
    default:
      return 'not_found';
  }
}

/**
 * The answers citizens had trouble with: entries with a 👎 or a "не понял" in the period, most troubles first (then
 * the most answered). An entry that is often answered and rarely disliked stays out: it is not a curator's worry.
 */
export function troubledEntries(rows: readonly EntryReactions[], limit = 20): EntryReactions[] {
  const trouble = (r: EntryReactions) => r.notHelpful + r.notUnderstood;
  return rows
    .filter((r) => trouble(r) > 0)
    .sort((a, b) => trouble(b) - trouble(a) || b.answers - a.answers || byCodePoint(a.entryId, b.entryId))
    .slice(0, limit);
}

/** Lower case, ё → е, letters and digits only: "Пособие на ребёнка?!" and "пособие на ребенка" are one question. */
export function normalizeQuestion(text: string): string {
  return comparableText(text).slice(0, 200);
}

export interface QuestionGroup {
  /** A topic slug, or null when the assistant could not tell the topic. */
  topic: string | null;
  count: number;
  questions: { text: string; count: number; lastAt: number; confidence: number | null }[];
}

export interface WeakReport {
  kind: WeakKind;
  count: number;
  groups: QuestionGroup[];
}

/**
 * The curators' report: questions grouped by what went wrong, then by topic (most asked first), then the same
 * question asked several times counted once with its count.
 */
export function groupWeakAnswers(rows: readonly WeakAnswer[], questionsPerGroup = 15): WeakReport[] {
  const reports: WeakReport[] = [];
  for (const kind of WEAK_KINDS) {
    const ofKind = rows.filter((r) => weakKind(r) === kind);
    if (ofKind.length === 0) continue;
    const byTopic = new Map<string | null, WeakAnswer[]>();
    for (const r of ofKind) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
    const groups: QuestionGroup[] = [...byTopic.entries()].map(([topic, list]) => {
      const questions = new Map<string, QuestionGroup['questions'][number]>();
      for (const r of list) {
        const key = normalizeQuestion(r.text);
        const q = questions.get(key);
        if (q) {
          q.count += 1;
          if (r.createdAt > q.lastAt) Object.assign(q, { lastAt: r.createdAt, text: r.text });
        } else questions.set(key, { text: r.text, count: 1, lastAt: r.createdAt, confidence: r.confidence });
      }
      return {
        topic,
        count: list.length,
        questions: [...questions.values()]
          .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
          .slice(0, questionsPerGroup),
      };
    });
    groups.sort((a, b) => b.count - a.count || (a.topic === null ? 1 : b.topic === null ? -1 : 0));
    reports.push({ kind, count: ofKind.length, groups });
  }
  return reports;
}
