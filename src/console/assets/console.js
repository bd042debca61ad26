// The console's only script (besides htmx): turns server-sent events into htmx triggers, inserts canned and
// knowledge-base answers into the reply box, clears a form after it was sent, and shows refused actions.
// No inline scripts anywhere: the Content-Security-Policy allows scripts from /console/assets only.
(() => {
  'use strict';

  // ---- live updates -------------------------------------------------------------------------------------
  const url = document.body.dataset.live;
  if (url && 'EventSource' in window) {
    const source = new EventSource(url);
    const fire = (name) => window.htmx?.trigger(document.body, name);
    source.addEventListener('queue', () => fire('live-queue'));
    source.addEventListener('alert', () => fire('live-alert'));
    source.addEventListener('complaints', () => fire('live-complaints'));
    source.addEventListener('ticket', (e) => {
      try {
        const { id } = JSON.parse(e.data);
        if (Number.isInteger(id)) fire(`live-ticket-${id}`);
      } catch {
        // A malformed event is ignored; the next one refreshes the page anyway.
      }
    });
    // Whenever the stream (re)connects, refresh every live part once: what changed while the page was loading or
    // the connection was down was not announced to this page.
    source.addEventListener('open', () => {
      document.body.classList.remove('offline');
      const names = new Set();
      for (const el of document.querySelectorAll('[hx-trigger*="live-"]'))
        for (const name of el.getAttribute('hx-trigger').match(/live-[a-z0-9-]+/g) || []) names.add(name);
      for (const name of names) fire(name);
    });
    source.addEventListener('error', () => document.body.classList.add('offline'));
    window.addEventListener('pagehide', () => source.close());
  }

  // ---- insert a canned or knowledge-base answer -----------------------------------------------------------
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-insert]') : null;
    if (!button) return;
    const box = document.getElementById(button.getAttribute('data-target') || 'reply-text');
    if (!(box instanceof HTMLTextAreaElement)) return;
    const text = button.getAttribute('data-insert') || '';
    box.value = box.value.trim() ? `${box.value.trimEnd()}\n\n${text}` : text;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  });

  // ---- confirm before a form that cannot be undone (closing a ticket) ---------------------------------------------
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm))
      event.preventDefault();
  });

  // ---- after an htmx form post ----------------------------------------------------------------------------
  const banner = () => {
    let el = document.getElementById('action-error');
    if (!el) {
      el = document.createElement('p');
      el.id = 'action-error';
      el.className = 'flash flash-error';
      el.setAttribute('role', 'alert');
      document.querySelector('main')?.prepend(el);
    }
    return el;
  };
  document.body.addEventListener('htmx:afterRequest', (event) => {
    const { elt, successful, xhr } = event.detail;
    if (successful && elt instanceof HTMLFormElement && elt.hasAttribute('data-reset-on-success')) {
      elt.reset();
      document.getElementById('action-error')?.remove();
    }
    if (!successful && xhr && xhr.status !== 401) {
      const header = xhr.getResponseHeader('x-console-error');
      // textContent, never innerHTML: the message is shown as text.
      banner().textContent = header ? decodeURIComponent(header) : document.body.dataset.errorText || xhr.statusText;
    }
  });

  // ---- keep the newest message in view (unless the consultant scrolled up to read) ---------------------------
  const timeline = document.getElementById('timeline');
  let followNewest = true;
  const toBottom = () => {
    if (timeline) timeline.scrollTop = timeline.scrollHeight;
  };
  toBottom();
  document.body.addEventListener('htmx:beforeSwap', (event) => {
    if (timeline && event.detail.target === timeline)
      followNewest = timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 60;
  });
  document.body.addEventListener('htmx:afterSettle', (event) => {
    if (timeline && event.detail.target === timeline && followNewest) toBottom();
  });

  // Ctrl+Enter sends the reply.
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target instanceof HTMLTextAreaElement) {
      const form = event.target.form;
      if (form) form.requestSubmit();
    }
  });
})();
