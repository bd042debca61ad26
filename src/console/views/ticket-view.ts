/**
 * The chat view of one ticket: the citizen's whole transcript (what they wrote, what the assistant answered and how
 * sure it was, the consultant replies with their delivery), internal notes and ticket events in one timeline that
 * grows live; the reply box with canned answers and knowledge-base answers; take, transfer, close; for curators
 * "propose as FAQ" on consultant replies. Every text is escaped by `html`.
 */

import type { Source } from '../../knowledge/entry.js';
import { parseRichText, toPlainText } from '../../messaging/rich-text.js';
import type { Citizen, TranscriptLine } from '../../storage/store.js';
import type { TimelineButtons } from '../button-labels.js';
import type { CannedAnswer } from '../canned-answers.js';
import { ALERT_UNANSWERED, type KbSuggestion, MAX_REPLY_CHARS } from '../console-service.js';
import type { Account, FaqProposal, TicketEvent, TicketSummary } from '../console-store.js';
import { RESOLUTIONS } from '../resolutions.js';
import { crisisMessage, escalatedToCrisis } from '../ticket-signals.js';
import { html, type SafeHtml, safeUrl } from './html.js';
import { csrfField, flash, page } from './layout.js';
import { platformBadge, preview, priorityBadge } from './queue-view.js';
import { dateOnly, duration, type ViewContext, when } from './view-context.js';

export interface TicketPageModel {
  ticket: TicketSummary;
  citizen: Citizen;
  lines: TranscriptLine[];
  events: TicketEvent[];
  /** Delivery of consultant replies, by outbox id. */
  delivery: Map<number, 'pending' | 'sent' | 'dead'>;
  /** The buttons the assistant offered, and which one the citizen pressed, by transcript line. */
  buttons: TimelineButtons;
  proposals: Map<number, FaqProposal>;
  /** Accounts a ticket can be transferred to. */
  colleagues: Account[];
  /** Accounts with a console page open (a live connection). */
  online: Set<number>;
  canned: CannedAnswer[];
  entryTitle(id: string): string | undefined;
  /** The sources of a knowledge-base entry (an answer names the first and says how many more there are). */
  entrySources(id: string): readonly Source[] | undefined;
  topicTitle(slug: string): string | undefined;
}

interface Permissions {
  reply: boolean;
  take: boolean;
  handle: boolean;
  note: boolean;
  propose: boolean;
}

export function permissions(
  ctx: ViewContext,
  ticket: Pick<TicketSummary, 'status' | 'assignedTo'>,
): Permissions {
  const a = ctx.account;
  const works = a?.role === 'consultant' || a?.role === 'supervisor';
  const open = ticket.status === 'open';
  const handle =
    open && (a?.role === 'supervisor' || (a?.role === 'consultant' && ticket.assignedTo === a.id));
  return {
    reply: open && works && (handle || ticket.assignedTo === null),
    take: open && works && ticket.assignedTo === null,
    handle,
    note: works,
    propose: a?.role === 'curator' || a?.role === 'supervisor',
  };
}

function confidence(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : value.toFixed(2).replace('.', ',');
}

