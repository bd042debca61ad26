/**
 * What a waiting citizen is told about the queue: their place, the expected wait, and out of hours when a consultant
 * will answer. Built from `DialogDeps.queue` (plain data computed by the runner); nothing when it is missing.
 */
import type { QueuePlace } from '../handoff/queue-info.js';
import { roundWaitMinutes } from '../handoff/wait-estimate.js';
import { localTime, weekdayOf } from '../handoff/working-hours.js';
import { clockTime } from '../i18n/zone-clock.js';
import type { OutgoingMessage } from '../messaging/outgoing-message.js';
import { parseRichText, type RichText } from '../messaging/rich-text.js';
import * as reply from './reply-builders.js';
import type { Turn } from './turn.js';

/** "около 15 мин" / "about 2 h". */
export function waitPhrase(turn: Turn, ms: number): string {
  const minutes = roundWaitMinutes(ms);
  const t = turn.ctx.t;
  if (minutes < 60) return t('queue.wait.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0
    ? t('queue.wait.hours', { hours })
    : t('queue.wait.hours_minutes', { hours, minutes: rest });
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** "12 января" / "12 January" for a local date (YYYY-MM-DD); month names come from the locale file. */
export function dayAndMonth(t: Turn['ctx']['t'], date: string): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return t('calendar.day_month', { day, month: t(`calendar.months.${MONTHS[month - 1]}`) });
}

/**
 * "сегодня в 14:00", "завтра в 09:00", "в понедельник, 12 января, в 09:00", in the zone of the working hours. The
 * weekday comes from the locale file, with its preposition ("во вторник", "в среду"): Intl names it in the nominative
 * ("Вам ответят понедельник" was the result).
 */
export function openingPhrase(turn: Turn, at: number, timeZone: string): string {
  const t = turn.ctx.t;
  const time = clockTime(at, timeZone);
  const today = localTime(turn.deps.now, timeZone).date;
  const day = localTime(at, timeZone).date;
  const tomorrow = localTime(turn.deps.now + 86_400_000, timeZone).date;
  if (day === today) return t('queue.when.today', { time });
  if (day === tomorrow) return t('queue.when.tomorrow', { time });
  return t('queue.when.later', {
    day: t(`queue.when.on.${weekdayOf(day)}`),
    date: dayAndMonth(t, day),
    time,
  });
}

/** When consultants work again ("в понедельник, 7 декабря, в 09:00"), when they are not working now. */
export function reopening(turn: Turn): string | undefined {
  const q = turn.deps.queue;
  if (!q || q.hours.open || q.hours.opensAt === undefined) return undefined;
  return openingPhrase(turn, q.hours.opensAt, q.hours.timeZone);
}

/** The out-of-hours notice, when consultants are not working now. */
export function closedNotice(turn: Turn): RichText {
  const q = turn.deps.queue;
  const when = reopening(turn);
  if (!q || when === undefined) return [];
  const zone =
    q.hours.label[turn.state.locale] ?? turn.ctx.t('queue.zone_fallback', { zone: q.hours.timeZone });
  return parseRichText(turn.ctx.t('queue.closed', { when, zone }));
}

/** "Вы 3-й в очереди. Примерное ожидание — около 15 мин." (the wait only while consultants work). */
export function placeLines(turn: Turn, place: QueuePlace | undefined): RichText {
  const q = turn.deps.queue;
  if (!q || !place) return [];
  const t = turn.ctx.t;
  if (q.hours.open && place.waitMs !== undefined)
    return parseRichText(
      t('queue.position_wait', { position: place.position, wait: waitPhrase(turn, place.waitMs) }),
    );
  return parseRichText(t('queue.position', { position: place.position }));
}

/**
 * The confirmation of a new ticket: "Передаю ваш вопрос консультанту…", the place in the queue, and out of hours
 * first when a consultant will answer (it came last, after the place, and the reply read as if someone would answer
 * now; a web chat audit), then a phone to call meanwhile.
 */
export function newTicketConfirm(turn: Turn, leadKeys: string[]): OutgoingMessage {
  const q = turn.deps.queue;
  const closed = closedNotice(turn);
  const place = q ? placeLines(turn, q.forNew.normal) : [];
  const hotline = closed.length > 0 ? parseRichText(turn.ctx.t('queue.closed_hotline')) : [];
  return reply.handoffConfirm(turn.ctx, leadKeys, undefined, [...place, ...hotline], closed);
}

/**
 * Out of hours, for someone in danger: when a person will answer, and not to wait for it but to call 112 ("вам
 * ответят в понедельник" alone read as "nobody will help you now").
 */
export function urgentClosedNotice(turn: Turn): RichText {
  const closed = closedNotice(turn);
  return closed.length > 0 ? [...closed, ...parseRichText(turn.ctx.t('queue.closed_urgent'))] : [];
}

/** The lines for a citizen already waiting: their own place, or that a consultant has the ticket. */
export function ownTicketLines(turn: Turn): RichText {
  const own = turn.deps.queue?.own;
  if (!own) return [];
  if (own.taken) return parseRichText(turn.ctx.t('queue.taken'));
  return [...placeLines(turn, own.place), ...closedNotice(turn)];
}

/** The answer to "какой я в очереди?". */
export function queueStatusMessage(turn: Turn): OutgoingMessage {
  const lines = ownTicketLines(turn);
  const base = reply.handoffConfirm(turn.ctx, [], 'handoff.already');
  return lines.length > 0 ? { ...base, text: lines } : base;
}

/** Short messages asking about the place in the queue or the wait ("какой я в очереди?", "долго ещё ждать?"). */
const QUEUE_WORDS = /очеред|ждать|ожидан|ответят|queue|wait/;
const QUESTION_WORDS =
  /как(ой|ая|ое)|сколько|когда|долго|скоро|мест|позици|номер|how|when|place|position|long/;
const PRESENCE =
  /слыши|слышно|^(ау+|але+|алл?о+|эй)(?![а-я])|вы (тут|здесь|там)|есть (кто|ли кто)|кто[ -]нибудь|где (же )?(ваш[а-я]* )?(консультант|оператор|специалист|человек|ответ)|почему (не отвечает|не отвечаете|молчите)|ответьте|отзовитесь|are you there|anyone there|hello\?/;
const MAX_QUESTION_CHARS = 80;

const lowered = (text: string) => text.toLowerCase().replace(/ё/g, 'е').trim();

export function isQueueQuestion(text: string): boolean {
  const t = lowered(text);
  return t.length <= MAX_QUESTION_CHARS && QUEUE_WORDS.test(t) && QUESTION_WORDS.test(t);
}

/**
 * Short messages asking whether anyone is there ("вы меня слышите?", "ау", "где консультант?"). Before anyone takes
 * the ticket they got no reply at all within the acknowledgements' interval, and silence is what makes a person give
 * up; once a consultant has it, they are the consultant's to answer (relayed, marked «ждёт ответа» in the console).
 */
export function isPresenceCheck(text: string): boolean {
  const t = lowered(text);
  return t.length <= MAX_QUESTION_CHARS && PRESENCE.test(t);
}
