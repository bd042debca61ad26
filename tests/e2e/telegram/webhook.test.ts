/**
 * Webhook mode: the channel's route on a real fastify server, called by the fake Bot API as Telegram would call it
 * (and by hand for bad requests). 200 means "stored"; anything else makes Telegram deliver the update again.
 */
import { createServer } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeBotApi, postUpdate, postUpdateForAnswer } from '../../support/fake-telegram/fake-bot-api.js';
import { gate, sleep, waitFor } from '../../support/wait-for.js';
import { createHarness, type Harness } from './telegram-harness.js';

const SECRET = 'webhook-secret_0123456789';

/** A press of the menu button under a message of ours (the harness sends none, so it is made by hand). */
function pressOf(userId: number, queryId: string) {
  return {
    id: queryId,
    from: { id: userId, is_bot: false, first_name: 'Ольга', language_code: 'ru' },
    chat_instance: `ci-${userId}`,
    data: 'm',
    message: { message_id: 7, date: 1, chat: { id: userId, type: 'private' }, text: 'Меню' },
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let h: Harness;
let server: FastifyInstance;
let url: string;

beforeEach(async () => {
  const fake = await FakeBotApi.start();
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  url = `${publicUrl}/webhooks/telegram`;
  h = await createHarness({ fake, mode: { publicUrl, webhookSecret: SECRET } });
  server = Fastify();
  h.channel.registerRoutes?.(server);
  await server.listen({ host: '127.0.0.1', port });
  await h.channel.start();
});

afterEach(async () => {
  await h.channel.stop();
  await server.close();
  await h.fake.close();
});

describe('Telegram webhook', () => {
  it('registers the webhook with its secret and never polls', async () => {
    expect(h.fake.webhook).toEqual({ url, secret: SECRET, allowedUpdates: ['message', 'callback_query'] });
    expect(h.fake.callsOf('getUpdates')).toEqual([]);
    expect(h.fake.callsOf('deleteWebhook')).toEqual([]);
    expect(h.fake.commands.get('en')).toHaveLength(11);
    expect(h.channel.isConnected()).toBe(true);
  });

  it('takes updates that Telegram posts', async () => {
    const anna = h.citizen({ id: 601, languageCode: 'ru' });
    anna.sendCommand('/start');
    anna.sendText('Какие льготы положены многодетным?');
    await waitFor(() => h.sink.events.length === 2, 'both events');
    expect(h.sink.events.map((e) => e.kind)).toEqual(['start', 'text']);
    await waitFor(() => h.fake.pendingUpdates() === 0, 'Telegram seeing 200s');
    // Nothing answers in this harness: the chat left waiting sees "typing…" (once for both events).
    await waitFor(() => h.fake.callsOf('sendChatAction').length === 1, 'typing');
  });

  it('answers 401 to a missing or wrong secret and stores nothing', async () => {
    const update = h.citizen({ id: 602 }).textUpdate('подделка', 1);
    expect(await postUpdate(url, update)).toBe(401);
    expect(await postUpdate(url, update, 'wrong-secret_0123456789')).toBe(401);
    expect(await postUpdate(url, update, `${SECRET}x`)).toBe(401);
    expect(h.sink.calls).toEqual([]);
  });

  it('answers 200 only once the update is stored', async () => {
    const store = gate();
    h.sink.beforeAccept = () => store.passed;
    let status: number | undefined;
    const posting = postUpdate(url, h.citizen({ id: 603 }).textUpdate('вопрос', 2), SECRET).then((s) => {
      status = s;
    });
    await waitFor(() => h.sink.calls.length === 1, 'accept called');
    await sleep(50);
    expect(status).toBeUndefined();
    store.open();
    await posting;
    expect(status).toBe(200);
    expect(h.sink.events).toHaveLength(1);
  });

  it('answers 500 when the update cannot be stored, so Telegram delivers it again', async () => {
    h.sink.failNext(4); // 3 attempts on the first delivery, 1 on the second
    h.citizen({ id: 604 }).sendText('важный вопрос');
    await waitFor(() => h.sink.events.length === 1, 'stored on redelivery');
    expect(h.sink.statuses).toEqual(['failed', 'failed', 'failed', 'failed', 'accepted']);
    // Telegram redelivers, so the person is not told anything in between.
    expect(h.fake.messagesIn(604)).toEqual([]);
    const webhookErrors = h.log.lines.filter(
      (l) => l.msg === 'webhook update not stored; Telegram will retry',
    );
    expect(webhookErrors).toHaveLength(1);
  });

  it('answers a stored press in its 200 response, not with a request of its own', async () => {
    const answer = await postUpdateForAnswer(
      url,
      { update_id: 40, callback_query: pressOf(608, 'cq-1') },
      SECRET,
    );
    expect(answer).toEqual({
      status: 200,
      body: { method: 'answerCallbackQuery', callback_query_id: 'cq-1' },
    });
    expect(h.sink.events.map((e) => e.kind)).toEqual(['button']);
    // Posted by the fake, which runs the method in the answer as Telegram does: answered once, that way only.
    h.fake.enqueue({ callback_query: pressOf(608, 'cq-2') });
    await waitFor(() => h.fake.callsOf('answerCallbackQuery').length === 1, 'the press answered');
    await waitFor(() => h.fake.pendingUpdates() === 0, 'Telegram seeing the 200');
    await sleep(100);
    expect(h.fake.callsOf('answerCallbackQuery')).toEqual([
      expect.objectContaining({
        payload: { callback_query_id: 'cq-2' },
        viaWebhookReply: true,
        outcome: 200,
      }),
    ]);
  });

  it('answers a press it could not store with a request of its own, so the spinner stops meanwhile', async () => {
    h.sink.failNext(3);
    expect(await postUpdate(url, { update_id: 41, callback_query: pressOf(609, 'cq-3') }, SECRET)).toBe(500);
    await waitFor(() => h.fake.callsOf('answerCallbackQuery').length === 1, 'the press answered');
    const [call] = h.fake.callsOf('answerCallbackQuery');
    expect(call).toMatchObject({ payload: { callback_query_id: 'cq-3' }, outcome: 200 });
    expect(call!.viaWebhookReply).toBeUndefined();
    expect(h.sink.events).toEqual([]);
  });

  it('passes the same update twice to the sink, which reports the duplicate', async () => {
    const update = h.citizen({ id: 605 }).textUpdate('дважды', 3);
    expect(await postUpdate(url, update, SECRET)).toBe(200);
    expect(await postUpdate(url, update, SECRET)).toBe(200);
    expect(h.sink.statuses).toEqual(['accepted', 'duplicate']);
  });

  it('answers 200 to updates it ignores, and 400 to a body that is not an update', async () => {
    const petr = h.citizen({ id: 606 });
    const edited = { update_id: 4, edited_message: petr.textUpdate('исправил', 0).message };
    expect(await postUpdate(url, edited, SECRET)).toBe(200);
    const group = {
      update_id: 5,
      message: { ...petr.textUpdate('в группе', 0).message, chat: { id: -5, type: 'group' } },
    };
    expect(await postUpdate(url, group, SECRET)).toBe(200);
    expect(await postUpdate(url, { hello: 'world' }, SECRET)).toBe(400);
    expect(h.sink.calls).toEqual([]);
    expect(h.log.problems()).toEqual([]);
  });

  it('answers 503 after stop, so Telegram keeps the update for later', async () => {
    await h.channel.stop();
    expect(await postUpdate(url, h.citizen({ id: 607 }).textUpdate('поздно', 6), SECRET)).toBe(503);
    expect(h.sink.calls).toEqual([]);
  });
});
