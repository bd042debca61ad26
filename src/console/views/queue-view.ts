/**
 * The queue page: tickets waiting (crisis first, then by arrival) with how long they wait, the messenger, the first
 * message and the priority; tickets in work; "take the next one". The list is a fragment refreshed live.
 */
import { alertedUnanswered } from '../../handoff/handoff-queue.js';
import type { QueueView, TicketSignals } from '../console-service.js';
import type { TicketSummary } from '../console-store.js';
import { escalatedToCrisis } from '../ticket-signals.js';
import { html, type SafeHtml } from './html.js';
import { csrfField, flash, page, pageTitle } from './layout.js';
import { duration, type ViewContext, when } from './view-context.js';

/** The first message shown in a list: one line, at most this many characters. */
const PREVIEW_CHARS = 160;

export function preview(text: string | null): string {
  if (!text) return '';
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS - 1)}…` : line;
}

export function platformBadge(ctx: ViewContext, platform: string): SafeHtml {
  return html`<span class="${`badge platform platform-${platform}`}">${ctx.t(`platform.${platform}`)}</span>`;
}

export function priorityBadge(ctx: ViewContext, priority: string): SafeHtml {
  // Only the exception is marked: a column of "обычный" badges is noise.
  return priority === 'urgent' ? html`<span class="badge urgent">${ctx.t('priority.urgent')}</span>` : html``;
}

function hoursLine(ctx: ViewContext, view: QueueView): SafeHtml {
  const h = view.hours;
  if (h.open) {
    const soon = h.closesAt !== undefined && h.closesAt - ctx.now < 24 * 3_600_000;
    return html`<p class="hours hours-open">${soon ? ctx.t('queue.hours_open_until', { time: when(ctx, h.closesAt!) }) : ctx.t('queue.hours_open')}</p>`;
  }
  return html`<p class="hours hours-closed">${
    h.opensAt !== undefined
      ? ctx.t('queue.hours_closed_until', { time: when(ctx, h.opensAt) })
      : ctx.t('queue.hours_closed')
  }</p>`;
}

function takeButton(ctx: ViewContext, ticketId: number): SafeHtml {
  return html`<form method="post" action="${`/console/tickets/${ticketId}/take`}" class="inline">
    ${csrfField(ctx)}<button type="submit" class="button small">${ctx.t('queue.take')}</button>
  </form>`;
}

/**
 * What the ticket is about and why it is here. A ticket a crisis message made urgent shows that message and says so:
 * its first question and reason («Ответ не помог») hid the crisis.
 */
function aboutCell(ctx: ViewContext, t: TicketSummary & TicketSignals, extra: SafeHtml): SafeHtml {
  const reason = ctx.t(`reason.${t.reason}`);
  const why = escalatedToCrisis(t) ? ctx.t('queue.escalated', { reason }) : reason;
  const text = preview(t.crisis?.text ?? t.firstMessage) || ctx.t('queue.no_text');
  return html`<td class="first-message"><a href="${`/console/tickets/${t.id}`}">${text}</a>
      <div class="muted small">${why} · ${ctx.t('queue.ticket_no', { id: t.id })}${extra}</div></td>`;
}

/** Whether the consultant's reply is due: the citizen waits for it, nobody answered yet, or answered. */
function answerCell(ctx: ViewContext, t: TicketSummary & TicketSignals): SafeHtml {
  const alerted = alertedUnanswered(t)
    ? html`<div class="small">${ctx.t('queue.unanswered_alert')}</div>`
    : '';
  if (t.awaitingSince !== undefined)
    return html`<td><span class="badge awaiting">${ctx.t('queue.awaiting', { time: when(ctx, t.awaitingSince) })}</span>${alerted}</td>`;
  if (t.firstResponseAt) return html`<td>${ctx.t('queue.answered')}</td>`;
  return html`<td><span class="warn">${ctx.t('queue.not_answered')}</span>${alerted}</td>`;
}

function inWorkClass(t: TicketSummary & TicketSignals, mine: boolean): string {
  const tone = alertedUnanswered(t)
    ? 'row-alert'
    : t.priority === 'urgent'
      ? 'row-urgent'
      : t.awaitingSince !== undefined
        ? 'row-awaiting'
        : '';
  return [mine ? 'row-mine' : '', tone].filter(Boolean).join(' ');
}

function waitingRow(ctx: ViewContext, t: QueueView['waiting'][number], canTake: boolean): SafeHtml {
  return html`<tr class="${t.alertedAt ? 'row-alert' : t.priority === 'urgent' ? 'row-urgent' : ''}" data-ticket="${t.id}">
    <td class="num">${t.position}</td>
    <td>${priorityBadge(ctx, t.priority)}</td>
    <td>${platformBadge(ctx, t.platform)}</td>
    ${aboutCell(ctx, t, html``)}
    <td class="${t.alertedAt ? 'wait wait-alert' : 'wait'}">${duration(ctx, t.waitedMs)}${t.alertedAt ? html`<div class="small">${ctx.t('queue.nobody_took')}</div>` : ''}</td>
    <td class="actions"><a class="button small secondary" href="${`/console/tickets/${t.id}`}">${ctx.t('queue.open')}</a>${canTake ? takeButton(ctx, t.id) : ''}</td>
  </tr>`;
}

function inWorkRow(ctx: ViewContext, t: QueueView['inWork'][number]): SafeHtml {
  const mine = t.assignedTo === ctx.account?.id;
  const lastWrote = t.lastCitizenAt
    ? html` · ${ctx.t('queue.last_citizen', { time: when(ctx, t.lastCitizenAt) })}`
    : html``;
  return html`<tr class="${inWorkClass(t, mine)}" data-ticket="${t.id}"${t.awaitingSince !== undefined ? html` data-awaiting="1"` : ''}>
    <td>${priorityBadge(ctx, t.priority)}</td>
    <td>${platformBadge(ctx, t.platform)}</td>
    ${aboutCell(ctx, t, lastWrote)}
    <td>${mine ? html`<strong>${ctx.t('queue.you')}</strong>` : t.assignedName}</td>
    ${answerCell(ctx, t)}
    <td class="actions"><a class="button small secondary" href="${`/console/tickets/${t.id}`}">${ctx.t('queue.open')}</a></td>
  </tr>`;
}

/** The tab's title: how many wait, so that a consultant in another tab sees it ("(3) Очередь обращений"). */
function queueTitle(ctx: ViewContext, view: QueueView): string {
  return view.waiting.length > 0
    ? ctx.t('queue.tab_title_waiting', { count: view.waiting.length })
    : ctx.t('queue.title');
}

/**
 * The live fragment: both tables, and the tab's title (htmx takes a <title> at the top of a fragment as the page's).
 */
export function queueFragment(ctx: ViewContext, view: QueueView): SafeHtml {
  return html`<title>${pageTitle(ctx, queueTitle(ctx, view))}</title>${queueList(ctx, view)}`;
}

/** The live part of the page: both tables. */
export function queueList(ctx: ViewContext, view: QueueView): SafeHtml {
  const canTake = ctx.account?.role === 'consultant' || ctx.account?.role === 'supervisor';
  // The consultant's own tickets first, each group in the service's order (urgent, waiting for a reply, taken first).
  const mineFirst = [...view.inWork].sort(
    (a, b) => Number(b.assignedTo === ctx.account?.id) - Number(a.assignedTo === ctx.account?.id),
  );
  return html`
  <section class="panel">
    <h2>${ctx.t('queue.waiting_title', { count: view.waiting.length })}</h2>
    ${
      view.waiting.length === 0
        ? html`<p class="empty">${ctx.t('queue.empty')}</p>`
        : html`<table class="table queue-table">
        <thead><tr><th>${ctx.t('queue.col_place')}</th><th>${ctx.t('queue.col_priority')}</th><th>${ctx.t('queue.col_platform')}</th><th>${ctx.t('queue.col_first_message')}</th><th>${ctx.t('queue.col_waiting')}</th><th></th></tr></thead>
        <tbody>${view.waiting.map((t) => waitingRow(ctx, t, canTake))}</tbody>
      </table>`
    }
  </section>
  <section class="panel">
    <h2>${ctx.t('queue.in_work_title', { count: view.inWork.length })}</h2>
    ${
      view.inWork.length === 0
        ? html`<p class="empty">${ctx.t('queue.in_work_empty')}</p>`
        : html`<table class="table queue-table">
        <thead><tr><th>${ctx.t('queue.col_priority')}</th><th>${ctx.t('queue.col_platform')}</th><th>${ctx.t('queue.col_first_message')}</th><th>${ctx.t('queue.col_consultant')}</th><th>${ctx.t('queue.col_answer')}</th><th></th></tr></thead>
        <tbody>${mineFirst.map((t) => inWorkRow(ctx, t))}</tbody>
      </table>`
    }
  </section>
  <p class="muted small">${ctx.t('queue.updated', { time: when(ctx, ctx.now), online: view.online })}</p>`;
}

export function queuePage(ctx: ViewContext, view: QueueView, done?: string, error?: string): SafeHtml {
  const canTake = ctx.account?.role === 'consultant' || ctx.account?.role === 'supervisor';
  return page(
    ctx,
    queueTitle(ctx, view),
    html`<div class="page-head">
      <div>
        <h1>${ctx.t('queue.title')}</h1>
        ${hoursLine(ctx, view)}
      </div>
      ${
        canTake
          ? html`<form method="post" action="/console/queue/take-next">
        ${csrfField(ctx)}<button type="submit" class="button primary">${ctx.t('queue.take_next')}</button>
      </form>`
          : ''
      }
    </div>
    ${flash(ctx, done)}${flash(ctx, error, 'error')}
    <div id="queue" hx-get="/console/queue/list" hx-trigger="live-queue from:body, every 30s" hx-swap="innerHTML">
      ${queueList(ctx, view)}
    </div>`,
  );
}