/** What the assistant made of a citizen's message, under it. */
function outcomeNote(ctx: ViewContext, model: TicketPageModel, line: TranscriptLine): SafeHtml {
  if (!line.outcome) return html``;
  const conf = confidence(line.confidence);
  const confText = conf ? ctx.t('timeline.confidence', { value: conf }) : '';
  let text: string;
  switch (line.outcome) {
    case 'answer': {
      const title = line.entryId ? (model.entryTitle(line.entryId) ?? line.entryId) : '';
      text = title ? ctx.t('timeline.outcome_answer', { title }) : ctx.t('timeline.outcome_answer_plain');
      break;
    }
    case 'clarify':
      text = ctx.t('timeline.outcome_clarify');
      break;
    case 'handoff':
      text =
        line.detail === 'search:not_sure'
          ? ctx.t('timeline.outcome_not_sure')
          : line.detail === 'failed_searches'
            ? ctx.t('timeline.outcome_failed')
            : ctx.t('timeline.outcome_handoff');
      break;
    case 'refuse':
      // A citizen writing in English may need a consultant who reads it: say so instead of "not on topic".
      text =
        line.detail === 'intent:foreign'
          ? ctx.t('timeline.outcome_foreign')
          : ctx.t('timeline.outcome_refuse');
      break;
    default:
      if (line.detail === 'relayed') text = ctx.t('timeline.outcome_relayed');
      else if (line.detail === 'queue_status') text = ctx.t('timeline.outcome_queue_status');
      else if (/^rating:[1-5]$/.test(line.detail ?? ''))
        text = ctx.t('timeline.outcome_rating', { score: line.detail!.slice(7) });
      else if (line.detail === 'rating:comment') text = ctx.t('timeline.outcome_rating_comment');
      else if (line.detail === 'intent:not_understood')
        text = ctx.t('timeline.outcome_not_understood', {
          title: line.entryId ? (model.entryTitle(line.entryId) ?? line.entryId) : '',
        });
      else if (line.detail === 'intent:agree') text = ctx.t('timeline.outcome_agreed');
      else if (line.detail === 'intent:hours') text = ctx.t('timeline.outcome_hours');
      else return html``;
  }
  const weak =
    line.outcome === 'handoff' ||
    line.outcome === 'clarify' ||
    (line.outcome === 'answer' && (line.confidence ?? 1) < 0.55);
  return html`<div class="${weak ? 'outcome outcome-weak' : 'outcome'}">${text}${confText ? html` · <span class="confidence">${confText}</span>` : ''}</div>`;
}

const CITIZEN_KIND_KEYS: Record<string, string> = {
  start: 'timeline.kind_start',
  button: 'timeline.kind_button',
  location: 'timeline.kind_location',
  contact: 'timeline.kind_contact',
  unsupported: 'timeline.kind_unsupported',
};

function citizenText(ctx: ViewContext, model: TicketPageModel, line: TranscriptLine): SafeHtml {
  const key = CITIZEN_KIND_KEYS[line.kind];
  if (!key) return html`<div class="text">${line.text}</div>`;
  // A button's payload means nothing to a consultant: its label says what was pressed (the payload stays a tooltip);
  // a label that cannot be told is only «Нажал кнопку», and the note under it says what it did.
  if (line.kind === 'button') {
    const label = model.buttons.pressed.get(line.id);
    return html`<div class="text kind-note" title="${line.text}">${label ? ctx.t('timeline.kind_button_label', { label }) : ctx.t(key)}</div>`;
  }
  return html`<div class="text kind-note">${ctx.t(key)} <code class="muted">${line.text}</code></div>`;
}

function deliveryBadge(ctx: ViewContext, line: TranscriptLine, model: TicketPageModel): SafeHtml {
  if (line.outboxId === null || line.outboxId === undefined) return html``;
  const status = model.delivery.get(line.outboxId) ?? 'pending';
  return deliveryStatus(ctx, line.outboxId, status, model.citizen.platform);
}

/** A consultant reply's delivery; a pending one asks again every two seconds until it is sent. */
export function deliveryStatus(
  ctx: ViewContext,
  outboxId: number,
  status: 'pending' | 'sent' | 'dead',
  platform: string,
): SafeHtml {
  if (status === 'pending')
    return html`<span class="delivery pending" hx-get="${`/console/outbox/${outboxId}`}" hx-trigger="load delay:1s, every 2s" hx-swap="outerHTML">${ctx.t('timeline.delivery_pending')}</span>`;
  if (status === 'dead') return html`<span class="delivery dead">${ctx.t('timeline.delivery_dead')}</span>`;
  // The web chat has no messenger to hand a message to: "sent" only means the citizen's page may fetch it, and
  // nothing records whether it did (a closed page never will), so it is not called «доставлено».
  if (platform === 'web')
    return html`<span class="delivery sent" title="${ctx.t('timeline.delivery_web_hint')}">${ctx.t('timeline.delivery_web')}</span>`;
  return html`<span class="delivery sent">${ctx.t('timeline.delivery_sent', { platform: ctx.t(`platform.${platform}`) })}</span>`;
}

