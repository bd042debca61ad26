/** The login page, the history of finished tickets, the supervisors' alert strip and error pages. */
import type { TicketSummary } from '../console-store.js';
import { html, type SafeHtml } from './html.js';
import { csrfField, page } from './layout.js';
import { platformBadge, preview } from './queue-view.js';
import { type ViewContext, when } from './view-context.js';

export function loginPage(
  ctx: ViewContext,
  options: { error?: string; notice?: string; login?: string; next?: string } = {},
): SafeHtml {
  return page(
    ctx,
    ctx.t('login.title'),
    html`<section class="panel login">
      <h1>${ctx.t('login.title')}</h1>
      <p class="muted">${ctx.t('login.intro')}</p>
      ${options.error ? html`<p class="flash flash-error" role="alert">${ctx.t(options.error)}</p>` : ''}
      ${options.notice && !options.error ? html`<p class="flash flash-ok" role="status">${ctx.t(options.notice)}</p>` : ''}
      <form method="post" action="/console/login" class="stack">
        ${csrfField(ctx)}
        <input type="hidden" name="next" value="${options.next ?? ''}">
        <label for="login">${ctx.t('login.login')}</label>
        <input id="login" name="login" class="input" autocomplete="username" required autofocus value="${options.login ?? ''}">
        <label for="password">${ctx.t('login.password')}</label>
        <input id="password" name="password" type="password" class="input" autocomplete="current-password" required>
        <button type="submit" class="button primary">${ctx.t('login.submit')}</button>
      </form>
      <p class="muted small">${ctx.t('login.help')}</p>
    </section>`,
  );
}

export function historyPage(ctx: ViewContext, tickets: TicketSummary[]): SafeHtml {
  return page(
    ctx,
    ctx.t('history.title'),
    html`<div class="page-head"><h1>${ctx.t('history.title')}</h1></div>
    <p class="muted">${ctx.t('history.intro')}</p>
    ${
      tickets.length === 0
        ? html`<p class="empty">${ctx.t('history.empty')}</p>`
        : html`<table class="table">
      <thead><tr><th>${ctx.t('history.col_ticket')}</th><th>${ctx.t('queue.col_platform')}</th><th>${ctx.t('queue.col_first_message')}</th><th>${ctx.t('queue.col_consultant')}</th><th>${ctx.t('history.col_result')}</th><th>${ctx.t('history.col_rating')}</th><th>${ctx.t('history.col_closed')}</th></tr></thead>
      <tbody>${tickets.map(
        (t) => html`<tr>
          <td class="num"><a href="${`/console/tickets/${t.id}`}">№${t.id}</a></td>
          <td>${platformBadge(ctx, t.platform)}</td>
          <td class="first-message"><a href="${`/console/tickets/${t.id}`}">${preview(t.firstMessage) || ctx.t('queue.no_text')}</a></td>
          <td>${t.assignedName ?? '—'}</td>
          <td>${t.status === 'closed' ? ctx.t(`resolution.${t.resolution ?? 'other'}`) : ctx.t('history.cancelled')}</td>
          <td>${t.rating === null ? '—' : html`<span class="stars">${'★'.repeat(t.rating)}</span> ${t.rating}`}</td>
          <td>${t.closedAt ? when(ctx, t.closedAt) : '—'}</td>
        </tr>`,
      )}</tbody></table>`
    }`,
  );
}

/**
 * Supervisors: tickets nobody took in time, and taken tickets nobody answered in time, refreshed live at the top of
 * every page.
 */
export function alertsFragment(
  ctx: ViewContext,
  untaken: TicketSummary[],
  unanswered: TicketSummary[] = [],
): SafeHtml {
  if (untaken.length === 0 && unanswered.length === 0) return html``;
  return html`${untaken.length > 0 ? untakenStrip(ctx, untaken) : ''}${unanswered.length > 0 ? unansweredStrip(ctx, unanswered) : ''}`;
}

function untakenStrip(ctx: ViewContext, tickets: TicketSummary[]): SafeHtml {
  return html`<div class="alert-strip" role="alert" data-alert="untaken">
    <strong>${ctx.t('alerts.title', { count: tickets.length })}</strong>
    ${tickets.map(
      (t) =>
        html`<a href="${`/console/tickets/${t.id}`}" class="alert-link">${ctx.t('alerts.item', { id: t.id, time: when(ctx, t.createdAt) })}</a>`,
    )}
  </div>`;
}

function unansweredStrip(ctx: ViewContext, tickets: TicketSummary[]): SafeHtml {
  return html`<div class="alert-strip" role="alert" data-alert="unanswered">
    <strong>${ctx.t('alerts.unanswered_title', { count: tickets.length })}</strong>
    ${tickets.map(
      (t) =>
        html`<a href="${`/console/tickets/${t.id}`}" class="alert-link">${ctx.t('alerts.unanswered_item', { id: t.id, name: t.assignedName ?? '', time: when(ctx, t.assignedAt ?? t.createdAt) })}</a>`,
    )}
  </div>`;
}

export function errorPage(ctx: ViewContext, titleKey: string, textKey: string): SafeHtml {
  return page(
    ctx,
    ctx.t(titleKey),
    html`<section class="panel narrow"><h1>${ctx.t(titleKey)}</h1><p>${ctx.t(textKey)}</p>
      <p><a href="/console">${ctx.t('errors.to_queue')}</a></p></section>`,
  );
}
