/**
 * The supervisors' dashboard over a chosen period: conversations per day by messenger, the share the assistant
 * resolved without a person, the hand-off rate, median wait and first-response time, ratings, top topics.
 */
import { calendarDate } from '../../i18n/calendar-date.js';
import type { Dashboard } from '../reports.js';
import { horizontalBars, type Series, stackedColumns } from './charts.js';
import { html, type SafeHtml } from './html.js';
import { page } from './layout.js';
import { duration, type ViewContext } from './view-context.js';

export interface Period {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** Locale key: a date in the address was not valid and the default was shown instead. */
  error?: string;
}

const PLATFORM_ORDER = ['telegram', 'vk', 'web', 'cli'];

function percent(share: number | undefined): string {
  return share === undefined ? '—' : `${Math.round(share * 100)} %`;
}

function card(label: string, value: string, hint: string, testId: string): SafeHtml {
  return html`<div class="card" data-testid="${testId}"><div class="card-value">${value}</div><div class="card-label">${label}</div><div class="card-hint">${hint}</div></div>`;
}

export function periodForm(ctx: ViewContext, action: string, period: Period): SafeHtml {
  return html`${period.error ? html`<p class="flash flash-error" role="alert">${ctx.t(period.error)}</p>` : ''}<form method="get" action="${action}" class="period">
    <label>${ctx.t('period.from')} <input type="date" name="from" value="${period.from}" class="input"></label>
    <label>${ctx.t('period.to')} <input type="date" name="to" value="${period.to}" class="input"></label>
    <button type="submit" class="button secondary">${ctx.t('period.show')}</button>
    <span class="presets">${[7, 30, 90].map((d) => html`<a href="${`${action}?days=${d}`}" class="chip">${ctx.t('period.last_days', { days: d })}</a>`)}</span>
  </form>`;
}

export function dashboardPage(
  ctx: ViewContext,
  period: Period,
  d: Dashboard,
  topicTitle: (slug: string) => string,
): SafeHtml {
  const platforms = [...d.platforms].sort((a, b) => PLATFORM_ORDER.indexOf(a) - PLATFORM_ORDER.indexOf(b));
  const series: Series[] = platforms.map((p) => ({
    key: p,
    label: ctx.t(`platform.${p}`),
    className: `fill-${p}`,
  }));
  const columns = d.days.map((day) => ({
    label: `${day.date.slice(8, 10)}.${day.date.slice(5, 7)}`,
    title: calendarDate(day.date),
    values: day.byPlatform as Record<string, number>,
  }));
  const ratingRows = [5, 4, 3, 2, 1].map((score) => ({
    label: ctx.t('dashboard.score_label', { score }),
    value: d.ratings.counts[score - 1]!,
    className: `bar rating-${score}`,
    key: `score-${score}`,
  }));
  const average = d.ratings.average === undefined ? '—' : d.ratings.average.toFixed(1).replace('.', ',');
  return page(
    ctx,
    ctx.t('dashboard.title'),
    html`<div class="page-head"><h1>${ctx.t('dashboard.title')}</h1></div>
    ${periodForm(ctx, '/console/dashboard', period)}
    <div class="cards">
      ${card(ctx.t('dashboard.conversations'), String(d.conversations), ctx.t('dashboard.conversations_hint'), 'conversations')}
      ${card(ctx.t('dashboard.resolved'), percent(d.resolvedShare), ctx.t('dashboard.resolved_hint', { count: d.resolvedByAssistant }), 'resolved')}
      ${card(ctx.t('dashboard.handoff_rate'), percent(d.handoffRate), ctx.t('dashboard.handoff_rate_hint', { count: d.handedOff }), 'handoff-rate')}
      ${card(ctx.t('dashboard.median_wait'), d.medianWaitMs === undefined ? '—' : duration(ctx, d.medianWaitMs), ctx.t('dashboard.median_wait_hint', { count: d.tickets.taken }), 'median-wait')}
      ${card(ctx.t('dashboard.first_response'), d.medianFirstResponseMs === undefined ? '—' : duration(ctx, d.medianFirstResponseMs), ctx.t('dashboard.first_response_hint'), 'first-response')}
      ${card(ctx.t('dashboard.rating'), average, ctx.t('dashboard.rating_hint', { count: d.ratings.total }), 'rating')}
    </div>
    <section class="panel">
      <h2>${ctx.t('dashboard.per_day')}</h2>
      ${d.conversations === 0 ? html`<p class="empty">${ctx.t('dashboard.no_data')}</p>` : stackedColumns(ctx.t('dashboard.per_day'), series, columns)}
    </section>
    <div class="two-columns">
      <section class="panel" data-testid="ratings">
        <h2>${ctx.t('dashboard.ratings')}</h2>
        ${d.ratings.total === 0 ? html`<p class="empty">${ctx.t('dashboard.no_ratings')}</p>` : horizontalBars(ctx.t('dashboard.ratings'), ratingRows)}
      </section>
      <section class="panel">
        <h2>${ctx.t('dashboard.top_topics')}</h2>
        ${
          d.topTopics.length === 0
            ? html`<p class="empty">${ctx.t('dashboard.no_data')}</p>`
            : horizontalBars(
                ctx.t('dashboard.top_topics'),
                d.topTopics.map((t) => ({ label: topicTitle(t.topic), value: t.count })),
              )
        }
      </section>
    </div>
    <section class="panel">
      <h2>${ctx.t('dashboard.tickets')}</h2>
      <p>${ctx.t('dashboard.tickets_line', { created: d.tickets.created, taken: d.tickets.taken, closed: d.tickets.closed, cancelled: d.tickets.cancelled, open: d.tickets.open })}</p>
    </section>
    <p class="muted small">${ctx.t('dashboard.footnote')}</p>`,
  );
}