function proposeControl(ctx: ViewContext, model: TicketPageModel, line: TranscriptLine): SafeHtml {
  const proposal = model.proposals.get(line.id);
  if (proposal) return html`<span class="proposed">${ctx.t('timeline.proposed')}</span>`;
  if (!permissions(ctx, model.ticket).propose) return html``;
  return html`<form method="post" action="${`/console/tickets/${model.ticket.id}/propose`}" class="inline" hx-post="${`/console/tickets/${model.ticket.id}/propose`}" hx-swap="none">
    ${csrfField(ctx)}<input type="hidden" name="messageId" value="${line.id}">
    <button type="submit" class="link-button">${ctx.t('timeline.propose')}</button>
  </form>`;
}

/** The buttons under an assistant's message, as the citizen saw them (row by row); not clickable here. */
function offeredButtons(ctx: ViewContext, rows: string[][] | undefined): SafeHtml {
  if (!rows) return html``;
  return html`<div class="offered" aria-label="${ctx.t('timeline.offered')}">${rows.map(
    (row) =>
      html`<div class="offered-row">${row.map((label) => html`<span class="offered-button">${label}</span>`)}</div>`,
  )}</div>`;
}

/**
 * Every source of the entry an assistant's answer came from: the answer names the first and «(и ещё 4)», which left
 * the consultant no way to see the others. Only under a message that names the first (a source line is in it). No
 * nested <li>: a timeline item is one <li>.
 */
function allSources(
  ctx: ViewContext,
  model: TicketPageModel,
  line: TranscriptLine,
  entryId?: string,
): SafeHtml {
  const sources = entryId ? model.entrySources(entryId) : undefined;
  if (!sources || sources.length < 2 || !sources.some((s) => line.text.includes(s.title))) return html``;
  return html`<details class="sources"><summary>${ctx.t('timeline.sources_all', { count: sources.length })}</summary>
    ${sources.map(
      (s) =>
        html`<div class="source">${s.url ? html`<a href="${safeUrl(s.url)}" target="_blank" rel="noopener noreferrer">${s.title}</a>` : s.title}${s.official ? '' : html` <span class="muted">(${ctx.t('timeline.source_unofficial')})</span>`}</div>`,
    )}</details>`;
}

function messageItem(
  ctx: ViewContext,
  model: TicketPageModel,
  line: TranscriptLine,
  entryId?: string,
): SafeHtml {
  const at = html`<time>${when(ctx, line.createdAt)}</time>`;
  if (line.direction === 'in' && line.author === 'system') {
    const key = line.text.includes('handoff-closed') ? 'timeline.system_closed' : 'timeline.system_taken';
    return html`<li class="event" data-message="${line.id}">${at} ${ctx.t(key)}</li>`;
  }
  if (line.direction === 'in') {
    return html`<li class="msg msg-citizen" data-message="${line.id}">
      <div class="who">${ctx.t('timeline.citizen')} ${at}</div>
      ${citizenText(ctx, model, line)}
      ${outcomeNote(ctx, model, line)}
    </li>`;
  }
  if (line.author === 'consultant') {
    const name =
      model.colleagues.find((c) => c.id === line.consultantId)?.displayName ??
      (line.consultantId === ctx.account?.id ? ctx.account?.displayName : undefined) ??
      '';
    // The reply is kept as typed (Markdown: a proposal for the knowledge base takes it as it is) and shown as the
    // citizen read it, without the ** and [](…) (an audit found them raw here, beside formatted assistant answers).
    return html`<li class="msg msg-consultant" data-message="${line.id}">
      <div class="who">${ctx.t('timeline.consultant', { name })} ${at} ${deliveryBadge(ctx, line, model)}</div>
      <div class="text">${toPlainText(parseRichText(line.text))}</div>
      <div class="msg-tools">${proposeControl(ctx, model, line)}</div>
    </li>`;
  }
  return html`<li class="msg msg-assistant" data-message="${line.id}">
    <div class="who">${ctx.t('timeline.assistant')} ${at}</div>
    <div class="text">${line.text}</div>
    ${allSources(ctx, model, line, entryId)}
    ${offeredButtons(ctx, model.buttons.offered.get(line.id))}
  </li>`;
}

