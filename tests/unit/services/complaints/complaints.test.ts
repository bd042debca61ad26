/**
 * Complaints end to end below the messengers: the flow through the real dialog runner and storage (ticket number
 * in the receipt, /status), the supervisors' service (list, status change queued to the citizen's outbox and
 * transcript in one transaction), and the complaint tables of both stores (SQLite and the in-memory twin).
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createDialogRunner } from '../../../../src/app/dialog-runner.js';
import type { IncomingEvent, IncomingPayload } from '../../../../src/messaging/incoming-event.js';
import { toPlainText } from '../../../../src/messaging/rich-text.js';
import { createComplaintService } from '../../../../src/services/complaints/complaint-service.js';
import { parseTicketNumber, ticketNumber } from '../../../../src/services/complaints/ticket.js';
import { createMemoryStore } from '../../../../src/storage/memory-store.js';
import { createSqliteStore } from '../../../../src/storage/sqlite-store.js';
import type { Store } from '../../../../src/storage/store.js';
import {
  projectKnowledge,
  ScriptedSearch,
  simpleUnderstanding,
  translator,
} from '../../../support/dialog-harness.js';
import { servicesHarness } from '../../../support/service-flows.js';

const logger = pino({ level: 'silent' });
const flows = servicesHarness().flows;

function runnerOn(store: Store, clock: () => number) {
  return createDialogRunner({
    store,
    translator,
    logger,
    clock,
    knowledge: () => ({
      kb: projectKnowledge(),
      search: new ScriptedSearch(),
      understanding: simpleUnderstanding,
      flows,
    }),
  });
}

let seq = 0;
const ev = (payload: IncomingPayload, userId = 'anna'): IncomingEvent =>
  ({
    eventId: `c${++seq}`,
    platform: 'web',
    userId,
    chatId: userId,
    receivedAt: Date.now(),
    ...payload,
  }) as IncomingEvent;

function texts(store: Store, chatId = 'anna'): string[] {
  return store.outbox.listForChat('web', chatId, 0, 200).map((m) => toPlainText(m.message.text));
}

async function fileComplaint(store: Store, clock: () => number, userId = 'anna', consent = true) {
  const runner = runnerOn(store, clock);
  const steps: IncomingPayload[] = [
    { kind: 'start' },
    { kind: 'button', payload: 'cp:go' },
    { kind: 'button', payload: 'cp:ab:ag' },
    { kind: 'button', payload: 'cp:rg:perm' },
    { kind: 'button', payload: 'cp:ag:perm-mfc-lenina' },
    { kind: 'text', text: 'Потеряли мои документы на субсидию и не отвечают по телефону' },
    { kind: 'button', payload: 'cp:w:fix' },
    { kind: 'button', payload: `cp:c:${consent ? 1 : 0}` },
    { kind: 'button', payload: 'cp:send' },
  ];
  for (const step of steps) await runner.accept(ev(step, userId));
  await runner.idle();
  return runner;
}

describe.each([
  ['SQLite', () => createSqliteStore(':memory:')],
  ['memory', () => createMemoryStore()],
])('complaints (%s store)', (_name, makeStore) => {
  it('are stored by the runner, with the ticket number in the receipt and in /status', async () => {
    const store = makeStore();
    const now = Date.UTC(2026, 2, 12, 9);
    const runner = await fileComplaint(store, () => now);
    const [complaint] = store.complaints.list();
    expect(complaint).toMatchObject({
      about: 'agency',
      agencyId: 'perm-mfc-lenina',
      agencyName: 'МФЦ Перми (улица Ленина)',
      region: 'perm',
      description: 'Потеряли мои документы на субсидию и не отвечают по телефону',
      wish: 'Исправить ошибку',
      contactConsent: true,
      status: 'new',
      createdAt: now,
    });
    const ticket = ticketNumber(complaint!.id);
    const receipt = texts(store).at(-1)!;
    expect(receipt).toContain(`Жалоба принята. Номер: ${ticket}.`);
    expect(receipt).not.toContain('{{ticket}}');
    // The receipt is in the transcript too, with the number.
    const transcript = store.transcript.list(complaint!.citizenId);
    expect(transcript.some((l) => l.direction === 'out' && l.text.includes(ticket))).toBe(true);
    expect(store.complaints.events(complaint!.id)).toMatchObject([{ status: 'new', byWho: 'citizen' }]);

    await runner.accept(ev({ kind: 'command', command: 'status', args: '' }));
    await runner.idle();
    expect(texts(store).at(-1)).toMatch(
      new RegExp(`${ticket} от 12\\.03\\.2026 — МФЦ Перми \\(улица Ленина\\): новое`),
    );
  });

  it("a status change reaches the citizen's outbox and transcript, and /status shows it", async () => {
    const store = makeStore();
    let now = Date.UTC(2026, 2, 12, 9);
    const runner = await fileComplaint(store, () => now);
    const queued: number[] = [];
    const service = createComplaintService({
      store,
      translator,
      clock: () => now,
      onQueued: () => queued.push(1),
    });
    const [complaint] = service.listComplaints({ status: 'new' }).items;
    expect(complaint?.ticket).toBe(ticketNumber(complaint!.id));
    expect(complaint?.platform).toBe('web');
    const before = texts(store).length;

    now += 60_000;
    const inWork = service.setComplaintStatus(complaint!.id, 'in_progress', 'supervisor-olga');
    expect(inWork).toMatchObject({ ok: true, notified: true, complaint: { status: 'in_progress' } });
    expect(texts(store).slice(before)).toEqual([
      `По вашей жалобе ${complaint!.ticket} новый статус: в работе.`,
    ]);

    now += 60_000;
    const answered = service.setComplaintStatus(complaint!.id, 'answered', 'supervisor-olga', {
      note: 'Документы нашлись, вам позвонят из МФЦ.',
    });
    expect(answered.ok).toBe(true);
    const last = store.outbox.listForChat('web', 'anna', 0, 200).at(-1)!;
    expect(toPlainText(last.message.text)).toBe(
      `По вашей жалобе ${complaint!.ticket} новый статус: есть ответ.\n\nОтвет:\n\nДокументы нашлись, вам позвонят из МФЦ.`,
    );
    expect(last.message.buttons?.flat().map((b) => b.label)).toEqual(['📋 Мои обращения', '🏠 Меню']);
    expect(queued).toHaveLength(2);
    const lines = store.transcript.list(complaint!.citizenId).filter((l) => l.author === 'system');
    expect(lines.map((l) => l.outboxId)).toEqual([expect.any(Number), last.id]);

    const full = service.getComplaint(complaint!.id)!;
    expect(full.events.map((e) => [e.status, e.byWho, e.note])).toEqual([
      ['new', 'citizen', null],
      ['in_progress', 'supervisor-olga', null],
      ['answered', 'supervisor-olga', 'Документы нашлись, вам позвонят из МФЦ.'],
    ]);
    expect(service.listComplaints({ status: 'answered' }).total).toBe(1);
    expect(service.listComplaints({ status: ['new', 'in_progress'] }).total).toBe(0);

    await runner.accept(ev({ kind: 'command', command: 'status', args: '' }));
    await runner.idle();
    expect(texts(store).at(-1)).toMatch(/есть ответ/);
  });

  it('does not write to a citizen who did not consent, and refuses unknown or unchanged statuses', async () => {
    const store = makeStore();
    const now = Date.UTC(2026, 2, 12, 9);
    await fileComplaint(store, () => now, 'boris', false);
    const service = createComplaintService({ store, translator, clock: () => now });
    const [complaint] = service.listComplaints().items;
    const before = texts(store, 'boris').length;
    expect(service.setComplaintStatus(complaint!.id, 'in_progress', 'olga')).toMatchObject({
      ok: true,
      notified: false,
    });
    expect(texts(store, 'boris')).toHaveLength(before);
    expect(service.setComplaintStatus(complaint!.id, 'in_progress', 'olga')).toEqual({
      ok: false,
      reason: 'unchanged',
    });
    expect(service.setComplaintStatus(9999, 'answered', 'olga')).toEqual({ ok: false, reason: 'not_found' });
    expect(service.setComplaintStatus(complaint!.id, 'closed' as never, 'olga')).toEqual({
      ok: false,
      reason: 'bad_status',
    });
  });

  it('rolls back the status change if queueing the message fails', async () => {
    const store = makeStore();
    const now = Date.UTC(2026, 2, 12, 9);
    await fileComplaint(store, () => now);
    const [complaint] = store.complaints.list();
    const broken = {
      ...store,
      outbox: {
        ...store.outbox,
        enqueue: () => {
          throw new Error('disk full');
        },
      },
    } as Store;
    const service = createComplaintService({ store: broken, translator, clock: () => now });
    expect(() => service.setComplaintStatus(complaint!.id, 'answered', 'olga', { note: 'Ответ' })).toThrow(
      /disk full/,
    );
    expect(store.complaints.get(complaint!.id)?.status).toBe('new');
    expect(store.complaints.events(complaint!.id)).toHaveLength(1);
  });

  it("pages and filters for the console, and /forget removes the citizen's complaints", async () => {
    const store = makeStore();
    const now = Date.UTC(2026, 2, 12, 9);
    await fileComplaint(store, () => now, 'anna');
    const runner = await fileComplaint(store, () => now, 'boris');
    const service = createComplaintService({ store, translator, clock: () => now });
    expect(service.listComplaints({ limit: 1 })).toMatchObject({
      total: 2,
      items: [{ agencyId: 'perm-mfc-lenina' }],
    });
    expect(service.listComplaints({ limit: 1, offset: 1 }).items).toHaveLength(1);
    expect(service.listComplaints({ region: 'volgograd' }).total).toBe(0);
    await runner.accept(ev({ kind: 'command', command: 'forget', args: '' }, 'boris'));
    await runner.accept(ev({ kind: 'button', payload: 'fg:y' }, 'boris'));
    await runner.idle();
    expect(service.listComplaints().total).toBe(1);
  });
});

describe('ticket numbers', () => {
  it('are short, padded and read back from what people type', () => {
    expect(ticketNumber(42)).toBe('Ж-000042');
    expect(parseTicketNumber('Ж-000042')).toBe(42);
    expect(parseTicketNumber('ж 42')).toBe(42);
    expect(parseTicketNumber('42')).toBe(42);
    expect(parseTicketNumber('жалоба')).toBeUndefined();
  });
});
