/**
 * Long Poll mode with the real node-vk-bot-api against the fake VK API: what a person sends reaches the inbound
 * sink as the right IncomingEvent, and the poller survives VK's protocol answers and faults without losing events.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/bots/channel.js';
import { createVkChannelWithOptions } from '../../../src/bots/vk/vk-channel.js';
import { FakeVkApi, OLD_CLIENT } from '../../support/fake-vk/fake-vk-api.js';
import {
  BatchRecordingSink,
  eventually,
  FAST,
  longPollConfig,
  RecordingSink,
  testDeps,
} from '../../support/fake-vk/vk-test-kit.js';

const PERSON = 7001;

describe('VK long poll', () => {
  let fake: FakeVkApi;
  let sink: RecordingSink;
  let channel: Channel;

  beforeEach(async () => {
    fake = await FakeVkApi.start();
    sink = new RecordingSink();
    channel = createVkChannelWithOptions(longPollConfig(fake), testDeps(sink), FAST);
    await channel.start();
  });

  afterEach(async () => {
    await channel.stop();
    await fake.close();
  });

  it('is connected and listening from the ts VK handed out, so an event right after start() is not lost', async () => {
    // Pushed before the first a_check has necessarily arrived: the library would lose it (first poll without ts).
    const [update] = fake.push(fake.messageNew({ fromId: PERSON, text: 'Здравствуйте' }));
    await eventually(() => sink.events.length === 1, 3_000, 'the first event');
    expect(sink.events[0]).toMatchObject({
      kind: 'text',
      text: 'Здравствуйте',
      platform: 'vk',
      userId: String(PERSON),
      chatId: String(PERSON),
      eventId: update!.event_id,
      languageCode: 'ru',
    });
    expect(channel.isConnected()).toBe(true);
    expect(fake.requests.find((r) => r.name === 'groups.getLongPollServer')?.params.v).toBe('5.199');
  });

  it('turns the "Начать" button, commands, our buttons, location and media into the right kinds', async () => {
    fake.push(
      fake.messageNew({ fromId: PERSON, text: 'Начать', payload: { command: 'start' } }),
      fake.messageNew({ fromId: PERSON, text: '/menu', payload: undefined }),
      fake.messageNew({
        fromId: PERSON,
        text: 'Пособия',
        payload: { p: 'topic:benefits' },
        clientInfo: OLD_CLIENT,
      }),
      fake.messageNew({ fromId: PERSON, geo: { latitude: 55.75, longitude: 37.61 } }),
      fake.messageNew({ fromId: PERSON, attachments: [{ type: 'photo', photo: {} }] }),
      fake.messageNew({ fromId: PERSON, attachments: [{ type: 'sticker', sticker: {} }] }),
      fake.messageNew({ fromId: PERSON, attachments: [{ type: 'audio_message', audio_message: {} }] }),
      fake.messageNew({ fromId: PERSON, attachments: [{ type: 'doc', doc: { ext: 'pdf' } }] }),
      fake.messageNew({ fromId: PERSON, attachments: [{ type: 'video', video: {} }] }),
      fake.messageEvent({ userId: PERSON, payload: { p: 'menu' }, conversationMessageId: 12 }),
    );
    await eventually(() => sink.events.length === 10, 3_000, 'ten events');
    expect(sink.events.map((e) => e.kind)).toEqual([
      'start',
      'command',
      'button',
      'location',
      'unsupported',
      'unsupported',
      'unsupported',
      'unsupported',
      'unsupported',
      'button',
    ]);
    expect(sink.events[1]).toMatchObject({ command: 'menu', args: '' });
    expect(sink.events[2]).toMatchObject({ payload: 'topic:benefits' });
    expect(sink.events[3]).toMatchObject({ latitude: 55.75, longitude: 37.61 });
    expect(sink.events.slice(4, 9).map((e) => (e.kind === 'unsupported' ? e.media : ''))).toEqual([
      'photo',
      'sticker',
      'voice',
      'document',
      'video',
    ]);
    expect(sink.events[9]).toMatchObject({ kind: 'button', payload: 'menu', sourceMessageId: 'c12' });
    await eventually(() => fake.eventAnswers.length === 1, 2_000, 'the event answer');
    expect(fake.eventAnswers[0]).toMatchObject({ userId: PERSON, peerId: PERSON });
  });

  it('follows failed: 1, 2 and 3 as VK documents, without losing events', async () => {
    await fake.waitFor(() => fake.waitingPollers === 1, 3_000, 'a waiting poller');
    const serverFetches = fake.count('groups.getLongPollServer');
    const checks = fake.count('a_check');
    fake.failLongPoll(1); // answered at once to the waiting poller, which continues with the new ts
    await fake.waitFor(
      () => fake.count('a_check') > checks && fake.waitingPollers === 1,
      3_000,
      'the next poll',
    );
    fake.push(fake.messageNew({ fromId: PERSON, text: 'one' }));
    await eventually(() => sink.events.length === 1, 3_000, 'event after failed 1');
    expect(fake.count('groups.getLongPollServer')).toBe(serverFetches); // failed: 1 only moves ts

    fake.rotateKey(); // the key expires: failed 2
    fake.push(fake.messageNew({ fromId: PERSON, text: 'two' }));
    await eventually(() => sink.events.length === 2, 3_000, 'event after failed 2');
    expect(fake.count('groups.getLongPollServer')).toBe(serverFetches + 1);

    fake.failLongPoll(3);
    await eventually(
      () => fake.count('groups.getLongPollServer') === serverFetches + 2,
      3_000,
      'refetch after 3',
    );
    fake.push(fake.messageNew({ fromId: PERSON, text: 'three' }));
    await eventually(() => sink.events.length === 3, 3_000, 'event after failed 3');
    expect(sink.events.map((e) => (e.kind === 'text' ? e.text : ''))).toEqual(['one', 'two', 'three']);
  });

  it('does not move on while the sink fails: the events arrive once it works again', async () => {
    sink.failNext(3);
    fake.push(
      fake.messageNew({ fromId: PERSON, text: 'first' }),
      fake.messageNew({ fromId: PERSON, text: 'second' }),
    );
    await eventually(() => sink.events.length === 2, 5_000, 'both events after the sink recovered');
    expect(sink.events.map((e) => (e.kind === 'text' ? e.text : ''))).toEqual(['first', 'second']);
    expect(channel.isConnected()).toBe(true);
  });

  it('stores an answer of several updates with one call (one commit), and fetches all of it again when that fails', async () => {
    await channel.stop();
    const batching = new BatchRecordingSink();
    batching.failNextBatches(1);
    channel = createVkChannelWithOptions(longPollConfig(fake), testDeps(batching), FAST);
    await channel.start();
    fake.push(
      fake.messageNew({ fromId: PERSON, text: 'раз' }),
      fake.messageNew({ fromId: PERSON + 1, text: 'два' }),
      fake.messageNew({ fromId: PERSON, text: 'три' }),
    );
    await eventually(() => batching.events.length === 3, 5_000, 'the batch stored after the failure');
    const texts = (events: readonly { kind: string; text?: string }[]) => events.map((e) => e.text);
    // The failed call and the one after it carried the whole answer, in order; nothing went one by one.
    expect(batching.batches.map(texts)).toEqual([
      ['раз', 'два', 'три'],
      ['раз', 'два', 'три'],
    ]);
    expect(texts(batching.events)).toEqual(['раз', 'два', 'три']);
    expect(batching.calls).toHaveLength(3);
  });

  it('answers a callback press even when storing it fails', async () => {
    sink.failNext(1);
    fake.push(fake.messageEvent({ userId: PERSON, payload: { p: 'operator' }, conversationMessageId: 3 }));
    await eventually(() => sink.events.length === 1, 5_000, 'the press stored after a retry');
    expect(fake.eventAnswers.length).toBeGreaterThanOrEqual(1);
  });

  it('the same event delivered twice is handed over twice and the sink says duplicate (no crash)', async () => {
    const update = fake.messageNew({ fromId: PERSON, text: 'дважды' });
    fake.push(update, update);
    await eventually(() => sink.statuses.length === 2, 3_000, 'two hand-overs');
    expect(sink.statuses).toEqual(['accepted', 'duplicate']);
    fake.push(fake.messageNew({ fromId: PERSON, text: 'after' }));
    await eventually(() => sink.events.length === 2, 3_000, 'the poller still running');
  });

  it('ignores group chats, our own messages and unknown update types', async () => {
    const chat = fake.messageNew({ fromId: PERSON, text: 'in a chat' });
    (chat.object.message as Record<string, unknown>).peer_id = 2_000_000_001;
    fake.push(
      chat,
      { ...fake.messageNew({ fromId: PERSON, text: 'x' }), type: 'message_reply' },
      { ...fake.messageNew({ fromId: PERSON, text: 'y' }), type: 'group_join' },
      fake.messageNew({ fromId: PERSON, text: 'real' }),
    );
    await eventually(() => sink.events.length === 1, 3_000, 'the one real event');
    await new Promise((r) => setTimeout(r, 100));
    expect(sink.events).toHaveLength(1);
    expect(sink.events[0]).toMatchObject({ kind: 'text', text: 'real' });
  });
});