function eventItem(ctx: ViewContext, e: TicketEvent): SafeHtml {
  const at = html`<time>${when(ctx, e.createdAt)}</time>`;
  const actor = e.actorName ?? ctx.t('timeline.system');
  switch (e.kind) {
    case 'note':
      return html`<li class="note" data-event="${e.id}"><div class="who">${ctx.t('timeline.note', { name: actor })} ${at}</div><div class="text">${e.text}</div></li>`;
    case 'taken':
      return html`<li class="event" data-event="${e.id}">${at} ${ctx.t('timeline.taken', { name: actor })}</li>`;
    case 'assigned':
      return html`<li class="event" data-event="${e.id}">${at} ${ctx.t('timeline.assigned', { name: e.targetName ?? '' })}</li>`;
    case 'transferred':
      return html`<li class="event" data-event="${e.id}">${at} ${ctx.t('timeline.transferred', { from: actor, to: e.targetName ?? '' })}</li>`;
    case 'alert':
      return html`<li class="event event-alert" data-event="${e.id}">${at} ${ctx.t(e.text === ALERT_UNANSWERED ? 'timeline.alert_unanswered' : 'timeline.alert')}</li>`;
    default:
      return html`<li class="event" data-event="${e.id}">${at} ${e.kind}</li>`;
  }
}

type Item = { at: number; order: number; html: SafeHtml };

/**
 * The whole timeline: messages and events in time order. Sent as a whole on every live update (a chat is at most a
 * few hundred lines): simpler and sturdier than appending, where an update racing another could be lost. Every item
 * has a key (data-message, data-event, data-key): the page replaces only the items whose markup changed.
 */
export function timelineItems(ctx: ViewContext, model: TicketPageModel): SafeHtml {
  const items: Item[] = [];
  // One event's lines share a timestamp, and the runner stores the replies before the message that caused them:
  // at equal times the citizen's message comes first, then the ticket marker, then what was sent, then events.
  // The entry an answer came from is recorded on the citizen's message, so the replies find it by that timestamp.
  const answered = new Map<number, string>();
  for (const line of model.lines)
    if (line.direction === 'in' && line.entryId) answered.set(line.createdAt, line.entryId);
  for (const line of model.lines)
    items.push({
      at: line.createdAt,
      order: line.direction === 'in' ? 0 : 2,
      html: messageItem(ctx, model, line, answered.get(line.createdAt)),
    });
  for (const e of model.events) items.push({ at: e.createdAt, order: 3, html: eventItem(ctx, e) });
  items.push({
    at: model.ticket.createdAt,
    order: 1,
    html: html`<li class="divider" data-key="${`opened-${model.ticket.id}`}"><span>${ctx.t('timeline.ticket_created', { id: model.ticket.id, reason: ctx.t(`reason.${model.ticket.reason}`) })}</span></li>`,
  });
  if (model.ticket.closedAt)
    items.push({
      at: model.ticket.closedAt,
      order: 1,
      html: html`<li class="divider" data-key="${`ended-${model.ticket.id}`}"><span>${ctx.t(model.ticket.status === 'closed' ? 'timeline.ticket_closed' : 'timeline.ticket_cancelled', { id: model.ticket.id })}</span></li>`,
    });
  items.sort((a, b) => a.at - b.at || a.order - b.order); // stable: ids stay in order within a group
  return html`${items.map((i) => i.html)}`;
}

function stars(score: number): string {
  return '★'.repeat(score) + '☆'.repeat(5 - score);
}

