/**
 * The answer to "когда работают консультанты?", "вы работаете 31 декабря?": the assistant answers at any hour, the
 * consultants by the working hours (`DialogDeps.queue.hours.calendar`), with the days off and moved working days of
 * the next two weeks, and whether someone answers now.
 */
import {
  addDays,
  localTime,
  rangesOn,
  type TimeRange,
  type Weekday,
  type WorkingHours,
  weekdayOf,
} from '../handoff/working-hours.js';
import type { OutgoingMessage } from '../messaging/outgoing-message.js';
import { parseRichText, type RichText } from '../messaging/rich-text.js';
import { dayAndMonth, openingPhrase } from './queue-replies.js';
import * as reply from './reply-builders.js';
import type { Turn } from './turn.js';

const WEEK_ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** How far ahead days off and moved working days are named: in early December the New Year holidays fit. */
const LOOKAHEAD_DAYS = 40;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function rangesText(turn: Turn, ranges: readonly TimeRange[]): string {
  if (ranges.length === 0) return turn.ctx.t('hours.closed_day');
  return ranges.map((r) => `${hhmm(r.from)}–${hhmm(r.to)}`).join(', ');
}

const sameRanges = (a: readonly TimeRange[], b: readonly TimeRange[]) =>
  a.length === b.length && a.every((r, i) => r.from === b[i]?.from && r.to === b[i]?.to);

/** "пн–чт: 09:00–18:00", "пт: 09:00–16:45", "сб, вс: выходной": runs of days with the same hours. */
export function weekLines(turn: Turn, hours: WorkingHours): string[] {
  const day = (d: Weekday) => turn.ctx.t(`hours.days.${d}`);
  const lines: string[] = [];
  let start = 0;
  for (let i = 1; i <= WEEK_ORDER.length; i++) {
    const first = WEEK_ORDER[start]!;
    const current = WEEK_ORDER[i];
    if (current && sameRanges(hours.week[current], hours.week[first])) continue;
    const last = WEEK_ORDER[i - 1]!;
    const days =
      i - start === 1
        ? day(first)
        : i - start === 2
          ? `${day(first)}, ${day(last)}`
          : `${day(first)}–${day(last)}`;
    lines.push(`${days}: ${rangesText(turn, hours.week[first])}`);
    start = i;
  }
  return lines;
}

/**
 * The days of the next weeks whose hours differ from their weekday's: holidays and moved working days. Days off in a
 * row count as one, over the weekends between them ("31 декабря (чт) – 8 января (пт)"), as people name the New Year
 * holidays.
 */
export function exceptionLines(turn: Turn, hours: WorkingHours): string[] {
  const label = (date: string) =>
    `${dayAndMonth(turn.ctx.t, date)} (${turn.ctx.t(`hours.days.${weekdayOf(date)}`)})`;
  const today = localTime(turn.deps.now, hours.timeZone).date;
  const lines: string[] = [];
  let run: { from: string; to: string } | undefined;
  const closeRun = () => {
    if (!run) return;
    const date = run.from === run.to ? label(run.from) : `${label(run.from)} – ${label(run.to)}`;
    lines.push(turn.ctx.t('hours.day_off', { date }));
    run = undefined;
  };
  for (let i = 0; i < LOOKAHEAD_DAYS; i++) {
    const date = addDays(today, i);
    const usual = hours.week[weekdayOf(date)];
    const ranges = rangesOn(hours, date);
    if (sameRanges(ranges, usual)) {
      // A usual day off inside a run of holidays belongs to it; a usual working day ends it.
      if (usual.length > 0) closeRun();
      continue;
    }
    if (ranges.length === 0) {
      if (run) run.to = date;
      else run = { from: date, to: date };
      continue;
    }
    closeRun();
    lines.push(turn.ctx.t('hours.day_hours', { date: label(date), hours: rangesText(turn, ranges) }));
  }
  closeRun();
  return lines;
}

export function serviceHoursMessage(turn: Turn): OutgoingMessage {
  const t = turn.ctx.t;
  const q = turn.deps.queue;
  const bot = parseRichText(t('hours.bot'));
  if (!q)
    return { text: [...bot, ...parseRichText(t('hours.unknown'))], buttons: [reply.footerRow(turn.ctx)] };
  const { calendar } = q.hours;
  const zone = q.hours.label[turn.state.locale] ?? t('queue.zone_fallback', { zone: q.hours.timeZone });
  const list = (lines: string[]) => lines.map((l) => `- ${l}`).join('\n');
  const exceptions = exceptionLines(turn, calendar);
  const now: RichText = parseRichText(
    q.hours.open
      ? t('hours.open_now')
      : q.hours.opensAt !== undefined
        ? t('hours.closed_now', { when: openingPhrase(turn, q.hours.opensAt, q.hours.timeZone) })
        : t('hours.unknown'),
  );
  return {
    text: [
      ...bot,
      ...parseRichText(`${t('hours.title', { zone })}\n${list(weekLines(turn, calendar))}`),
      ...(exceptions.length > 0 ? parseRichText(`${t('hours.exceptions')}\n${list(exceptions)}`) : []),
      ...now,
    ],
    buttons: [reply.footerRow(turn.ctx)],
  };
}
