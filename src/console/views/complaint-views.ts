/**
 * Supervisors' complaint pages: the list (tabs by status, newest first, paged) and one complaint with the citizen's
 * own words, their consent to be contacted, the history of status changes with what the citizen was told and
 * whether it reached them, and the form that changes the status. Everything the citizen wrote is escaped by `html`.
 */
import type { ComplaintView } from '../../services/complaints/complaint-service.js';
import type { ComplaintEvent, ComplaintStatus } from '../../storage/store.js';
import { html, type SafeHtml } from './html.js';
import { csrfField, flash, page } from './layout.js';
import { platformBadge, preview } from './queue-view.js';
import { dateOnly, type ViewContext, when } from './view-context.js';

export const COMPLAINT_TABS = ['all', 'new', 'in_progress', 'answered'] as const;
export type ComplaintTab = (typeof COMPLAINT_TABS)[number];

const STATUS_CLASS: Record<ComplaintStatus, string> = {
  new: 'status status-waiting',
  in_progress: 'status status-work',
  answered: 'status status-closed',
};

/** What a supervisor most likely does next: new → in progress → answered (and an answer can be sent again). */
const NEXT_STATUS: Record<ComplaintStatus, ComplaintStatus> = {
  new: 'in_progress',
  in_progress: 'answered',
  answered: 'answered',
};

export function complaintStatusBadge(ctx: ViewContext, status: ComplaintStatus): SafeHtml {
  return html`<span class="${STATUS_CLASS[status]}" data-status="${status}">${ctx.t(`complaints.status.${status}`)}</span>`;
}

function subject(ctx: ViewContext, c: ComplaintView): string {
  if (c.about === 'assistant') return ctx.t('complaints.this_assistant');
  return c.agencyName ?? ctx.t('complaints.agency_unknown');
}

function platformOf(ctx: ViewContext, c: ComplaintView): SafeHtml | string {
  return c.platform ? platformBadge(ctx, c.platform) : ctx.t('complaints.platform_unknown');
}

export interface ComplaintListModel {
  tab: ComplaintTab;
  items: ComplaintView[];
  total: number;
  counts: Record<ComplaintTab, number>;
  page: number;
  pages: number;
}

function row(ctx: ViewContext, c: ComplaintView): SafeHtml {
  const href = `/console/complaints/${c.id}`;
  return html`<tr data-complaint="${c.id}">
    <td class="num"><a href="${href}"><strong>${c.ticket}</strong></a></td>
    <td>${dateOnly(ctx, c.createdAt)}<div class="muted small">${when(ctx, c.createdAt)}</div></td>
    <td class="first-message"><div class="muted small">${ctx.t(`complaints.about.${c.about}`)}</div>
      <a href="${href}">${subject(ctx, c)}</a>
      <div class="muted small">${preview(c.description)}</div></td>
    <td>${c.region ? ctx.t(`region.${c.region}`) : '—'}</td>
    <td>${platformOf(ctx, c)}</td>
    <td>${c.contactConsent ? ctx.t('complaints.contact_yes') : html`<span class="muted">${ctx.t('complaints.contact_no')}</span>`}</td>
    <td>${complaintStatusBadge(ctx, c.status)}</td>
  </tr>`;
}

function pager(ctx: ViewContext, model: ComplaintListModel): SafeHtml {
  if (model.pages <= 1) return html``;
  const link = (p: number) => `/console/complaints?status=${model.tab}&page=${p}`;
  return html`<nav class="pager" aria-label="${ctx.t('complaints.pages')}">
    ${model.page > 1 ? html`<a class="button small secondary" href="${link(model.page - 1)}">${ctx.t('complaints.newer')}</a>` : ''}
    <span class="muted">${ctx.t('complaints.page', { page: model.page, pages: model.pages })}</span>
    ${model.page < model.pages ? html`<a class="button small secondary" href="${link(model.page + 1)}">${ctx.t('complaints.older')}</a>` : ''}
  </nav>`;
}