/** Status, priority, who has it, rating: refreshed live with the timeline. */
export function ticketHead(ctx: ViewContext, model: TicketPageModel): SafeHtml {
  const t = model.ticket;
  const status =
    t.status === 'open'
      ? t.assignedTo === null
        ? html`<span class="status status-waiting">${ctx.t('ticket.status_waiting', { time: duration(ctx, ctx.now - t.createdAt) })}</span>`
        : html`<span class="status status-work">${ctx.t('ticket.status_work', { name: t.assignedTo === ctx.account?.id ? ctx.t('queue.you') : (t.assignedName ?? '') })}</span>`
      : t.status === 'closed'
        ? html`<span class="status status-closed">${ctx.t('ticket.status_closed', { resolution: ctx.t(`resolution.${t.resolution ?? 'other'}`) })}</span>`
        : html`<span class="status status-cancelled">${ctx.t('ticket.status_cancelled')}</span>`;
  return html`<input type="hidden" id="ticket-state" name="state" value="${ticketState(t)}">
    <div class="ticket-head-row">
      <h1>${ctx.t('ticket.title', { id: t.id })}</h1>
      ${priorityBadge(ctx, t.priority)} ${platformBadge(ctx, t.platform)} ${status}
    </div>
    ${
      t.rating !== null
        ? html`<p class="rating" data-rating="${t.rating}">${ctx.t('ticket.rating')} <span class="stars" aria-label="${String(t.rating)}">${stars(t.rating)}</span> ${t.rating}/5${t.ratingComment ? html` — «${t.ratingComment}»` : ''}</p>`
        : t.status === 'closed'
          ? html`<p class="muted">${ctx.t('ticket.rating_waiting')}</p>`
          : ''
    }`;
}

const PRESENCE = ['online', 'offline', 'away'] as const;

/**
 * Colleagues to transfer to, by whether they can answer now: those with the console open and not on a break first,
 * then those without the console open, those on a break last (an audit found a colleague on a break offered like any
 * other, with nothing to tell).
 */
function transferGroups(ctx: ViewContext, colleagues: Account[], online: Set<number>): SafeHtml {
  const presence = (c: Account) => (!c.available ? 'away' : online.has(c.id) ? 'online' : 'offline');
  return html`${PRESENCE.map((group) => {
    const members = colleagues.filter((c) => presence(c) === group);
    if (members.length === 0) return '';
    return html`<optgroup label="${ctx.t(`ticket.transfer_group_${group}`)}">${members.map(
      (c) =>
        html`<option value="${c.id}">${c.displayName} (${ctx.t(`roles.${c.role}`)}, ${ctx.t(`ticket.transfer_status_${group}`)})</option>`,
    )}</optgroup>`;
  })}`;
}

function actions(ctx: ViewContext, model: TicketPageModel): SafeHtml {
  const t = model.ticket;
  const p = permissions(ctx, t);
  const parts: SafeHtml[] = [];
  if (p.take)
    parts.push(html`<form method="post" action="${`/console/tickets/${t.id}/take`}">${csrfField(ctx)}
      <button type="submit" class="button primary wide">${ctx.t('ticket.take')}</button></form>`);
  if (p.handle) {
    const colleagues = model.colleagues.filter(
      (c) => c.id !== t.assignedTo && c.role !== 'curator' && c.active,
    );
    if (colleagues.length > 0)
      parts.push(html`<form method="post" action="${`/console/tickets/${t.id}/transfer`}" class="stack">${csrfField(ctx)}
        <label for="transfer-to">${ctx.t('ticket.transfer_to')}</label>
        <select id="transfer-to" name="to" required><option value="">${ctx.t('ticket.transfer_choose')}</option>${transferGroups(ctx, colleagues, model.online)}</select>
        <button type="submit" class="button secondary">${ctx.t('ticket.transfer')}</button></form>`);
    parts.push(html`<form method="post" action="${`/console/tickets/${t.id}/close`}" class="stack" data-confirm="${ctx.t('ticket.close_confirm')}">${csrfField(ctx)}
      <label for="resolution">${ctx.t('ticket.resolution')}</label>
      <select id="resolution" name="resolution" required>
        <option value="">${ctx.t('ticket.resolution_choose')}</option>
        ${RESOLUTIONS.map((r) => html`<option value="${r}">${ctx.t(`resolution.${r}`)}</option>`)}
      </select>
      <button type="submit" class="button danger">${ctx.t('ticket.close')}</button>
      <p class="muted small">${ctx.t('ticket.close_hint')}</p></form>`);
  }
  if (parts.length === 0) return html``;
  return html`<section class="panel side-panel"><h2>${ctx.t('ticket.actions')}</h2>${parts}</section>`;
}

