/**
 * Curators' pages: the review list of consultant replies proposed as FAQ (accept, reject, download a draft
 * data/faq/ entry), and the report of questions the assistant could not answer or answered with low confidence,
 * grouped by what went wrong and by topic.
 */
import { calendarDate } from '../../i18n/calendar-date.js';
import type { DueEntry } from '../../knowledge/review-schedule.js';
import type { EntryReactions, FaqProposal, ProposalStatus } from '../console-store.js';
import type { WeakReport } from '../reports.js';
import { type Period, periodForm } from './dashboard-view.js';
import { html, type SafeHtml } from './html.js';
import { csrfField, flash, page } from './layout.js';
import { dateOnly, type ViewContext, when } from './view-context.js';

const STATUSES: readonly ProposalStatus[] = ['new', 'accepted', 'rejected'];

/** A question longer than this shows its start, and the rest on request (a 9,900-character one filled the page). */
const CLIPPED_CHARS = 300;

/** A citizen's question in a table cell: a long one is cut, with a <details> that opens the whole text. */
function questionCell(ctx: ViewContext, text: string): SafeHtml {
  if (text.length <= CLIPPED_CHARS) return html`<td class="text">${text}</td>`;
  return html`<td class="text"><details class="clipped"><summary><span class="clipped-start">${text.slice(0, CLIPPED_CHARS - 1).trimEnd()}…</span> <span class="link">${ctx.t('report.show_all')}</span></summary>${text}</details></td>`;
}

function proposalCard(ctx: ViewContext, p: FaqProposal, topicTitle: (slug: string) => string): SafeHtml {
  const decide = (status: 'accepted' | 'rejected', key: string, cls: string) =>
    html`<form method="post" action="${`/console/review/${p.id}/${status === 'accepted' ? 'accept' : 'reject'}`}" class="inline">
      ${csrfField(ctx)}<button type="submit" class="${`button small ${cls}`}">${ctx.t(key)}</button></form>`;
  return html`<article class="panel proposal" data-proposal="${p.id}">
    <div class="proposal-meta muted small">${ctx.t('review.meta', { id: p.id, name: p.proposedByName ?? '', date: when(ctx, p.createdAt) })}${p.topic ? html` · ${ctx.t('review.topic', { topic: topicTitle(p.topic) })}` : ''}</div>
    <h3>${ctx.t('review.question')}</h3>
    <blockquote class="text">${p.question || ctx.t('review.no_question')}</blockquote>
    <h3>${ctx.t('review.answer')}</h3>
    <blockquote class="text">${p.answer}</blockquote>
    <div class="proposal-actions">
      ${p.status !== 'accepted' ? decide('accepted', 'review.accept', 'primary') : ''}
      ${p.status !== 'rejected' ? decide('rejected', 'review.reject', 'secondary') : ''}
      <a class="button small secondary" href="${`/console/review/${p.id}/draft.md`}" download>${ctx.t('review.download')}</a>
      ${p.handoffId ? html`<a class="link" href="${`/console/tickets/${p.handoffId}`}">${ctx.t('review.open_chat')}</a>` : ''}
    </div>
  </article>`;
}

export function reviewPage(
  ctx: ViewContext,
  status: ProposalStatus,
  proposals: FaqProposal[],
  counts: Record<ProposalStatus, number>,
  topicTitle: (slug: string) => string,
  done?: string,
): SafeHtml {
  return page(
    ctx,
    ctx.t('review.title'),
    html`<div class="page-head"><h1>${ctx.t('review.title')}</h1></div>
    <p class="muted">${ctx.t('review.intro')}</p>
    ${flash(ctx, done)}
    <nav class="tabs">${STATUSES.map(
      (s) =>
        html`<a href="${`/console/review?status=${s}`}" class="${s === status ? 'tab current' : 'tab'}">${ctx.t(`review.status_${s}`)} (${counts[s]})</a>`,
    )}</nav>
    ${
      proposals.length === 0
        ? html`<p class="empty">${ctx.t(status === 'new' ? 'review.empty_new' : 'review.empty')}</p>`
        : proposals.map((p) => proposalCard(ctx, p, topicTitle))
    }`,
  );
}

/** What the report says about entries: the answers people had trouble with, and those due for re-checking. */
export interface EntryReport {
  troubled: EntryReactions[];
  due: DueEntry[];
  /** An entry's title (its id if it is gone from the knowledge base). */
  title(entryId: string): string;
}

