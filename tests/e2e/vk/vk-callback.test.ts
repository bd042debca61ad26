/**
 * Callback API mode (`POST /webhooks/vk` on fastify) with the real node-vk-bot-api handler: confirmation, the
 * secret, "ok" only once the event is stored, redeliveries, and callback-button answers.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/bots/channel.js';
import { createVkChannelWithOptions } from '../../../src/bots/vk/vk-channel.js';
import { parseRichText } from '../../../src/messaging/rich-text.js';
import { FakeVkApi, postCallback } from '../../support/fake-vk/fake-vk-api.js';
import {
  CALLBACK_SECRET,
  CONFIRMATION_CODE,
  callbackConfig,
  eventually,
  FAST,
  RecordingSink,
  testDeps,
} from '../../support/fake-vk/vk-test-kit.js';

const PERSON = 7004;

describe('VK Callback API', () => {
  let fake: FakeVkApi;
  let sink: RecordingSink;
  let channel: Channel;
  let server: FastifyInstance;
  let url: string;

  beforeEach(async () => {
    fake = await FakeVkApi.start();
    sink = new RecordingSink();
    channel = createVkChannelWithOptions(callbackConfig(fake), testDeps(sink), FAST);
    server = Fastify({ logger: false });
    channel.registerRoutes?.(server);
    url = `${await server.listen({ port: 0, host: '127.0.0.1' })}/webhooks/vk`;
    await channel.start();
  });

  afterEach(async () => {
    await channel.stop();
    await server.close();
    await fake.close();
  });

  it('answers the confirmation request with the confirmation code as plain text', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'confirmation', group_id: fake.groupId }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe(CONFIRMATION_CODE);
    const withSecret = await postCallback(url, {
      type: 'confirmation',
      group_id: fake.groupId,
      secret: CALLBACK_SECRET,
    });
    expect(withSecret).toEqual({ status: 200, text: CONFIRMATION_CODE });
  });

  it('refuses a wrong or missing secret (or another community) with 403 and accepts nothing', async () => {
    const update = fake.messageNew({ fromId: PERSON, text: 'подделка' });
    expect((await postCallback(url, fake.callbackBody(update, 'wrong'))).status).toBe(403);
    expect((await postCallback(url, fake.callbackBody(update, undefined))).status).toBe(403);
    expect(
      (await postCallback(url, { ...fake.callbackBody(update, CALLBACK_SECRET), group_id: 1 })).status,
    ).toBe(403);
    expect(
      (await postCallback(url, { type: 'confirmation', group_id: fake.groupId, secret: 'wrong' })).status,
    ).toBe(403);
    expect(sink.statuses).toEqual([]);
  });

  it('answers "ok" only after the event is stored, and delivers it as an IncomingEvent', async () => {
    const update = fake.messageNew({ fromId: PERSON, text: 'Какие пособия положены?' });
    const res = await postCallback(url, fake.callbackBody(update, CALLBACK_SECRET));
    expect(res).toEqual({ status: 200, text: 'ok' });
    expect(sink.events).toHaveLength(1); // already stored when VK got its "ok"
    expect(sink.events[0]).toMatchObject({
      kind: 'text',
      text: 'Какие пособия положены?',
      eventId: update.event_id,
      chatId: String(PERSON),
    });
  });

  it('first contact through "Начать" and both kinds of button payloads', async () => {
    const bodies = [
      fake.messageNew({ fromId: PERSON, text: 'Начать', payload: { command: 'start' } }),
      fake.messageNew({ fromId: PERSON, text: 'Пособия', payload: { p: 'topic:benefits' } }),
      fake.messageEvent({ userId: PERSON, payload: { p: 'operator' }, conversationMessageId: 5 }),
    ];
    for (const body of bodies)
      expect((await postCallback(url, fake.callbackBody(body, CALLBACK_SECRET))).text).toBe('ok');
    expect(sink.events.map((e) => e.kind)).toEqual(['start', 'button', 'button']);
    expect(sink.events[2]).toMatchObject({ payload: 'operator', sourceMessageId: 'c5' });
    await eventually(() => fake.eventAnswers.length === 1, 2_000, 'the event answer');
  });

  it('a redelivered event is answered "ok" again and the sink sees a duplicate', async () => {
    const body = fake.callbackBody(fake.messageNew({ fromId: PERSON, text: 'повтор' }), CALLBACK_SECRET);
    expect((await postCallback(url, body)).text).toBe('ok');
    expect((await postCallback(url, body)).text).toBe('ok');
    expect(sink.statuses).toEqual(['accepted', 'duplicate']);
  });

  it('when storing fails VK gets a 500 (so it redelivers), and the callback press is answered anyway', async () => {
    sink.failNext(1);
    const body = fake.callbackBody(
      fake.messageEvent({ userId: PERSON, payload: { p: 'menu' }, conversationMessageId: 9 }),
      CALLBACK_SECRET,
    );
    expect((await postCallback(url, body)).status).toBe(500);
    await eventually(() => fake.eventAnswers.length === 1, 2_000, 'the event answer');
    expect((await postCallback(url, body)).text).toBe('ok');
    expect(sink.events).toHaveLength(1);
  });

  it('ignores unknown types with "ok"; refuses non-objects and message events without a message with 400', async () => {
    const unknown = {
      type: 'wall_post_new',
      object: { id: 1 },
      group_id: fake.groupId,
      event_id: 'e1',
      secret: CALLBACK_SECRET,
    };
    expect(await postCallback(url, unknown)).toEqual({ status: 200, text: 'ok' });
    // VK never sends a message event without its message: a broken or forged body (see malformed-webhooks.test.ts).
    expect(
      await postCallback(url, { type: 'message_new', group_id: fake.groupId, secret: CALLBACK_SECRET }),
    ).toEqual({
      status: 400,
      text: 'bad request',
    });
    expect((await postCallback(url, [1, 2])).status).toBe(400);
    expect(sink.statuses).toEqual([]);
  });

  it('replies go out through the sender in this mode too', async () => {
    await postCallback(
      url,
      fake.callbackBody(fake.messageNew({ fromId: PERSON, text: 'привет' }), CALLBACK_SECRET),
    );
    const result = await channel.sender.send(String(PERSON), { text: parseRichText('Здравствуйте!') }, {});
    expect(result.platformMessageIds).toHaveLength(1);
    expect(fake.messagesTo(PERSON)[0]?.text).toBe('Здравствуйте!');
  });

  it('before start() calls get 503 too', async () => {
    const early = createVkChannelWithOptions(callbackConfig(fake), testDeps(sink), FAST);
    const other = Fastify({ logger: false });
    early.registerRoutes?.(other);
    try {
      const res = await other.inject({
        method: 'POST',
        url: '/webhooks/vk',
        payload: fake.callbackBody(fake.messageNew({ fromId: PERSON, text: 'x' }), CALLBACK_SECRET),
      });
      expect(res.statusCode).toBe(503);
      expect(sink.statuses).toEqual([]);
    } finally {
      await early.stop();
      await other.close();
    }
  });

  it('after stop() calls get 503 (VK tries again later) and nothing is accepted', async () => {
    await channel.stop();
    const res = await postCallback(
      url,
      fake.callbackBody(fake.messageNew({ fromId: PERSON, text: 'x' }), CALLBACK_SECRET),
    );
    expect(res.status).toBe(503);
    expect(sink.statuses).toEqual([]);
  });
});
