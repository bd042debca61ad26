/**
 * What every console view needs: the signed-in account, the CSRF token for its forms, the console's strings
 * (locale files, `console.*`), and times shown in the zone of the working hours (consultants in Perm and in Moscow
 * see the same clock as the hours they work by).
 */
import type { Locale, TemplateVars, Translator } from '../../i18n/translator.js';
import { clockTime, numericDate, numericDayMonth } from '../../i18n/zone-clock.js';
import type { Account } from '../console-store.js';

export interface ViewContext {
  account?: Account;
  /** When the signed-in person's session ends: the page warns shortly before. */
  sessionEndsAt?: number;
  csrf: string;
  now: number;
  timeZone: string;
  /** The current path, to mark the navigation. */
  path: string;
  t(key: string, vars?: TemplateVars): string;
}

export function createViewContext(input: {
  translator: Translator;
  locale?: Locale;
  account?: Account;
  sessionEndsAt?: number;
  csrf: string;
  now: number;
  timeZone: string;
  path: string;
}): ViewContext {
  const locale = input.locale ?? 'ru';
  return {
    ...(input.account ? { account: input.account } : {}),
    ...(input.sessionEndsAt !== undefined ? { sessionEndsAt: input.sessionEndsAt } : {}),
    csrf: input.csrf,
    now: input.now,
    timeZone: input.timeZone,
    path: input.path,
    t: (key, vars) => input.translator.t(locale, `console.${key}`, vars),
  };
}

/** "14:02" today, "22.11, 14:02" on another day. */
export function when(ctx: ViewContext, ms: number): string {
  const sameDay = numericDate(ms, ctx.timeZone) === numericDate(ctx.now, ctx.timeZone);
  return sameDay
    ? clockTime(ms, ctx.timeZone)
    : `${numericDayMonth(ms, ctx.timeZone)}, ${clockTime(ms, ctx.timeZone)}`;
}

export function dateOnly(ctx: ViewContext, ms: number): string {
  return numericDate(ms, ctx.timeZone);
}

/** "меньше минуты", "5 мин", "1 ч 20 мин", "2 дн 3 ч". */
export function duration(ctx: ViewContext, ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return ctx.t('time.under_minute');
  if (minutes < 60) return ctx.t('time.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return ctx.t('time.hours_minutes', { h: hours, m: minutes % 60 });
  return ctx.t('time.days_hours', { d: Math.floor(hours / 24), h: hours % 24 });
}
