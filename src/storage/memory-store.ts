/**
 * The in-memory twin of the storage port, for unit tests of the parts above storage. Same behaviour as the SQLite
 * store (de-duplication, per-chat order in `due`, cascade on forget); a transaction snapshots and restores.
 */
import type {
  Citizen,
  ComplaintEvent,
  ComplaintFilter,
  ComplaintRecord,
  HandoffRecord,
  OutboxItem,
  Store,
  StoredEvent,
  TranscriptLine,
} from './store.js';
import { SEEN_PRECISION_MS } from './store.js';

export function createMemoryStore(): Store {
  let citizens = new Map<number, Citizen>();
  let states = new Map<number, { version: number; state: string }>();
  let events = new Map<number, StoredEvent & { key: string }>();
  let lines: TranscriptLine[] = [];
  let outbox = new Map<number, OutboxItem>();
  let handoffs = new Map<number, HandoffRecord>();
  let complaints = new Map<number, ComplaintRecord>();
  let complaintEvents: ComplaintEvent[] = [];
  let feedbackCount = 0;
  let seq = 0;
  const next = () => ++seq;
  const clone = <T>(v: T): T => structuredClone(v);
  const matching = (filter: Omit<ComplaintFilter, 'limit' | 'offset'>) => {
    const statuses =
      filter.status === undefined
        ? undefined
        : typeof filter.status === 'string'
          ? [filter.status]
          : filter.status;
    return [...complaints.values()]
      .filter(
        (c) =>
          (!statuses || statuses.length === 0 || statuses.includes(c.status)) &&
          (filter.region === undefined || c.region === filter.region) &&
          (filter.citizenId === undefined || c.citizenId === filter.citizenId),
      )
      .sort((a, b) => b.id - a.id);
  };

  const store: Store = {
    citizens: {
      findOrCreate(platform, platformUserId, chatId, init) {
        for (const c of citizens.values()) {
          if (c.platform === platform && c.platformUserId === platformUserId) {
            if (c.chatId !== chatId || init.now - c.lastSeenAt >= SEEN_PRECISION_MS) {
              c.chatId = chatId;
              c.lastSeenAt = init.now;
            }
            return { ...c };
          }
        }
        const c: Citizen = {
          id: next(),
          platform,
          platformUserId,
          chatId,
          locale: init.locale,
          region: null,
          consentAt: null,
          active: true,
          createdAt: init.now,
          lastSeenAt: init.now,
        };
        citizens.set(c.id, c);
        return { ...c };
      },
      get: (id) => (citizens.has(id) ? { ...citizens.get(id)! } : undefined),
      update(id, patch) {
        const c = citizens.get(id);
        // As in SQLite: a field given as undefined is left as it is.
        if (c)
          for (const [key, value] of Object.entries(patch))
            if (value !== undefined) Object.assign(c, { [key]: value });
      },
      forget(id) {
        citizens.delete(id);
        states.delete(id);
        for (const [k, e] of events) if (e.citizenId === id) events.delete(k);
        lines = lines.filter((l) => l.citizenId !== id);
        for (const [k, o] of outbox) if (o.citizenId === id) outbox.delete(k);
        for (const [k, h] of handoffs) if (h.citizenId === id) handoffs.delete(k);
        for (const [k, c] of complaints) {
          if (c.citizenId !== id) continue;
          complaints.delete(k);
          complaintEvents = complaintEvents.filter((e) => e.complaintId !== k);
        }
      },
    },
    dialogs: {
      load(citizenId) {
        const s = states.get(citizenId);
        return s ? { version: s.version, state: JSON.parse(s.state) as unknown } : undefined;
      },
      save(citizenId, version, state) {
        states.set(citizenId, { version, state: JSON.stringify(state) });
      },
    },
    inbox: {
      insert(citizenId, event) {
        const key = `${event.platform}\u0000${event.eventId}`;
        for (const e of events.values()) if (e.key === key) return { status: 'duplicate' };
        const id = next();
        events.set(id, { id, citizenId, event: clone(event), status: 'pending', key });
        return { status: 'inserted', id };
      },
      get(id) {
        const e = events.get(id);
        return e ? { id: e.id, citizenId: e.citizenId, event: clone(e.event), status: e.status } : undefined;
      },
      statusOf(id) {
        const e = events.get(id);
        return e ? { id: e.id, citizenId: e.citizenId, status: e.status } : undefined;
      },
      finish(id, status) {
        const e = events.get(id);
        if (e) e.status = status;
      },
      redact(id, event) {
        const e = events.get(id);
        if (e) e.event = clone(event);
      },
      pending(limit) {
        return [...events.values()]
          .filter((e) => e.status === 'pending')
          .sort((a, b) => a.id - b.id)
          .slice(0, limit)
          .map((e) => ({ id: e.id, citizenId: e.citizenId, event: clone(e.event), status: e.status }));
      },
    },
    transcript: {
      append(record) {
        const id = next();
        lines.push({
          inboundEventId: null,
          outboxId: null,
          outcome: null,
          confidence: null,
          entryId: null,
          topic: null,
          detail: null,
          consultantId: null,
          ...record,
          id,
        });
        return id;
      },
      list(citizenId, limit = 500) {
        return lines
          .filter((l) => l.citizenId === citizenId)
          .slice(-limit)
          .map((l) => ({ ...l }));
      },
    },
    outbox: {
      enqueue(item) {
        const id = next();
        outbox.set(id, {
          id,
          citizenId: item.citizenId,
          platform: item.platform,
          chatId: item.chatId,
          message: clone(item.message),
          editMessageId: item.editMessageId ?? null,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: item.now,
          lastError: null,
          platformMessageIds: [],
          createdAt: item.now,
          sentAt: null,
        });
        return id;
      },
      get: (id) => (outbox.has(id) ? clone(outbox.get(id)!) : undefined),
      due(now, limit, except = []) {
        const heads = new Map<string, OutboxItem>();
        for (const o of [...outbox.values()].sort((a, b) => a.id - b.id)) {
          const chat = `${o.platform}\u0000${o.chatId}`;
          if (o.status === 'pending' && !heads.has(chat)) heads.set(chat, o);
        }
        return [...heads.values()]
          .filter((o) => o.nextAttemptAt <= now && !except.includes(o.id))
          .slice(0, limit)
          .map(clone);
      },
      markSent(id, platformMessageIds, now) {
        const o = outbox.get(id);
        if (o)
          Object.assign(o, { status: 'sent', platformMessageIds, sentAt: now, attempts: o.attempts + 1 });
      },
      markRetry(id, nextAttemptAt, error) {
        const o = outbox.get(id);
        if (o) Object.assign(o, { nextAttemptAt, lastError: error, attempts: o.attempts + 1 });
      },
      markDead(id, error) {
        const o = outbox.get(id);
        if (o) Object.assign(o, { status: 'dead', lastError: error, attempts: o.attempts + 1 });
      },
      dropPendingOf(citizenId, error) {
        let n = 0;
        for (const o of outbox.values()) {
          if (o.citizenId === citizenId && o.status === 'pending') {
            Object.assign(o, { status: 'dead', lastError: error });
            n += 1;
          }
        }
        return n;
      },
      pendingCount: () => [...outbox.values()].filter((o) => o.status === 'pending').length,
      nextDueAt() {
        const due = [...outbox.values()].filter((o) => o.status === 'pending').map((o) => o.nextAttemptAt);
        return due.length > 0 ? Math.min(...due) : undefined;
      },
      listForChat(platform, chatId, afterId, limit) {
        // As the SQLite store reads it: the messages of the citizens now in this chat, sent to this chat.
        const inChat = (citizenId: number) => {
          const c = citizens.get(citizenId);
          return c !== undefined && c.platform === platform && c.chatId === chatId;
        };
        return [...outbox.values()]
          .filter(
            (o) => o.platform === platform && o.chatId === chatId && o.id > afterId && inChat(o.citizenId),
          )
          .sort((a, b) => a.id - b.id)
          .slice(0, limit)
          .map(clone);
      },
    },
    feedback: {
      add() {
        feedbackCount += 1;
      },
    },
    handoffs: {
      open(citizenId, reason, priority, now, positionAtOpen) {
        const h: HandoffRecord = {
          id: next(),
          citizenId,
          reason,
          priority,
          status: 'open',
          createdAt: now,
          closedAt: null,
          assignedTo: null,
          assignedAt: null,
          takenAt: null,
          firstResponseAt: null,
          positionAtOpen: positionAtOpen ?? null,
          alertedAt: null,
          resolution: null,
          closedBy: null,
          rating: null,
          ratingComment: null,
          ratedAt: null,
        };
        handoffs.set(h.id, h);
        return { ...h };
      },
      get: (id) => (handoffs.has(id) ? { ...handoffs.get(id)! } : undefined),
      openFor(citizenId) {
        const open = [...handoffs.values()].filter((h) => h.citizenId === citizenId && h.status === 'open');
        return open.length > 0 ? { ...open[open.length - 1]! } : undefined;
      },
      setStatus(id, status, now) {
        const h = handoffs.get(id);
        if (h) Object.assign(h, { status, closedAt: now });
      },
      setPriority(id, priority) {
        const h = handoffs.get(id);
        if (h) h.priority = priority;
      },
      listOpen: () => [...handoffs.values()].filter((h) => h.status === 'open').map((h) => ({ ...h })),
      assign(id, consultantId, now, options = {}) {
        const h = handoffs.get(id);
        if (h?.status !== 'open' || (options.onlyIfWaiting && h.assignedTo !== null)) return false;
        Object.assign(h, { assignedTo: consultantId, assignedAt: now, takenAt: h.takenAt ?? now });
        return true;
      },
      markFirstResponse(id, now) {
        const h = handoffs.get(id);
        if (h?.firstResponseAt === null) h.firstResponseAt = now;
      },
      markAlerted(id, now) {
        const h = handoffs.get(id);
        if (h) h.alertedAt = now;
      },
      close(id, closing) {
        const h = handoffs.get(id);
        if (h?.status !== 'open') return false;
        Object.assign(h, {
          status: 'closed',
          closedAt: closing.now,
          resolution: closing.resolution,
          closedBy: closing.closedBy,
        });
        return true;
      },
      rate(id, score, now) {
        const h = handoffs.get(id);
        if (h) Object.assign(h, { rating: score, ratedAt: now });
      },
      comment(id, text) {
        const h = handoffs.get(id);
        if (h) h.ratingComment = text;
      },
      recentlyTaken: (limit) =>
        [...handoffs.values()]
          .filter((h) => h.takenAt !== null)
          .sort((a, b) => (b.takenAt ?? 0) - (a.takenAt ?? 0))
          .slice(0, limit)
          .map((h) => ({ ...h })),
    },
    complaints: {
      create(input) {
        const { now, ...fields } = input;
        const c: ComplaintRecord = { ...fields, id: next(), status: 'new', createdAt: now, updatedAt: now };
        complaints.set(c.id, c);
        complaintEvents.push({
          id: next(),
          complaintId: c.id,
          status: 'new',
          byWho: 'citizen',
          note: null,
          outboxId: null,
          createdAt: now,
        });
        return { ...c };
      },
      get: (id) => (complaints.has(id) ? { ...complaints.get(id)! } : undefined),
      list(filter = {}) {
        const offset = Math.max(filter.offset ?? 0, 0);
        const limit = Math.min(Math.max(filter.limit ?? 100, 1), 500);
        return matching(filter)
          .slice(offset, offset + limit)
          .map((c) => ({ ...c }));
      },
      count: (filter = {}) => matching(filter).length,
      setStatus(id, status, now) {
        const c = complaints.get(id);
        if (c) Object.assign(c, { status, updatedAt: now });
      },
      addEvent(event) {
        const id = next();
        complaintEvents.push({ ...event, id });
        return id;
      },
      events: (complaintId) =>
        complaintEvents.filter((e) => e.complaintId === complaintId).map((e) => ({ ...e })),
    },
    transaction(fn) {
      const snapshot = clone({
        citizens,
        states,
        events,
        lines,
        outbox,
        handoffs,
        complaints,
        complaintEvents,
        feedbackCount,
        seq,
      });
      try {
        return fn();
      } catch (error) {
        ({
          citizens,
          states,
          events,
          lines,
          outbox,
          handoffs,
          complaints,
          complaintEvents,
          feedbackCount,
          seq,
        } = snapshot);
        throw error;
      }
    },
    ping: () => true,
    close() {},
  };
  return store;
}
