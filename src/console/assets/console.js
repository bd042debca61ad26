// The console's only script (besides htmx): turns server-sent events into htmx triggers (one stream shared by the
// browser's tabs), takes an action's notice out of the address, inserts canned and knowledge-base answers into the
// reply box, counts the reply's characters, clears a form after it was sent, and shows refused actions beside the form.
// No inline scripts anywhere: the Content-Security-Policy allows scripts from /console/assets only.
(() => {
  'use strict';

  // ---- live updates -------------------------------------------------------------------------------------
  // Over HTTP/1.1 a browser opens at most 6 connections to a host, and an event stream holds one for good: with a
  // stream in every tab, six console tabs left none for pages, fragments or replies, which then hung silently. So the
  // tabs of a browser share one stream: the tab holding the Web Lock opens it and passes each event on over a
  // BroadcastChannel; when that tab closes, the lock (and the stream) passes to another. Web Locks exist only in
  // secure contexts (https, localhost): on a plain-http office address each tab keeps its own stream, but only while
  // it is visible, so tabs in the background hold no connection.
  const url = document.body.dataset.live;
  const fire = (name) => window.htmx?.trigger(document.body, name);

  // Refresh every live part once: what changed while no stream was listening was announced to nobody.
  const refreshAll = () => {
    // htmx wires the live parts up on DOMContentLoaded (its listener runs before this one): not before.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', refreshAll, { once: true });
      return;
    }
    const names = new Set();
    for (const el of document.querySelectorAll('[hx-trigger*="live-"]'))
      for (const name of el.getAttribute('hx-trigger').match(/live-[a-z0-9-]+/g) || []) names.add(name);
    for (const name of names) fire(name);
  };

  const fireTicket = (data) => {
    try {
      const { id } = JSON.parse(data);
      if (Number.isInteger(id)) fire(`live-ticket-${id}`);
    } catch {
      // A malformed event is ignored; the next one refreshes the page anyway.
    }
  };

  // What an event means to this page, whether it came from its own stream or from the tab holding the stream.
  const deliver = (type, data) => {
    if (type === 'queue') fire('live-queue');
    else if (type === 'alert') fire('live-alert');
    else if (type === 'complaints') fire('live-complaints');
    else if (type === 'ticket') fireTicket(data);
    else if (type === 'open') {
      // Whenever the stream (re)connects, every page refreshes: the connection may have been down a while.
      document.body.classList.remove('offline');
      refreshAll();
    } else if (type === 'error') document.body.classList.add('offline');
  };

  const openStream = (onEvent) => {
    const source = new EventSource(url);
    for (const type of ['queue', 'alert', 'complaints', 'ticket', 'open', 'error'])
      source.addEventListener(type, (e) => onEvent(type, typeof e.data === 'string' ? e.data : ''));
    return source;
  };

  const sharedStream = () => {
    // One group per account: a tab logged in as someone else must not follow another account's stream.
    const name = `console-live-${document.body.dataset.liveGroup || ''}`;
    const channel = new BroadcastChannel(name);
    channel.addEventListener('message', (e) => deliver(e.data?.type, e.data?.data));
    // The lock is held as long as this promise is pending: until the page goes away.
    const lead = () =>
      new Promise((release) => {
        const source = openStream((type, data) => {
          deliver(type, data);
          channel.postMessage({ type, data });
        });
        window.addEventListener('pagehide', () => {
          source.close();
          release();
        });
      });
    // A page restored from the browser's page cache let its stream and lock go when it was left: start afresh.
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) window.location.reload();
    });
    return navigator.locks.request(name, { ifAvailable: true }, (lock) => {
      if (lock) return lead();
      // Another tab has the stream: catch up on what changed since this page was rendered, then wait in line.
      refreshAll();
      navigator.locks.request(name, lead);
      return undefined;
    });
  };

  const streamWhileVisible = () => {
    let source;
    const sync = () => {
      if (document.visibilityState === 'visible' && !source) source = openStream(deliver);
      else if (document.visibilityState !== 'visible' && source) {
        source.close();
        source = undefined;
      }
    };
    document.addEventListener('visibilitychange', sync);
    window.addEventListener('pagehide', () => {
      source?.close();
      source = undefined;
    });
    // Back from the browser's page cache: visible again, so the stream reopens.
    window.addEventListener('pageshow', sync);
    sync();
  };

  if (url && 'EventSource' in window) {
    if (navigator.locks && 'BroadcastChannel' in window) sharedStream().catch(streamWhileVisible);
    else streamWhileVisible();
  }

  // ---- a notice after an action is shown once -----------------------------------------------------------------
  // After a redirect ?done=taken or ?error=… asks the page for its notice; left in the address bar it came back on
  // every reload, long after (and the error after the queue refilled). The page has shown it: drop them.
  const params = new URLSearchParams(window.location.search);
  if (params.has('done') || params.has('error')) {
    params.delete('done');
    params.delete('error');
    const query = params.toString();
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`,
    );
  }

  // ---- the session is about to end ------------------------------------------------------------------------------
  // Sessions end CONSOLE_SESSION_HOURS after logging in, however busy the person is: a warning ten minutes before,
  // counted from the time left as the server saw it (the browser's clock may be off). Timers stop in a sleeping laptop,
  // so the time left is checked against the clock every half minute too.
  const SESSION_WARNING_MS = 10 * 60_000;
  const sessionNote = document.querySelector('.session-note[data-session-left]');
  if (sessionNote) {
    const endsAt = Date.now() + Number(sessionNote.getAttribute('data-session-left'));
    const check = () => {
      if (endsAt - Date.now() > SESSION_WARNING_MS) return false;
      sessionNote.hidden = false;
      return true;
    };
    if (!check()) {
      const timer = window.setInterval(() => check() && window.clearInterval(timer), 30_000);
    }
  }

  // ---- characters used of the box's maxlength ("N / 4000"); inserts can go past it, which turns it red ----------
  const countChars = (box) => {
    const counter = box.id && document.querySelector(`[data-count-for="${box.id}"]`);
    const max = Number(box.getAttribute('maxlength'));
    if (!counter || !max) return;
    counter.textContent = `${box.value.length} / ${max}`;
    counter.classList.toggle('over', box.value.length > max);
  };
  document.addEventListener('input', (event) => {
    if (event.target instanceof HTMLTextAreaElement) countChars(event.target);
  });
  for (const box of document.querySelectorAll('textarea')) countChars(box);

  // ---- a reply being typed survives the session's end ---------------------------------------------------------
  // When the session runs out, the next live refresh (or «Отправить») sends the browser to the login form, which
  // leads back to the ticket: the draft is kept in the tab's sessionStorage (gone when the tab closes; per account and
  // ticket) until it is sent, and put back into an empty reply box.
  const draftKey = (box) => {
    const account = document.body.dataset.liveGroup;
    return box.form && account && box.id === 'reply-text'
      ? `console-draft:${account}:${box.form.getAttribute('action')}`
      : '';
  };
  // sessionStorage may be refused (a privacy setting) or full: then drafts are simply not kept.
  const storage = (use) => {
    try {
      return use(window.sessionStorage);
    } catch {
      return null;
    }
  };
  const drafts = {
    save(box) {
      const key = draftKey(box);
      if (key) storage((s) => (box.value.trim() ? s.setItem(key, box.value) : s.removeItem(key)));
    },
    forget(box) {
      const key = draftKey(box);
      if (key) storage((s) => s.removeItem(key));
    },
    restore() {
      const box = document.getElementById('reply-text');
      if (!(box instanceof HTMLTextAreaElement) || box.value || !draftKey(box)) return;
      const text = storage((s) => s.getItem(draftKey(box)));
      if (!text) return;
      box.value = text;
      countChars(box);
    },
    forgetAll() {
      storage((s) => {
        for (const key of Object.keys(s)) if (key.startsWith('console-draft:')) s.removeItem(key);
      });
    },
  };
  document.addEventListener('input', (event) => {
    if (event.target instanceof HTMLTextAreaElement) drafts.save(event.target);
  });
  drafts.restore();
  // The reply box comes back with a live swap (the ticket is yours again): with its draft.
  document.body.addEventListener('htmx:afterSettle', () => drafts.restore());
  // Logging out on purpose leaves nothing typed behind in the tab.
  document.addEventListener('submit', (event) => {
    if (event.target instanceof HTMLFormElement && event.target.getAttribute('action') === '/console/logout')
      drafts.forgetAll();
  });

  // ---- insert a canned or knowledge-base answer -----------------------------------------------------------
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-insert]') : null;
    if (!button) return;
    const box = document.getElementById(button.getAttribute('data-target') || 'reply-text');
    if (!(box instanceof HTMLTextAreaElement)) return;
    const text = button.getAttribute('data-insert') || '';
    box.value = box.value.trim() ? `${box.value.trimEnd()}\n\n${text}` : text;
    countChars(box);
    drafts.save(box);
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
  // A refused action is shown just above the form that was sent, and scrolled to: at the top of the page it was out
  // of sight of a consultant typing at the reply box, and «Отправить» seemed to do nothing.
  const showError = (elt, message) => {
    let el = document.getElementById('action-error');
    if (!el) {
      el = document.createElement('p');
      el.id = 'action-error';
      el.className = 'flash flash-error';
      el.setAttribute('role', 'alert');
    }
    const form = elt instanceof Element ? elt.closest('form') : null;
    if (form) form.before(el);
    else document.querySelector('main')?.prepend(el);
    // textContent, never innerHTML: the message is shown as text.
    el.textContent = message;
    el.scrollIntoView({ block: 'nearest' });
  };
  document.body.addEventListener('htmx:afterRequest', (event) => {
    const { elt, successful, xhr } = event.detail;
    if (successful && elt instanceof HTMLFormElement && elt.hasAttribute('data-reset-on-success')) {
      elt.reset();
      for (const box of elt.querySelectorAll('textarea')) {
        countChars(box);
        drafts.forget(box);
      }
      document.getElementById('action-error')?.remove();
    }
    if (!successful && xhr && xhr.status !== 401) {
      const header = xhr.getResponseHeader('x-console-error');
      showError(elt, header ? decodeURIComponent(header) : document.body.dataset.errorText || xhr.statusText);
    }
  });

  // ---- the timeline: only what changed is replaced ---------------------------------------------------------
  // It is fetched whole on every live event and every 20 s. Swapping it whole wiped a text selection (a consultant
  // copying a citizen's details lost it every 20 s) and the scroll position's anchor, so each item (keyed by its
  // message or event id) stays as it is unless its markup changed; new ones are added in place and gone ones removed.
  // An item inside a selection being made waits for the next refresh. The newest message is kept in view unless the
  // consultant scrolled up to read.
  const timeline = document.getElementById('timeline');
  const itemKey = (el) =>
    el.dataset.message ? `m${el.dataset.message}` : el.dataset.event ? `e${el.dataset.event}` : el.dataset.key || '';
  // A form's CSRF token differs on every render and is not content (an older token stays valid for the session).
  const markupOf = (el) => el.outerHTML.replace(/(name="_csrf" value=")[^"]*"/g, '$1"');
  // The markup each item was last rendered from (taken before htmx touches the page).
  let rendered = new Map();
  if (timeline) for (const el of timeline.children) rendered.set(itemKey(el), markupOf(el));
  const toBottom = () => {
    if (timeline) timeline.scrollTop = timeline.scrollHeight;
  };
  toBottom();

  const patchTimeline = (markup) => {
    const followNewest = timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 60;
    const template = document.createElement('template');
    template.innerHTML = markup;
    const selection = window.getSelection();
    const selecting = selection && !selection.isCollapsed && timeline.contains(selection.anchorNode);
    const present = new Map();
    for (const el of timeline.children) present.set(itemKey(el), el);
    const next = new Map();
    const added = [];
    const want = [...template.content.children].map((item) => {
      const key = itemKey(item);
      const fresh = markupOf(item);
      const old = key ? present.get(key) : undefined;
      if (old && rendered.get(key) === fresh) {
        next.set(key, fresh);
        return old;
      }
      if (old && selecting && selection.containsNode(old, true)) {
        next.set(key, rendered.get(key));
        return old;
      }
      next.set(key, fresh);
      added.push(item);
      return item;
    });
    const keep = new Set(want);
    for (const el of [...timeline.children]) if (!keep.has(el)) el.remove();
    let cursor = timeline.firstElementChild;
    for (const el of want) {
      if (el === cursor) cursor = cursor.nextElementSibling;
      else timeline.insertBefore(el, cursor);
    }
    rendered = next;
    for (const el of added) window.htmx?.process(el);
    if (added.length > 0 && followNewest) toBottom();
  };
  document.body.addEventListener('htmx:beforeSwap', (event) => {
    if (!timeline || event.detail.target !== timeline || !event.detail.shouldSwap) return;
    event.detail.shouldSwap = false;
    patchTimeline(event.detail.serverResponse);
  });

  // ---- the reply box is on screen as the page opens ----------------------------------------------------------
  // At 1366×768 the timeline's 62vh pushed «Отправить» and most of the reply box below the fold, and the consultant
  // scrolled for every reply. The timeline is made just short enough for the reply box to end on screen (above it:
  // the header, a notice, the ticket's head, all of varying height), but never shorter than MIN_TIMELINE px: on a
  // phone the page scrolls instead. Measured again when the window or what is above the box changes.
  const MIN_TIMELINE = 240;
  const replyArea = document.getElementById('ticket-reply');
  const fitReply = () => {
    if (!timeline || !replyArea) return;
    const atBottom = timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 60;
    timeline.style.maxHeight = '';
    const spare = window.innerHeight - 12 - (replyArea.getBoundingClientRect().bottom + window.scrollY);
    if (spare < 0) {
      const height = Math.max(MIN_TIMELINE, timeline.getBoundingClientRect().height + spare);
      timeline.style.maxHeight = `${Math.floor(height)}px`;
    }
    if (atBottom) toBottom();
  };
  fitReply();
  window.addEventListener('resize', fitReply);
  document.body.addEventListener('htmx:afterSettle', fitReply);
  document.body.addEventListener('htmx:afterRequest', fitReply);

  // Ctrl+Enter sends the reply.
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target instanceof HTMLTextAreaElement) {
      const form = event.target.form;
      if (form) form.requestSubmit();
    }
  });
})();
