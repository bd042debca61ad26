/**
 * The web chat page: one self-contained HTML document (no build step). Everything the citizen or the assistant
 * wrote is put into the page with textContent, never as HTML, so no message can run script in the page.
 */
import type { Locale, Translator } from '../../i18n/translator.js';

const KEYS = [
  'title',
  'subtitle',
  'placeholder',
  'send',
  'offline',
  'all_topics',
  'sending',
  'typing',
  'not_sent',
  'geo_failed',
  'you',
  'assistant',
  'end',
  'end_confirm',
  'new_reply',
  'skip_to_input',
  'reply_buttons',
] as const;

/**
 * Web addresses (group 1) and Russian phone numbers (group 2) in message text, which the page makes tappable: the
 * knowledge base and consultants write «8-800-100-00-01» and «sfr.gov.ru» as plain text (Telegram links them by
 * itself; a browser does not).
 */
export const LINK_PATTERN = String.raw`(https?://[^\s<>«»"]+|\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:ru|su|com|org|net|info)\b(?:/[^\s<>«»"]*)?)|((?:\+7|\b8)[\s\u00a0-]?\(?\d{3}\)?[\s\u00a0-]?\d{3}[\s\u00a0-]?\d{2}[\s\u00a0-]?\d{2}\b)`;

/**
 * Inactivity after which the browser forgets its session and starts a fresh conversation: a public computer or a
 * relative's phone should not show the last person's conversation for the rest of the day, while a citizen waiting
 * for a consultant in working hours (about 40 minutes in the queue) still finds the answer. The server forgets such a
 * session too (web-session-expiry.ts).
 */