/** Why the ticket is here; for one a crisis message made urgent, that message (its first reason hid the crisis). */
function reasonFacts(ctx: ViewContext, model: TicketPageModel): SafeHtml {
  const t = model.ticket;
  const reason = ctx.t(`reason.${t.reason}`);
  if (!escalatedToCrisis(t)) return html`<dt>${ctx.t('ticket.reason')}</dt><dd>${reason}</dd>`;
  const crisis = crisisMessage(model.lines, t);
  return html`<dt>${ctx.t('ticket.reason')}</dt><dd class="reason-crisis">${ctx.t('queue.escalated', { reason })}</dd>
      ${crisis ? html`<dt>${ctx.t('ticket.crisis_message')}</dt><dd class="crisis-message">«${preview(crisis.text)}» <time class="muted small">${when(ctx, crisis.createdAt)}</time></dd>` : ''}`;
}

function citizenPanel(ctx: ViewContext, model: TicketPageModel): SafeHtml {
  const c = model.citizen;
  return html`<section class="panel side-panel"><h2>${ctx.t('ticket.citizen')}</h2>
    <dl class="facts">
      <dt>${ctx.t('ticket.platform')}</dt><dd>${ctx.t(`platform.${c.platform}`)}</dd>
      <dt>${ctx.t('ticket.locale')}</dt><dd>${ctx.t(`locale.${c.locale === 'en' ? 'en' : 'ru'}`)}</dd>
      <dt>${ctx.t('ticket.region')}</dt><dd>${c.region ? ctx.t(`region.${c.region}`) : ctx.t('ticket.region_unknown')}</dd>
      <dt>${ctx.t('ticket.since')}</dt><dd>${dateOnly(ctx, c.createdAt)}</dd>
      ${reasonFacts(ctx, model)}
    </dl></section>`;
}

function cannedPanel(ctx: ViewContext, model: TicketPageModel): SafeHtml {
  if (model.canned.length === 0) return html``;
  const groups = [...new Set(model.canned.map((c) => c.group))];
  return html`<section class="panel side-panel"><h2>${ctx.t('ticket.canned')}</h2>
    <p class="muted small">${ctx.t('ticket.canned_hint')}</p>
    ${groups.map(
      (g) => html`<details class="canned-group"><summary>${g}</summary><ul class="plain">
        ${model.canned
          .filter((c) => c.group === g)
          .map(
            (c) =>
              html`<li><button type="button" class="insert" data-insert="${c.text}" data-target="reply-text" title="${c.text}">${c.title}</button></li>`,
          )}
      </ul></details>`,
    )}
  </section>`;
}

function kbPanel(ctx: ViewContext, model: TicketPageModel): SafeHtml {
  return html`<section class="panel side-panel"><h2>${ctx.t('ticket.kb')}</h2>
    <input type="search" name="q" class="input" placeholder="${ctx.t('ticket.kb_placeholder')}" aria-label="${ctx.t('ticket.kb')}"
      hx-get="${`/console/tickets/${model.ticket.id}/kb`}" hx-trigger="input changed delay:400ms, search" hx-target="#kb-results" hx-swap="innerHTML">
    <div id="kb-results" class="kb-results"></div>
  </section>`;
}

/** Longer short answers show their start, and the whole on request (five in full filled the side panel). */
const KB_PREVIEW_CHARS = 180;

