/**
 * The page frame of the console: navigation by role, the signed-in person with availability and logout, the live
 * alert strip for supervisors. Scripts and styles are files under /console/assets (the Content-Security-Policy
 * allows no inline script), htmx included.
 */
import type { Role } from '../console-store.js';
import { html, type SafeHtml } from './html.js';
import { type ViewContext, when } from './view-context.js';

interface NavItem {
  path: string;
  key: string;
  roles: readonly Role[];
}

const NAV: readonly NavItem[] = [
  { path: '/console', key: 'nav.queue', roles: ['consultant', 'supervisor', 'curator'] },
  { path: '/console/history', key: 'nav.history', roles: ['consultant', 'supervisor', 'curator'] },
  { path: '/console/dashboard', key: 'nav.dashboard', roles: ['supervisor'] },
  { path: '/console/complaints', key: 'nav.complaints', roles: ['supervisor'] },
  { path: '/console/report', key: 'nav.report', roles: ['curator', 'supervisor'] },
  { path: '/console/review', key: 'nav.review', roles: ['curator', 'supervisor'] },
];

export function csrfField(ctx: ViewContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;
}

function navigation(ctx: ViewContext): SafeHtml {
  const role = ctx.account?.role;
  if (!role) return html``;
  const current = NAV.filter((n) => ctx.path === n.path || ctx.path.startsWith(`${n.path}/`)).at(-1)?.path;
  return html`<nav class="nav" aria-label="${ctx.t('nav.label')}">
    ${NAV.filter((n) => n.roles.includes(role)).map(
      (n) =>
        html`<a href="${n.path}" class="${n.path === current ? 'nav-link current' : 'nav-link'}"${n.path === current ? html` aria-current="page"` : ''}>${ctx.t(n.key)}</a>`,
    )}
  </nav>`;
}

function me(ctx: ViewContext): SafeHtml {
  const a = ctx.account;
  if (!a) return html``;
  const works = a.role !== 'curator';
  return html`<div class="me">
    <span class="me-name">${a.displayName}</span>
    <span class="me-role">${ctx.t(`roles.${a.role}`)}</span>
    ${
      works
        ? html`<form method="post" action="/console/me/available" class="inline">
            ${csrfField(ctx)}
            <input type="hidden" name="available" value="${a.available ? '0' : '1'}">
            <button type="submit" class="${a.available ? 'chip chip-on' : 'chip chip-off'}" title="${ctx.t(a.available ? 'me.available_hint' : 'me.away_hint')}">${ctx.t(a.available ? 'me.available' : 'me.away')}</button>
          </form>`
        : ''
    }
    <form method="post" action="/console/logout" class="inline">
      ${csrfField(ctx)}
      <button type="submit" class="link-button">${ctx.t('me.logout')}</button>
    </form>
  </div>`;
}

/**
 * The warning that the session is about to end (CONSOLE_SESSION_HOURS after logging in; it is not extended while
 * the person works, so that a console left open does not stay logged in for good). Hidden until SESSION_WARNING_MS
 * before the end; console.js shows it then, counting from the time left as the server saw it (the browser's clock
 * may be off).
 */
function sessionNote(ctx: ViewContext): SafeHtml {
  if (!ctx.account || ctx.sessionEndsAt === undefined) return html``;
  return html`<div class="session-note" role="alert" hidden data-session-left="${String(ctx.sessionEndsAt - ctx.now)}">${ctx.t('session_ending', { time: when(ctx, ctx.sessionEndsAt) })}</div>`;
}

/** What the browser's tab shows: the page's own title, then the console's name. */
export function pageTitle(ctx: ViewContext, title: string): string {
  return `${title} — ${ctx.t('app_name')}`;
}

export function page(ctx: ViewContext, title: string, body: SafeHtml): SafeHtml {
  const supervisor = ctx.account?.role === 'supervisor';
  return html`<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"selfRequestsOnly":true,"historyCacheSize":0}'>
<title>${pageTitle(ctx, title)}</title>
<link rel="icon" href="/console/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/console/assets/console.css">
<script src="/console/assets/htmx.min.js" defer></script>
<script src="/console/assets/console.js" defer></script>
</head>
<body data-error-text="${ctx.t('errors.action_failed')}"${ctx.account ? html` data-live="/console/events" data-live-group="${String(ctx.account.id)}"` : ''}>
<div class="offline-note" role="status">${ctx.t('offline')}</div>
${sessionNote(ctx)}
<header class="top">
  <a class="brand" href="/console">${ctx.t('app_name')}</a>
  ${navigation(ctx)}
  ${me(ctx)}
</header>
${
  supervisor
    ? html`<div id="alerts" class="alerts" hx-get="/console/alerts" hx-trigger="load, live-alert from:body, live-queue from:body" aria-live="polite"></div>`
    : ''
}
<main class="main">
${body}
</main>
</body>
</html>`;
}

/** A notice at the top of a page after an action ("Обращение взято"). */
export function flash(ctx: ViewContext, key: string | undefined, kind: 'ok' | 'error' = 'ok'): SafeHtml {
  if (!key) return html``;
  return html`<p class="${`flash flash-${kind}`}" role="status">${ctx.t(key)}</p>`;
}
