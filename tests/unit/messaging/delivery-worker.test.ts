import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { DeliveryError, type PlatformSender } from '../../../src/messaging/delivery.js';
import { createDeliveryWorker } from '../../../src/messaging/delivery-worker.js';
import type { OutgoingMessage } from '../../../src/messaging/outgoing-message.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';

const logger = pino({ level: 'silent' });
const msg = (text: string): OutgoingMessage => ({ text: [{ type: 'paragraph', spans: [{ text }] }] });
const textOf = (m: OutgoingMessage) => (m.text[0]?.type === 'paragraph' ? m.text[0].spans[0]!.text : '');

class FakeSender implements PlatformSender {
  readonly platform = 'telegram' as const;
  limits = { perChatPerSecond: 1000, globalPerSecond: 1000 };
  sent: { chatId: string; text: string; at: number; edit?: string }[] = [];
  failures: (DeliveryError | Error)[] = [];
  keys: string[] = [];
  async send(
    chatId: string,
    message: OutgoingMessage,
    options: { editMessageId?: string; idempotencyKey?: string },
  ) {
    this.keys.push(options.idempotencyKey ?? '');
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push({
      chatId,
      text: textOf(message),
      at: Date.now(),
      ...(options.editMessageId ? { edit: options.editMessageId } : {}),
    });
    return { platformMessageIds: [String(this.sent.length)] };
  }
}

function setup(sender: FakeSender) {
  const store = createMemoryStore();
  const worker = createDeliveryWorker({
    store,
    senders: [sender],
    logger,
    baseBackoffMs: 20,
    maxBackoffMs: 100,
    pollIntervalMs: 20,
  });
  const citizen = (id: string) =>
    store.citizens.findOrCreate('telegram', id, id, { locale: 'ru', now: Date.now() });
  const queue = (citizenId: number, chatId: string, text: string, editMessageId?: string) =>
    store.outbox.enqueue({
      citizenId,
      platform: 'telegram',
      chatId,
      message: msg(text),
      editMessageId: editMessageId ?? null,
      now: Date.now(),
    });
  return { store, worker, citizen, queue };
}

