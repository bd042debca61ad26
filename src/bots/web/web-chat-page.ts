/**
 * The web chat page: one self-contained HTML document (no build step). Everything the citizen or the assistant
 * wrote is put into the page with textContent, never as HTML, so no message can run script in the page.
 */
import type { Locale, Translator } from '../../i18n/translator.js';

const KEYS = ['title', 'subtitle', 'placeholder', 'send', 'offline', 'local_note'] as const;

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderWebChatPage(translator: Translator, locale: Locale): string {
  const s = Object.fromEntries(KEYS.map((k) => [k, translator.t(locale, `web.${k}`)])) as Record<
    (typeof KEYS)[number],
    string
  >;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.title)}</title>
<style>
  :root { --bg:#eef1f5; --me:#d7ecff; --bot:#fff; --accent:#1f6feb; --text:#1b1f24; }
  * { box-sizing: border-box; }
  body { margin:0; font: 18px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background:var(--bg); color:var(--text); }
  header { background:var(--accent); color:#fff; padding:12px 16px; }
  header h1 { margin:0; font-size:20px; }
  header p { margin:2px 0 0; font-size:14px; opacity:.9; }
  #log { max-width:760px; margin:0 auto; padding:12px 12px 120px; }
  .msg { margin:10px 0; padding:10px 14px; border-radius:14px; max-width:92%; white-space:pre-wrap; word-wrap:break-word; box-shadow:0 1px 2px rgba(0,0,0,.08); }
  .me { background:var(--me); margin-left:auto; }
  .bot { background:var(--bot); }
  .msg p { margin:0 0 8px; } .msg p:last-child { margin-bottom:0; }
  .msg ul { margin:0 0 8px; padding-left:22px; }
  .buttons { display:flex; flex-direction:column; gap:6px; margin-top:10px; }
  .row { display:flex; gap:6px; flex-wrap:wrap; }
  .row > * { flex:1 1 0; min-width:0; }
  button.act, a.link { font:inherit; font-size:16px; padding:10px 8px; border-radius:10px; border:1px solid #c8d1dc; background:#f7f9fb; color:var(--accent); cursor:pointer; text-align:center; text-decoration:none; }
  button.act:active { background:#e3ebf5; }
  form { position:fixed; left:0; right:0; bottom:0; background:#fff; border-top:1px solid #d0d7de; padding:10px; display:flex; gap:8px; justify-content:center; }
  textarea { flex:1; max-width:640px; font:inherit; padding:10px; border-radius:10px; border:1px solid #c8d1dc; resize:none; height:56px; }
  form button { font:inherit; padding:0 18px; border-radius:10px; border:0; background:var(--accent); color:#fff; }
  #status { text-align:center; color:#8a4b00; font-size:14px; min-height:1em; }
  .note { text-align:center; color:#57606a; font-size:13px; }
</style>
</head>
<body>
<header><h1>${escapeHtml(s.title)}</h1><p>${escapeHtml(s.subtitle)}</p></header>
<main id="log" aria-live="polite"><p class="note">${escapeHtml(s.local_note)}</p></main>
<div id="status" role="status"></div>
<form id="form"><textarea id="input" placeholder="${escapeHtml(s.placeholder)}" aria-label="${escapeHtml(s.placeholder)}" maxlength="10000"></textarea><button type="submit">${escapeHtml(s.send)}</button></form>
<script>
(() => {
  const S = ${scriptJson(s)};
  // The label of the "share my location" button (a message with requestLocation shows it; the browser asks).
  const LOCATION_LABEL = ${scriptJson(translator.keys(locale).includes('buttons.share_location') ? translator.t(locale, 'buttons.share_location') : '📍')};
  const LANG = ${scriptJson(locale)};
  const log = document.getElementById('log');
  const input = document.getElementById('input');
  const status = document.getElementById('status');
  const rid = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  let sessionId = localStorage.getItem('wa-session');
  const fresh = !sessionId;
  if (!sessionId) { sessionId = rid(); localStorage.setItem('wa-session', sessionId); }
  let after = 0;
  const nodes = new Map();

  function spans(parent, list) {
    for (const sp of list) {
      let el;
      if (sp.href && /^(https?:|tel:)/.test(sp.href)) { el = document.createElement('a'); el.href = sp.href; el.target = '_blank'; el.rel = 'noopener noreferrer'; }
      else el = document.createElement(sp.bold ? 'b' : 'span');
      if (sp.bold && el.tagName === 'A') el.style.fontWeight = 'bold';
      el.textContent = sp.text;
      parent.appendChild(el);
    }
  }
  function render(m) {
    const div = document.createElement('div');
    div.className = 'msg bot';
    for (const block of m.text) {
      if (block.type === 'list') {
        const ul = document.createElement('ul');
        for (const item of block.items) { const li = document.createElement('li'); spans(li, item); ul.appendChild(li); }
        div.appendChild(ul);
      } else { const p = document.createElement('p'); spans(p, block.spans); div.appendChild(p); }
    }
    if (m.requestLocation && navigator.geolocation) {
      const btn = document.createElement('button'); btn.className = 'act'; btn.type = 'button'; btn.textContent = LOCATION_LABEL;
      btn.onclick = () => navigator.geolocation.getCurrentPosition(
        (pos) => { mine(LOCATION_LABEL); post({ kind: 'location', latitude: pos.coords.latitude, longitude: pos.coords.longitude }); },
        () => { status.textContent = S.offline; },
        { timeout: 15000, maximumAge: 60000 });
      const box = document.createElement('div'); box.className = 'buttons'; box.appendChild(btn); div.appendChild(box);
    }
    if (m.buttons.length) {
      const box = document.createElement('div'); box.className = 'buttons';
      for (const row of m.buttons) {
        const r = document.createElement('div'); r.className = 'row';
        for (const b of row) {
          if (b.kind === 'link') { const a = document.createElement('a'); a.className = 'link'; a.textContent = b.label; if (/^https?:/.test(b.url)) a.href = b.url; a.target = '_blank'; a.rel = 'noopener noreferrer'; r.appendChild(a); }
          else { const btn = document.createElement('button'); btn.className = 'act'; btn.type = 'button'; btn.textContent = b.label; btn.onclick = () => press(b, m.id); r.appendChild(btn); }
        }
        box.appendChild(r);
      }
      div.appendChild(box);
    }
    const old = m.editOf != null ? nodes.get(m.editOf) : undefined;
    if (old) { old.replaceWith(div); nodes.set(m.editOf, div); }
    else log.appendChild(div);
    nodes.set(m.id, div);
    div.scrollIntoView({ block: 'end', behavior: 'smooth' });
  }
  function mine(text) { const d = document.createElement('div'); d.className = 'msg me'; d.textContent = text; log.appendChild(d); d.scrollIntoView({ block: 'end' }); }
  async function post(body) {
    body = Object.assign({ sessionId, eventId: rid(), lang: LANG }, body);
    for (let i = 0; i < 6; i++) {
      try {
        const r = await fetch('/api/chat/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        if (r.ok || (r.status >= 400 && r.status < 500)) { status.textContent = ''; return; }
      } catch (e) {}
      status.textContent = S.offline;
      await new Promise((res) => setTimeout(res, 1000 * 2 ** i));
    }
  }
  function press(b, sourceId) { mine(b.label); post({ kind: 'button', payload: b.payload, sourceMessageId: String(sourceId) }); }
  async function poll() {
    for (;;) {
      try {
        const r = await fetch('/api/chat/messages?sessionId=' + sessionId + '&after=' + after + '&wait=1');
        if (!r.ok) throw new Error(String(r.status));
        const data = await r.json();
        status.textContent = '';
        for (const m of data.messages) { after = Math.max(after, m.id); render(m); }
      } catch (e) { status.textContent = S.offline; await new Promise((res) => setTimeout(res, 3000)); }
    }
  }
  document.getElementById('form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    mine(text);
    post({ kind: 'text', text });
  });
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); document.getElementById('form').requestSubmit(); } });
  poll();
  if (fresh) post({ kind: 'start' });
})();
</script>
</body>
</html>`;
}