export const WEB_SESSION_IDLE_MS = 2 * 60 * 60 * 1000;

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
  /* Colours meet WCAG AA: text 4.5:1, borders of controls 3:1 against what is behind them. */
  :root { --bg:#eef1f5; --me:#d7ecff; --bot:#fff; --accent:#0b57d0; --text:#1b1f24; --line:#7d8590; }
  * { box-sizing: border-box; }
  body { margin:0; font: 18px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background:var(--bg); color:var(--text); }
  header { background:var(--accent); color:#fff; padding:12px 16px; }
  header h1 { margin:0; font-size:20px; }
  header p { margin:2px 0 0; font-size:14px; }
  #end { margin-top:10px; font:inherit; font-size:15px; padding:8px 12px; min-height:44px; border-radius:10px; border:2px solid #fff; background:transparent; color:#fff; cursor:pointer; text-align:left; }
  #log { max-width:760px; margin:0 auto; padding:12px 12px 140px; }
  .msg { margin:10px 0; padding:10px 14px; border-radius:14px; max-width:92%; white-space:pre-wrap; overflow-wrap:break-word; box-shadow:0 1px 2px rgba(0,0,0,.08); }
  .me { background:var(--me); margin-left:auto; border:1px solid #6f9fd8; }
  .bot { background:var(--bot); border:1px solid #b9c2cc; }
  .msg p { margin:0 0 8px; } .msg p:last-child { margin-bottom:0; }
  .msg ul { margin:0 0 8px; padding-left:22px; }
  .msg a { color:var(--accent); }
  a.tel { white-space:nowrap; }
  .sr, .skip:not(:focus) { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
  .skip:focus { position:fixed; z-index:10; top:8px; left:8px; padding:10px 14px; border-radius:10px; background:#fff; color:var(--accent); font-size:18px; outline:3px solid var(--text); }
  .buttons { display:flex; flex-direction:column; gap:6px; margin-top:10px; white-space:normal; }
  .row { display:flex; gap:6px; flex-wrap:wrap; }
  .topics { display:flex; flex-direction:column; gap:6px; } .topics[hidden] { display:none; }
  /* A word never breaks inside a button: a button too narrow for its longest word goes to a row of its own. */
  .row > * { flex:1 1 0; min-width:min-content; max-width:100%; overflow-wrap:normal; }
  button.act, a.link { font:inherit; font-size:16px; padding:10px 8px; min-height:44px; border-radius:10px; border:1px solid var(--line); background:#f7f9fb; color:var(--accent); cursor:pointer; text-align:center; text-decoration:none; }
  button.act:active { background:#e3ebf5; }
  button.act:disabled { color:#57606a; background:#eceff2; cursor:default; }
  button.act.chosen { border:2px solid var(--accent); }
  .unsent { border:2px solid #b35900; }
  button.retry { display:block; margin-top:8px; font:inherit; font-size:15px; padding:8px 10px; min-height:44px; border-radius:10px; border:1px solid #b35900; background:#fff4e5; color:#7a3d00; cursor:pointer; }
  #bar { position:fixed; left:0; right:0; bottom:0; background:#fff; border-top:1px solid #d0d7de; }
  #status { text-align:center; color:#7a3d00; font-size:15px; min-height:1em; padding:2px 8px 0; }
  form { padding:6px 10px 10px; display:flex; gap:8px; justify-content:center; }
  textarea { flex:1; min-width:0; max-width:640px; font:inherit; padding:10px; border-radius:10px; border:1px solid var(--line); resize:none; height:56px; max-height:40vh; }
  form button { font:inherit; padding:0 18px; min-height:44px; border-radius:10px; border:0; background:var(--accent); color:#fff; }
  /* A phone at 200 % zoom (about 180 CSS px): the text box takes the whole width, one button per row. */
  @media (max-width: 320px) {
    form { flex-wrap:wrap; }
    textarea { flex-basis:100%; }
    form button { flex:1 1 100%; }
    .row { flex-direction:column; }
    .msg { max-width:100%; }
  }
</style>
</head>
<body>
<a class="skip" href="#input">${escapeHtml(s.skip_to_input)}</a>
<header><h1>${escapeHtml(s.title)}</h1><p>${escapeHtml(s.subtitle)}</p><button type="button" id="end">${escapeHtml(s.end)}</button></header>
<main id="log" role="log" aria-live="polite"></main>
<div id="bar"><div id="status" role="status"></div>
<form id="form"><textarea id="input" placeholder="${escapeHtml(s.placeholder)}" aria-label="${escapeHtml(s.placeholder)}" maxlength="10000" rows="1"></textarea><button type="submit">${escapeHtml(s.send)}</button></form></div>
<script>
(() => {
  const S = ${scriptJson(s)};
  // The label of the "share my location" button (a message with requestLocation shows it; the browser asks).
  const LOCATION_LABEL = ${scriptJson(translator.keys(locale).includes('buttons.share_location') ? translator.t(locale, 'buttons.share_location') : '📍')};
  const LANG = ${scriptJson(locale)};
  const LINKS = new RegExp(${scriptJson(LINK_PATTERN)}, 'gi');
  const IDLE_MS = ${WEB_SESSION_IDLE_MS};
  const log = document.getElementById('log');
  const input = document.getElementById('input');
  const status = document.getElementById('status');
  const bar = document.getElementById('bar');
  const form = document.getElementById('form');
  const baseTitle = document.title;
  const rid = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const kept = {
    get(k) { try { return localStorage.getItem(k); } catch (e) { return null; } },
    set(k, v) { try { localStorage.setItem(k, v); } catch (e) {} },
    del(k) { try { localStorage.removeItem(k); } catch (e) {} },
  };
  let sessionId = kept.get('wa-session');
  // A session nobody used for IDLE_MS is not shown again (a shared device): a new conversation starts.
  if (sessionId && Date.now() - Number(kept.get('wa-seen') || 0) > IDLE_MS) { sessionId = null; kept.del('wa-queue'); }
  const fresh = !sessionId;
  if (!sessionId) { sessionId = rid(); kept.set('wa-session', sessionId); }
  let lastActive = Date.now();
  const touch = () => { lastActive = Date.now(); kept.set('wa-seen', String(lastActive)); };
  touch();
  let after = 0;
  const nodes = new Map();
  /** Messages not yet accepted by the server, oldest first: { body, el }. Kept in localStorage over a reload. */
  const queue = [];
  let sendFailing = false, pollFailing = false, awaitingReply = 0, unread = 0, lastPress = 0;
  /** The message whose button was pressed and whose buttons wait, disabled, for the reply. */
  let pending = null;

  // Sleeps that the 'online' event or a "try again" tap end at once.
  const sleepers = new Set();
  function sleep(ms) { return new Promise((res) => { const done = () => { clearTimeout(t); sleepers.delete(done); res(); }; const t = setTimeout(done, ms); sleepers.add(done); }); }
  function wakeAll() { for (const done of [...sleepers]) done(); }
  window.addEventListener('online', wakeAll);

  function updateStatus() {
    status.textContent = sendFailing || pollFailing ? S.offline : queue.length ? S.sending : awaitingReply > Date.now() ? S.typing : '';
  }
  // The input bar is fixed: the log ends above it, whatever its height (a grown text box, a wrapped status line).
  function fitBar() { log.style.paddingBottom = (bar.offsetHeight + 24) + 'px'; }
  if (window.ResizeObserver) new ResizeObserver(fitBar).observe(bar);
  fitBar();
  /**
   * Brings a new message into view above the input bar: its end when it fits on the screen, its top when it is
   * taller (a long answer is read from its beginning, not from its buttons).
   */
  function reveal(el) {
    const room = window.innerHeight - bar.offsetHeight;
    const r = el.getBoundingClientRect();
    let dy = 0;
    if (r.height > room - 16 || r.top < 0) dy = r.top - 8;
    else if (r.bottom > room - 8) dy = r.bottom - room + 8;
    if (dy) window.scrollBy(0, dy);
  }
  function speaker(el, who) { const sr = document.createElement('span'); sr.className = 'sr'; sr.textContent = who + ' '; el.appendChild(sr); }
  function telHref(text) {
    let d = text.replace(/\\D/g, '');
    if (d.length === 11 && d[0] === '8') d = '7' + d.slice(1);
    return 'tel:+' + d;
  }
  function piece(parent, text, bold) { if (!text) return; const el = document.createElement(bold ? 'b' : 'span'); el.textContent = text; parent.appendChild(el); }
  function link(parent, text, href, bold) {
    const a = document.createElement('a');
    a.href = href;
    if (/^tel:/.test(href)) a.className = 'tel';
    else { a.target = '_blank'; a.rel = 'noopener noreferrer'; }
    if (bold) a.style.fontWeight = 'bold';
    a.textContent = text;
    parent.appendChild(a);
  }
  /** Plain text with its phone numbers and web addresses made tappable. */
  function linkify(parent, text, bold) {
    let at = 0, m;
    LINKS.lastIndex = 0;
    while ((m = LINKS.exec(text))) {
      let found = m[0];
      if (m[1]) found = found.replace(/[.,;:!?)»]+$/, '');
      if (m[1] && text[m.index - 1] === '@') { LINKS.lastIndex = m.index + found.length; continue; }
      piece(parent, text.slice(at, m.index), bold);
      link(parent, found, m[2] ? telHref(found) : /^https?:/i.test(found) ? found : 'https://' + found, bold);
      at = m.index + found.length;
      LINKS.lastIndex = at;
    }
    piece(parent, text.slice(at), bold);
  }
  function spans(parent, list) {
    for (const sp of list) {
      if (sp.href && /^(https?:|tel:)/.test(sp.href)) link(parent, sp.text, sp.href, sp.bold);
      else linkify(parent, sp.text, sp.bold);
    }
  }
  function release() {
    if (!pending) return;
    pending.classList.remove('pending');
    for (const b of pending.querySelectorAll('button.act')) { b.disabled = false; b.classList.remove('chosen'); }
    pending = null;
  }
  /** A reply's buttons: one group a screen reader names once («Кнопки к этому ответу») and can skip as a whole. */
  function buttonBox() {
    const box = document.createElement('div'); box.className = 'buttons';
    box.setAttribute('role', 'group'); box.setAttribute('aria-label', S.reply_buttons);
    return box;
  }
  /**
   * Only the newest reply with buttons keeps them in the reading and Tab order: a screen reader going through the
   * conversation would otherwise read every menu again (the main menu alone has 18 buttons). Older buttons stay on
   * the screen and still work for a tap or a click.
   */
  function quietOlderButtons() {
    const boxes = log.querySelectorAll('.msg.bot .buttons');
    const newest = boxes.length ? boxes[boxes.length - 1].closest('.msg') : null;
    for (const box of boxes) {
      const old = box.closest('.msg') !== newest;
      if (old && box.contains(document.activeElement)) newest.focus({ preventScroll: true });
      if (old) box.setAttribute('aria-hidden', 'true'); else box.removeAttribute('aria-hidden');
      for (const c of box.querySelectorAll('button, a')) { if (old) c.tabIndex = -1; else c.removeAttribute('tabindex'); }
    }
  }
  function render(m, live) {
    const div = document.createElement('div');
    div.className = 'msg bot';
    div.tabIndex = -1;
    speaker(div, S.assistant);
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
        (pos) => send({ kind: 'location', latitude: pos.coords.latitude, longitude: pos.coords.longitude }, LOCATION_LABEL),
        () => { status.textContent = S.geo_failed; },
        { timeout: 15000, maximumAge: 60000 });
      const box = buttonBox(); box.appendChild(btn); div.appendChild(box);
    }
    if (m.buttons.length) {
      const box = buttonBox();
      // The main menu's topics wait behind «Все темы»: what is on screen first is a few clear choices.
      const fold = m.topicRows;
      let topics = null;
      m.buttons.forEach((row, i) => {
        const r = document.createElement('div'); r.className = 'row';
        for (const b of row) {
          if (b.kind === 'link') {
            const a = document.createElement('a'); a.className = 'link'; a.textContent = b.label;
            if (/^(https?:|tel:)/.test(b.url)) a.href = b.url;
            if (!/^tel:/.test(b.url)) { a.target = '_blank'; a.rel = 'noopener noreferrer'; }
            r.appendChild(a);
          } else { const btn = document.createElement('button'); btn.className = 'act'; btn.type = 'button'; btn.textContent = b.label; btn.onclick = () => press(b, m.id, div, btn); r.appendChild(btn); }
        }
        if (fold && i >= fold.from && i < fold.from + fold.count) {
          if (!topics) {
            topics = document.createElement('div'); topics.className = 'topics'; topics.hidden = true;
            topics.id = 'topics-' + m.id;
            const t = document.createElement('button'); t.className = 'act more'; t.type = 'button';
            const n = m.buttons.slice(fold.from, fold.from + fold.count).reduce((k, x) => k + x.length, 0);
            t.textContent = S.all_topics + ' (' + n + ')';
            t.setAttribute('aria-expanded', 'false'); t.setAttribute('aria-controls', topics.id);
            const list = topics;
            t.onclick = () => { list.hidden = !list.hidden; t.setAttribute('aria-expanded', String(!list.hidden)); if (!list.hidden) reveal(list); };
            const tr = document.createElement('div'); tr.className = 'row'; tr.appendChild(t);
            box.appendChild(tr); box.appendChild(topics);
          }
          topics.appendChild(r);
        } else box.appendChild(r);
      });
      div.appendChild(box);
    }
    // An edited message (the next question of the benefit finder, a section opened in place) moves to the end,
    // below the citizen's answers, so the conversation reads in the order it happened.
    const old = m.editOf != null ? nodes.get(m.editOf) : undefined;
    const hadFocus = old && (old.contains(document.activeElement) || document.activeElement === document.body);
    if (old) { if (old === pending) pending = null; old.remove(); nodes.set(m.editOf, div); }
    log.appendChild(div);
    nodes.set(m.id, div);
    div.dataset.at = String(Date.now());
    if (hadFocus && live) div.focus({ preventScroll: true });
    if (live) quietOlderButtons();
    return div;
  }
  function mine(text) {
    const d = document.createElement('div'); d.className = 'msg me';
    speaker(d, S.you);
    const t = document.createElement('span'); t.textContent = text; d.appendChild(t);
    d.dataset.text = text;
    log.appendChild(d);
    return d;
  }
  function markUnsent(el) {
    if (!el || el.querySelector('.retry')) return;
    el.classList.add('unsent');
    const b = document.createElement('button'); b.type = 'button'; b.className = 'retry'; b.textContent = S.not_sent;
    b.onclick = () => { wakeAll(); pump(); };
    el.appendChild(b);
  }
  function markSent(el) {
    if (!el) return;
    el.classList.remove('unsent');
    const b = el.querySelector('.retry'); if (b) b.remove();
  }
  function saveQueue() { kept.set('wa-queue', JSON.stringify(queue.map((q) => ({ body: q.body, label: q.el ? q.el.dataset.text : null })))); }
  /**
   * Queues a message (with its bubble when it has a label) and sends it. Nothing is dropped: it is tried until the
   * server takes it, at once again when the browser is back online. Every try carries the same eventId, so the
   * server answers it once however often it arrived.
   */
  function send(body, label, opts) {
    body = Object.assign({ sessionId, eventId: rid(), lang: LANG }, body);
    const el = label ? mine(label) : null;
    // A tapped button's bubble does not scroll the page: the next tap must not land on something else.
    if (el && !(opts && opts.tap)) reveal(el);
    queue.push({ body, el });
    saveQueue();
    touch();
    pump();
  }
  let pumping = false;
  async function pump() {
    if (pumping) return;
    pumping = true;
    let failures = 0;
    while (queue.length) {
      updateStatus();
      const q = queue[0];
      let ok = false;
      try {
        const ctl = new AbortController(); const t = setTimeout(() => ctl.abort(), 20000);
        const r = await fetch('/api/chat/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q.body), signal: ctl.signal });
        clearTimeout(t);
        // A 4xx other than 408/429 would fail again the same way: it is not retried.
        ok = r.ok || (r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429);
      } catch (e) {}
      if (ok) {
        if (queue[0] === q) queue.shift();
        saveQueue();
        markSent(q.el);
        failures = 0;
        sendFailing = false;
        awaitingReply = Date.now() + 60000;
        setTimeout(updateStatus, 60500);
        continue;
      }
      failures++;
      sendFailing = true;
      for (const x of queue) markUnsent(x.el);
      updateStatus();
      await sleep(Math.min(30000, 1000 * 2 ** Math.min(failures - 1, 5)));
    }
    pumping = false;
    updateStatus();
  }
  function press(b, sourceId, div, btn) {
    const now = Date.now();
    // A second tap of a double tap, or a tap on buttons that appeared under the finger a moment ago, is ignored.
    if (now - lastPress < 1000 || now - Number(div.dataset.at || 0) < 600 || div === pending) return;
    lastPress = now;
    release();
    pending = div;
    div.classList.add('pending');
    for (const x of div.querySelectorAll('button.act')) x.disabled = true;
    btn.classList.add('chosen');
    send({ kind: 'button', payload: b.payload, sourceMessageId: String(sourceId) }, b.label, { tap: true });
  }
  function arrived(m) {
    const el = render(m, true);
    release();
    awaitingReply = 0;
    updateStatus();
    reveal(el);
    touch();
    if (document.hidden) { unread++; document.title = '(' + unread + ') ' + S.new_reply + ' — ' + baseTitle; }
  }
  document.addEventListener('visibilitychange', () => { if (!document.hidden) { unread = 0; document.title = baseTitle; } });
  async function poll() {
    for (;;) {
      try {
        const r = await fetch('/api/chat/messages?sessionId=' + sessionId + '&after=' + after + '&wait=1');
        if (!r.ok) throw new Error(String(r.status));
        const data = await r.json();
        pollFailing = false;
        updateStatus();
        for (const m of data.messages) { if (m.id <= after) continue; after = m.id; arrived(m); }
      } catch (e) { pollFailing = true; updateStatus(); await sleep(3000); }
    }
  }
  /** After a reload: both sides of the conversation so far, then the messages still waiting to be sent. */
  async function restore() {
    for (;;) {
      try {
        const r = await fetch('/api/chat/history?sessionId=' + sessionId + '&lang=' + LANG);
        if (r.ok) {
          const data = await r.json();
          let last = null;
          const received = new Set();
          for (const item of data.items) {
            if (item.eventId) received.add(item.eventId);
            last = item.from === 'me' ? mine(item.text) : render(item.message, false);
          }
          quietOlderButtons();
          after = Math.max(after, data.after);
          let saved = [];
          try { saved = JSON.parse(kept.get('wa-queue') || '[]'); } catch (e) {}
          // A message the server took before the reload, though the page never heard so, is in the history already:
          // it is neither shown a second time nor sent again.
          for (const q of saved) {
            if (q.body && received.has(q.body.eventId)) continue;
            const el = q.label ? mine(q.label) : null; if (el) last = el; queue.push({ body: q.body, el });
          }
          saveQueue();
          if (last) reveal(last);
          pollFailing = false;
          return;
        }
      } catch (e) {}
      pollFailing = true; updateStatus();
      await sleep(3000);
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    grow();
    send({ kind: 'text', text }, text);
  });
  // The text box grows with what is typed (up to 40 % of the screen).
  function grow() { input.style.height = 'auto'; input.style.height = Math.max(56, input.scrollHeight + 2) + 'px'; }
  input.addEventListener('input', () => { grow(); touch(); });
  // On a phone keyboard Enter starts a new line (the citizen sends with the button); with a keyboard it sends.
  const coarse = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey && !coarse) { e.preventDefault(); form.requestSubmit(); } });
  if (!coarse) input.focus({ preventScroll: true });
  document.querySelector('.skip').addEventListener('click', (e) => { e.preventDefault(); input.focus(); });
  function startOver() {
    kept.del('wa-session'); kept.del('wa-queue'); kept.del('wa-seen');
    location.reload();
  }
  // «Закончить разговор»: deletes this conversation where the server keeps it (as /forget does) and on this device.
  document.getElementById('end').addEventListener('click', async (e) => {
    if (!window.confirm(S.end_confirm)) return;
    e.currentTarget.disabled = true;
    for (let i = 0; i < 3; i++) {
      try {
        const r = await fetch('/api/chat/forget', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId, eventId: rid() }) });
        if (r.ok) break;
      } catch (err) {}
      await sleep(1000);
    }
    startOver();
  });
  // A page left open on a shared device forgets the conversation after IDLE_MS without use.
  setInterval(() => { if (Date.now() - lastActive > IDLE_MS && !queue.length) startOver(); }, 60000);
  (async () => {
    if (!fresh) await restore();
    poll();
    pump();
    if (fresh) send({ kind: 'start' });
  })();
})();
</script>
</body>
</html>`;
}