function entryCell(report: EntryReport, entryId: string): SafeHtml {
  return html`<td class="text">${report.title(entryId)}<br><span class="muted small">${entryId}</span></td>`;
}

function entryPanels(ctx: ViewContext, report: EntryReport): SafeHtml {
  const num = (n: number) => html`<td class="num">${n}</td>`;
  return html`<section class="panel" id="troubled" data-section="troubled">
      <h2>${ctx.t('report.troubled_title')} <span class="count">${report.troubled.length}</span></h2>
      <p class="muted small">${ctx.t('report.troubled_hint')}</p>
      ${
        report.troubled.length === 0
          ? html`<p class="empty">${ctx.t('report.troubled_empty')}</p>`
          : html`<table class="table compact entries">
        <thead><tr><th>${ctx.t('report.entry')}</th><th>${ctx.t('report.answers')}</th><th>${ctx.t('report.helpful')}</th><th>${ctx.t('report.not_helpful')}</th><th>${ctx.t('report.not_understood')}</th></tr></thead>
        <tbody>${report.troubled.map(
          (r) =>
            html`<tr data-entry="${r.entryId}">${entryCell(report, r.entryId)}${num(r.answers)}${num(r.helpful)}${num(r.notHelpful)}${num(r.notUnderstood)}</tr>`,
        )}</tbody>
      </table>`
      }
    </section>
    <section class="panel" id="due" data-section="due">
      <h2>${ctx.t('report.due_title')} <span class="count">${report.due.length}</span></h2>
      <p class="muted small">${ctx.t('report.due_hint')}</p>
      ${
        report.due.length === 0
          ? html`<p class="empty">${ctx.t('report.due_empty')}</p>`
          : html`<table class="table compact due">
        <thead><tr><th>${ctx.t('report.entry')}</th><th>${ctx.t('report.review_by')}</th></tr></thead>
        <tbody>${report.due.map(
          (e) =>
            html`<tr data-entry="${e.id}" class="${e.past ? 'overdue' : ''}">${entryCell(report, e.id)}<td>${calendarDate(e.reviewBy)}${e.past ? html` <strong>${ctx.t('report.overdue')}</strong>` : ''}</td></tr>`,
        )}</tbody>
      </table>`
      }
    </section>`;
}

export function reportPage(
  ctx: ViewContext,
  period: Period,
  reports: WeakReport[],
  topicTitle: (slug: string) => string,
  entries: EntryReport,
): SafeHtml {
  const total = reports.reduce((s, r) => s + r.count, 0);
  return page(
    ctx,
    ctx.t('report.title'),
    html`<div class="page-head"><h1>${ctx.t('report.title')}</h1></div>
    <p class="muted">${ctx.t('report.intro')}</p>
    ${periodForm(ctx, '/console/report', period)}
    ${
      total === 0
        ? html`<p class="empty">${ctx.t('report.empty')}</p>`
        : html`<nav class="tabs">${reports.map((r) => html`<a href="${`#${r.kind}`}" class="tab">${ctx.t(`report.kind_${r.kind}`)} (${r.count})</a>`)}</nav>
    ${reports.map(
      (r) => html`<section class="panel" id="${r.kind}" data-kind="${r.kind}">
        <h2>${ctx.t(`report.kind_${r.kind}`)} <span class="count">${r.count}</span></h2>
        <p class="muted small">${ctx.t(`report.kind_${r.kind}_hint`)}</p>
        ${r.groups.map(
          (g) => html`<details class="group" open>
            <summary><strong>${g.topic ? topicTitle(g.topic) : ctx.t('report.no_topic')}</strong> <span class="count">${g.count}</span></summary>
            <table class="table compact report">
              <thead><tr><th>${ctx.t('report.question')}</th><th>${ctx.t('report.times')}</th><th>${ctx.t('report.confidence')}</th><th>${ctx.t('report.last')}</th></tr></thead>
              <tbody>${g.questions.map(
                (q) =>
                  html`<tr>${questionCell(ctx, q.text)}<td class="num">${q.count}</td><td class="num">${q.confidence === null ? '—' : q.confidence.toFixed(2).replace('.', ',')}</td><td>${dateOnly(ctx, q.lastAt)}</td></tr>`,
              )}</tbody>
            </table>
          </details>`,
        )}
      </section>`,
    )}`
    }
    ${entryPanels(ctx, entries)}`,
  );
}