/** What «Вставить в ответ» inserts, to read first: the entry's short answer (an audit found only title and source). */
function kbPreview(ctx: ViewContext, text: string): SafeHtml {
  if (text.length <= KB_PREVIEW_CHARS) return html`<div class="kb-preview">${text}</div>`;
  const start = text.slice(0, KB_PREVIEW_CHARS - 1).trimEnd();
  return html`<details class="kb-preview clipped"><summary><span class="clipped-start">${start}…</span> <span class="link">${ctx.t('ticket.kb_show_all')}</span></summary>${text}</details>`;
}

export function kbResults(ctx: ViewContext, results: KbSuggestion[], query: string): SafeHtml {
  if (!query.trim()) return html``;
  if (results.length === 0) return html`<p class="muted">${ctx.t('ticket.kb_nothing')}</p>`;
  return html`<ul class="plain kb-list">${results.map(
    (r) => html`<li class="kb-item">
      <div class="kb-title">${r.title}</div>
      ${kbPreview(ctx, r.preview)}
      <div class="muted small">${r.sourceUrl ? html`<a href="${safeUrl(r.sourceUrl)}" target="_blank" rel="noopener noreferrer">${r.sourceTitle}</a>` : r.sourceTitle}</div>
      <button type="button" class="button small secondary insert" data-insert="${r.text}" data-target="reply-text">${ctx.t('ticket.kb_insert')}</button>
    </li>`,
  )}</ul>`;
}

function notePanel(ctx: ViewContext, model: TicketPageModel): SafeHtml {
  if (!permissions(ctx, model.ticket).note) return html``;
  return html`<section class="panel side-panel"><h2>${ctx.t('ticket.notes')}</h2>
    <form method="post" action="${`/console/tickets/${model.ticket.id}/note`}" hx-post="${`/console/tickets/${model.ticket.id}/note`}" hx-swap="none" data-reset-on-success class="stack">
      ${csrfField(ctx)}
      <textarea name="text" rows="3" maxlength="2000" class="input" placeholder="${ctx.t('ticket.note_placeholder')}" aria-label="${ctx.t('ticket.notes')}" required></textarea>
      <button type="submit" class="button secondary">${ctx.t('ticket.note_add')}</button>
    </form></section>`;
}

type TicketState = Pick<TicketSummary, 'status' | 'assignedTo'>;

/**
 * What decides the page's actions: the status and who has the ticket. The head carries it, and its live refresh
 * sends it back, so that the actions are re-rendered only when it changed (re-rendering the reply box on every message
 * would wipe what the consultant is typing).
 */
export function ticketState(t: TicketState): string {
  return `${t.status}:${t.assignedTo ?? '-'}`;
}

export function parseTicketState(value: unknown): TicketState | undefined {
  const m = typeof value === 'string' ? /^(open|closed|cancelled):(-|\d{1,12})$/.exec(value) : null;
  if (!m) return undefined;
  return { status: m[1] as TicketState['status'], assignedTo: m[2] === '-' ? null : Number(m[2]) };
}

/** Which reply area the page shows: the form, or which notice (the colleague's name is in it). */
function replyMode(ctx: ViewContext, t: TicketState): string {
  if (t.status !== 'open') return t.status;
  if (ctx.account?.role === 'curator') return 'curator';
  return permissions(ctx, t).reply ? 'form' : `other:${t.assignedTo}`;
}

function replyHint(ctx: ViewContext, t: TicketState, oob = false): SafeHtml {
  return html`<span id="reply-hint" class="muted small"${oob ? html` hx-swap-oob="true"` : ''}>${ctx.t(t.assignedTo === null ? 'ticket.reply_takes' : 'ticket.reply_hint')}</span>`;
}