describe('delivery worker', () => {
  it('delivers every chat in order, and passes edits through', async () => {
    const sender = new FakeSender();
    const { worker, citizen, queue } = setup(sender);
    const a = citizen('a');
    const b = citizen('b');
    for (let i = 0; i < 5; i++) {
      queue(a.id, 'a', `a${i}`);
      queue(b.id, 'b', `b${i}`, i === 4 ? '99' : undefined);
    }
    worker.start();
    expect(await worker.flush(3000)).toBe(true);
    await worker.stop();
    expect(sender.sent.filter((s) => s.chatId === 'a').map((s) => s.text)).toEqual([
      'a0',
      'a1',
      'a2',
      'a3',
      'a4',
    ]);
    expect(sender.sent.filter((s) => s.chatId === 'b').map((s) => s.text)).toEqual([
      'b0',
      'b1',
      'b2',
      'b3',
      'b4',
    ]);
    expect(sender.sent.find((s) => s.text === 'b4')?.edit).toBe('99');
  });

  it('retries network errors and 429 (after retry_after), without reordering the chat', async () => {
    const sender = new FakeSender();
    sender.failures = [
      new DeliveryError({ kind: 'retry', reason: '429 Too Many Requests', retryAfterMs: 300 }),
      new Error('socket hang up'),
    ];
    const { worker, store, citizen, queue } = setup(sender);
    const a = citizen('a');
    const first = queue(a.id, 'a', 'first');
    queue(a.id, 'a', 'second');
    const started = Date.now();
    worker.start();
    expect(await worker.flush(5000)).toBe(true);
    await worker.stop();
    expect(sender.sent.map((s) => s.text)).toEqual(['first', 'second']);
    expect(sender.sent[0]!.at - started).toBeGreaterThanOrEqual(290);
    expect(store.outbox.get(first)).toMatchObject({ status: 'sent', attempts: 3 });
    // Every attempt at one message carries the same idempotency key (the outbox id).
    expect(sender.keys.slice(0, 3)).toEqual([String(first), String(first), String(first)]);
  });

  it("pauses every chat of the platform when it says the whole bot must wait (Telegram's 429)", async () => {
    const sender = new FakeSender();
    sender.failures = [
      new DeliveryError({
        kind: 'retry',
        reason: '429 Too Many Requests',
        retryAfterMs: 300,
        wholePlatform: true,
      }),
    ];
    const { worker, citizen, queue } = setup(sender);
    const a = citizen('a');
    const b = citizen('b');
    queue(a.id, 'a', 'a0');
    const started = Date.now();
    worker.start();
    // Chat b's message is queued after a's send was refused: it waits out the pause too.
    await new Promise((resolve) => setTimeout(resolve, 50));
    queue(b.id, 'b', 'b0');
    worker.notify();
    expect(await worker.flush(5000)).toBe(true);
    await worker.stop();
    expect(sender.sent.map((s) => s.text).sort()).toEqual(['a0', 'b0']);
    for (const s of sender.sent) expect(s.at - started).toBeGreaterThanOrEqual(290);
  });

  it('stops for a person who blocked us: marks them inactive and drops their queue', async () => {
    const sender = new FakeSender();
    sender.failures = [
      new DeliveryError({ kind: 'blocked', reason: 'Forbidden: bot was blocked by the user' }),
    ];
    const { worker, store, citizen, queue } = setup(sender);
    const a = citizen('a');
    const b = citizen('b');
    queue(a.id, 'a', 'one');
    queue(a.id, 'a', 'two');
    queue(b.id, 'b', 'other chat');
    worker.start();
    await worker.flush(2000);
    await worker.stop();
    expect(store.citizens.get(a.id)?.active).toBe(false);
    expect(sender.sent.map((s) => s.text)).toEqual(['other chat']);
    expect(store.outbox.pendingCount()).toBe(0);
  });

  it('does not retry a message the platform rejected, and goes on with the next', async () => {
    const sender = new FakeSender();
    sender.failures = [new DeliveryError({ kind: 'rejected', reason: 'Bad Request: chat not found' })];
    const { worker, store, citizen, queue } = setup(sender);
    const a = citizen('a');
    const bad = queue(a.id, 'a', 'bad');
    queue(a.id, 'a', 'good');
    worker.start();
    await worker.flush(2000);
    await worker.stop();
    expect(store.outbox.get(bad)?.status).toBe('dead');
    expect(sender.sent.map((s) => s.text)).toEqual(['good']);
  });

  it('keeps the per-chat rate limit', async () => {
    const sender = new FakeSender();
    sender.limits = { perChatPerSecond: 10, globalPerSecond: 1000 };
    const { worker, citizen, queue } = setup(sender);
    const a = citizen('a');
    for (let i = 0; i < 4; i++) queue(a.id, 'a', `m${i}`);
    worker.start();
    await worker.flush(3000);
    await worker.stop();
    const gaps = sender.sent.slice(1).map((s, i) => s.at - sender.sent[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90);
  });
  it('is not held back by a stream of wake-ups (under load every stored reply wakes it)', async () => {
    const sender = new FakeSender();
    const { worker, citizen, queue } = setup(sender);
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const c = citizen('1');
    const queuedAt = Date.now();
    queue(c.id, '1', 'hello');
    // Wake-ups for 150 ms from a timer that re-arms itself first, as the dialog runner's next batch does before it
    // announces the replies of the last one.
    const until = queuedAt + 150;
    await new Promise<void>((resolve) => {
      const wake = () => {
        if (Date.now() < until) setTimeout(wake, 0);
        else resolve();
        worker.notify();
      };
      setTimeout(wake, 0);
    });
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]!.at - queuedAt).toBeLessThan(50);
    await worker.stop();
  });
});