/** The live part of the list page: the tabs with their counts, the table and the pager. */
export function complaintList(ctx: ViewContext, model: ComplaintListModel): SafeHtml {
  return html`<nav class="tabs" aria-label="${ctx.t('complaints.filter')}">${COMPLAINT_TABS.map(
    (s) =>
      html`<a href="${`/console/complaints?status=${s}`}" class="${s === model.tab ? 'tab current' : 'tab'}"${s === model.tab ? html` aria-current="page"` : ''} data-tab="${s}">${ctx.t(`complaints.tab.${s}`)} (${model.counts[s]})</a>`,
  )}</nav>
    ${
      model.items.length === 0
        ? html`<p class="empty">${ctx.t(model.tab === 'all' ? 'complaints.empty_all' : 'complaints.empty')}</p>`
        : html`<section class="panel"><table class="table complaints-table">
        <thead><tr><th>${ctx.t('complaints.col_ticket')}</th><th>${ctx.t('complaints.col_date')}</th><th>${ctx.t('complaints.col_subject')}</th><th>${ctx.t('complaints.col_region')}</th><th>${ctx.t('complaints.col_platform')}</th><th>${ctx.t('complaints.col_contact')}</th><th>${ctx.t('complaints.col_status')}</th></tr></thead>
        <tbody>${model.items.map((c) => row(ctx, c))}</tbody>
      </table></section>`
    }
    ${pager(ctx, model)}`;
}

export function complaintListPage(ctx: ViewContext, model: ComplaintListModel): SafeHtml {
  const live = `/console/complaints/list?status=${model.tab}&page=${model.page}`;
  return page(
    ctx,
    ctx.t('complaints.title'),
    html`<div class="page-head"><h1>${ctx.t('complaints.title')}</h1></div>
    <p class="muted">${ctx.t('complaints.intro')}</p>
    <div id="complaints" hx-get="${live}" hx-trigger="live-complaints from:body, every 60s" hx-swap="innerHTML">${complaintList(ctx, model)}</div>`,
  );
}

export interface ComplaintPageModel {
  complaint: ComplaintView & { events: ComplaintEvent[] };
  /** Supervisors' names by login, for the history. */
  nameOf(login: string): string;
  /** The delivery of the message that told the citizen, by outbox id (absent once delivered rows are gone). */
  delivery(outboxId: number): SafeHtml;
}

function historyItem(ctx: ViewContext, model: ComplaintPageModel, e: ComplaintEvent): SafeHtml {
  const at = html`<time>${when(ctx, e.createdAt)}</time>`;
  if (e.byWho === 'citizen')
    return html`<li class="event" data-event="${e.id}">${at} ${ctx.t('complaints.by_citizen')}</li>`;
  return html`<li class="note" data-event="${e.id}">
    <div class="who">${at} · <strong>${model.nameOf(e.byWho)}</strong> · ${ctx.t('complaints.event')} ${complaintStatusBadge(ctx, e.status as ComplaintStatus)}
      ${e.outboxId !== null ? model.delivery(e.outboxId) : html`<span class="delivery dead">${ctx.t('complaints.not_told')}</span>`}</div>
    ${e.note ? html`<div class="muted small">${ctx.t('complaints.event_answer')}</div><div class="text">${e.note}</div>` : ''}
  </li>`;
}