function replyBox(ctx: ViewContext, model: TicketPageModel): SafeHtml {
  const t = model.ticket;
  const mode = replyMode(ctx, t);
  if (mode === 'closed' || mode === 'cancelled')
    return html`<p class="reply-closed">${ctx.t(t.status === 'closed' ? 'ticket.reply_closed' : 'ticket.reply_cancelled')}</p>`;
  if (mode === 'curator') return html`<p class="reply-closed">${ctx.t('ticket.reply_curator')}</p>`;
  if (mode !== 'form')
    return html`<p class="reply-closed">${ctx.t('ticket.reply_other', { name: t.assignedName ?? '' })}</p>`;
  return html`<form id="reply-form" method="post" action="${`/console/tickets/${t.id}/reply`}" hx-post="${`/console/tickets/${t.id}/reply`}" hx-swap="none" data-reset-on-success class="reply">
    ${csrfField(ctx)}
    <label for="reply-text" class="reply-label">${ctx.t('ticket.reply_label', { platform: ctx.t(`platform.${t.platform}`) })}</label>
    <textarea id="reply-text" name="text" rows="5" maxlength="${MAX_REPLY_CHARS}" class="input" required placeholder="${ctx.t('ticket.reply_placeholder')}"></textarea>
    <div class="reply-bar">
      ${replyHint(ctx, t)}
      <span class="reply-send">
        <span class="reply-count muted small" data-count-for="reply-text">${`0 / ${MAX_REPLY_CHARS}`}</span>
        <button type="submit" class="button primary">${ctx.t('ticket.send')}</button>
      </span>
    </div>
  </form>`;
}

function replyArea(ctx: ViewContext, model: TicketPageModel, oob = false): SafeHtml {
  return html`<div id="ticket-reply"${oob ? html` hx-swap-oob="true"` : ''}>${replyBox(ctx, model)}</div>`;
}

/** Take, transfer and close, and the helpers for writing a reply: what the page offers depends on who has it. */
function actionArea(ctx: ViewContext, model: TicketPageModel, oob = false): SafeHtml {
  return html`<div id="ticket-actions"${oob ? html` hx-swap-oob="true"` : ''}>
        ${actions(ctx, model)}
        ${permissions(ctx, model.ticket).reply ? html`${cannedPanel(ctx, model)}${kbPanel(ctx, model)}` : ''}
      </div>`;
}

/**
 * The head's live fragment. When the page was rendered for another state (a colleague took the ticket, the citizen
 * went back to the assistant, it was closed), the actions and the reply area come along as out-of-band swaps; the
 * reply form is kept, with what is typed in it, while it stays a form.
 */
export function ticketHeadLive(ctx: ViewContext, model: TicketPageModel, pageState: unknown): SafeHtml {
  const before = parseTicketState(pageState);
  const now = model.ticket;
  if (!before || ticketState(before) === ticketState(now)) return ticketHead(ctx, model);
  const sameMode = replyMode(ctx, before) === replyMode(ctx, now);
  return html`${ticketHead(ctx, model)}
    ${actionArea(ctx, model, true)}
    ${sameMode ? (replyMode(ctx, now) === 'form' ? replyHint(ctx, now, true) : '') : replyArea(ctx, model, true)}`;
}

export function ticketPage(
  ctx: ViewContext,
  model: TicketPageModel,
  done?: string,
  error?: string,
): SafeHtml {
  const id = model.ticket.id;
  return page(
    ctx,
    ctx.t('ticket.title', { id }),
    html`<p class="back"><a href="/console">${ctx.t('ticket.back')}</a></p>
    ${flash(ctx, done)}${flash(ctx, error, 'error')}
    <div class="ticket">
      <div class="ticket-main">
        <div id="ticket-head" class="ticket-head" hx-get="${`/console/tickets/${id}/head`}" hx-include="#ticket-state" hx-trigger="${`live-ticket-${id} from:body, every 30s`}" hx-swap="innerHTML">${ticketHead(ctx, model)}</div>
        <ol id="timeline" class="timeline" aria-live="polite" hx-get="${`/console/tickets/${id}/timeline`}" hx-trigger="${`live-ticket-${id} from:body, every 20s`}" hx-swap="innerHTML">${timelineItems(ctx, model)}</ol>
        ${replyArea(ctx, model)}
      </div>
      <aside class="ticket-side">
        ${actionArea(ctx, model)}
        ${citizenPanel(ctx, model)}
        ${notePanel(ctx, model)}
      </aside>
    </div>`,
  );
}