function statusForm(ctx: ViewContext, c: ComplaintView, maxNoteChars: number): SafeHtml {
  const next = NEXT_STATUS[c.status];
  const action = `/console/complaints/${c.id}/status`;
  return html`<section class="panel side-panel"><h2>${ctx.t('complaints.change')}</h2>
    <form method="post" action="${action}" class="stack" id="status-form">
      ${csrfField(ctx)}
      <label for="complaint-status">${ctx.t('complaints.new_status')}</label>
      <select id="complaint-status" name="status" required>
        ${(['new', 'in_progress', 'answered'] as const).map(
          (s) =>
            html`<option value="${s}"${s === next ? html` selected` : ''}>${ctx.t(`complaints.status.${s}`)}${s === c.status ? ` ${ctx.t('complaints.current_mark')}` : ''}</option>`,
        )}
      </select>
      <label for="complaint-note">${ctx.t(c.contactConsent ? 'complaints.answer' : 'complaints.answer_silent')}</label>
      <textarea id="complaint-note" name="note" rows="6" maxlength="${maxNoteChars}" class="input" placeholder="${ctx.t('complaints.answer_placeholder')}"></textarea>
      <p class="muted small">${ctx.t(c.contactConsent ? 'complaints.answer_hint_yes' : 'complaints.answer_hint_no')}</p>
      <button type="submit" class="button primary">${ctx.t(c.contactConsent ? 'complaints.submit' : 'complaints.submit_silent')}</button>
    </form></section>`;
}

function contactPanel(ctx: ViewContext, c: ComplaintView): SafeHtml {
  return html`<section class="panel side-panel" data-testid="consent"><h2>${ctx.t('complaints.consent')}</h2>
    ${
      c.contactConsent
        ? html`<p class="consent consent-yes"><strong>${ctx.t('complaints.consent_yes_title')}</strong></p>
          <p class="small">${ctx.t('complaints.consent_yes', { platform: c.platform ? ctx.t(`platform.${c.platform}`) : ctx.t('complaints.platform_unknown') })}</p>`
        : html`<p class="consent consent-no"><strong>${ctx.t('complaints.consent_no_title')}</strong></p>
          <p class="small">${ctx.t('complaints.consent_no')}</p>`
    }
  </section>`;
}

export function complaintPage(
  ctx: ViewContext,
  model: ComplaintPageModel,
  options: { maxNoteChars: number; done: string | undefined; error: string | undefined },
): SafeHtml {
  const c = model.complaint;
  const title = ctx.t('complaints.detail_title', { ticket: c.ticket });
  return page(
    ctx,
    title,
    html`<p class="back"><a href="/console/complaints">${ctx.t('complaints.back')}</a></p>
    ${flash(ctx, options.done)}${flash(ctx, options.error, 'error')}
    <div class="ticket">
      <div class="ticket-main">
        <section class="panel complaint">
          <div class="ticket-head-row">
            <h1>${title}</h1>
            ${platformOf(ctx, c)} ${complaintStatusBadge(ctx, c.status)}
          </div>
          <dl class="facts complaint-facts">
            <dt>${ctx.t('complaints.filed')}</dt><dd>${dateOnly(ctx, c.createdAt)}, ${when(ctx, c.createdAt)}</dd>
            <dt>${ctx.t('complaints.about_label')}</dt><dd>${ctx.t(`complaints.about.${c.about}`)}</dd>
            <dt>${ctx.t('complaints.agency')}</dt><dd>${subject(ctx, c)}${c.agencyId ? html` <span class="muted small">${ctx.t('complaints.agency_directory')}</span>` : ''}</dd>
            <dt>${ctx.t('complaints.region')}</dt><dd>${c.region ? ctx.t(`region.${c.region}`) : ctx.t('complaints.region_unknown')}</dd>
            <dt>${ctx.t('complaints.updated')}</dt><dd>${dateOnly(ctx, c.updatedAt)}, ${when(ctx, c.updatedAt)}</dd>
          </dl>
          <h2>${ctx.t('complaints.what')}</h2>
          <blockquote class="text" data-testid="description">${c.description}</blockquote>
          <h2>${ctx.t('complaints.wish')}</h2>
          <blockquote class="text" data-testid="wish">${c.wish}</blockquote>
        </section>
        <section class="panel">
          <h2>${ctx.t('complaints.history')}</h2>
          <ol class="timeline complaint-history" id="complaint-history">${c.events.map((e) => historyItem(ctx, model, e))}</ol>
        </section>
      </div>
      <aside class="ticket-side">
        ${contactPanel(ctx, c)}
        ${statusForm(ctx, c, options.maxNoteChars)}
      </aside>
    </div>`,
  );
}
