/**
 * Long polling (our loop on grammY's API client) against the fake Bot API: what a citizen does becomes the right
 * neutral event, button spinners always stop, and the poller survives storage and network trouble.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramTokenRejectedError } from '../../../src/bots/telegram/index.js';
import { parseRichText } from '../../../src/messaging/rich-text.js';
import { gate, sleep, waitFor } from '../../support/wait-for.js';
import { createHarness, type Harness, sharedTranslator } from './telegram-harness.js';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function started(options: Parameters<typeof createHarness>[0] = {}): Promise<Harness> {
  h = await createHarness(options);
  await h.channel.start();
  return h;
}

describe('Telegram long polling', () => {
  it('turns every kind of update into the right event', async () => {
    await started();
    const anna = h.citizen({ id: 501, languageCode: 'ru' });
    // A message of ours with a button to press.
    const sent = await h.channel.sender.send(
      '501',
      {
        text: parseRichText('Выберите раздел'),
        buttons: [[{ kind: 'action', label: 'Пособия', payload: 'section:benefits' }]],
      },
      {},
    );

    const updates = [
      anna.sendCommand('/start'),
      anna.sendText('Как оформить единое пособие?'),
      anna.sendCommand('/menu'),
      anna.sendCommand('/lang en'),
      anna.press('section:benefits'),
      anna.shareLocation(55.75, 37.62),
      anna.shareContact('+79991234567'),
      ...(
        [
          'sticker',
          'photo',
          'voice',
          'video',
          'video_note',
          'audio',
          'document',
          'animation',
          'poll',
        ] as const
      ).map((kind) => anna.sendMedia(kind)),
    ];
    const events = await waitFor(
      () => h.sink.events.length === updates.length && h.sink.events,
      'all events',
    );

    const common = { platform: 'telegram', userId: '501', chatId: '501', languageCode: 'ru' };
    expect(events.map(({ receivedAt: _, ...e }) => e)).toEqual([
      { kind: 'start', eventId: String(updates[0]!.update_id), ...common },
      {
        kind: 'text',
        text: 'Как оформить единое пособие?',
        eventId: String(updates[1]!.update_id),
        ...common,
      },
      { kind: 'command', command: 'menu', args: '', eventId: String(updates[2]!.update_id), ...common },
      { kind: 'command', command: 'lang', args: 'en', eventId: String(updates[3]!.update_id), ...common },
      {
        kind: 'button',
        payload: 'section:benefits',
        sourceMessageId: sent.platformMessageIds[0],
        eventId: String(updates[4]!.update_id),
        ...common,
      },
      {
        kind: 'location',
        latitude: 55.75,
        longitude: 37.62,
        eventId: String(updates[5]!.update_id),
        ...common,
      },
      { kind: 'contact', eventId: String(updates[6]!.update_id), ...common },
      ...['sticker', 'photo', 'voice', 'video', 'video', 'audio', 'document', 'animation', 'poll'].map(
        (media, i) => ({
          kind: 'unsupported',
          media,
          eventId: String(updates[7 + i]!.update_id),
          ...common,
        }),
      ),
    ]);
    expect(events.every((e) => typeof e.receivedAt === 'number')).toBe(true);
    // The phone number is never kept, logged or passed on.
    expect(JSON.stringify(h.sink.calls)).not.toContain('9991234567');
    expect(h.log.text()).not.toContain('9991234567');
    // Nor are the person's words logged.
    expect(h.log.text()).not.toContain('единое пособие');
    expect(h.log.problems()).toEqual([]);
  });

  it('answers every button press and shows "typing" once to a chat left waiting for an answer', async () => {
    await started();
    const boris = h.citizen({ id: 502 });
    await h.channel.sender.send(
      '502',
      {
        text: parseRichText('Оцените ответ'),
        buttons: [
          [
            { kind: 'action', label: '👍', payload: 'rate:up' },
            { kind: 'action', label: '👎', payload: 'rate:down' },
          ],
        ],
      },
      {},
    );
    const up = boris.press('rate:up');
    const down = boris.press('rate:down');
    boris.sendText('спасибо');
    // A sticker gets no answer, so nobody waits for one.
    h.citizen({ id: 512 }).sendMedia('sticker');
    await waitFor(() => h.sink.events.length === 4, 'four events');
    const answered = await waitFor(
      () => h.fake.callsOf('answerCallbackQuery').length === 2 && h.fake.callsOf('answerCallbackQuery'),
      'two answers',
    );
    expect(answered.map((c) => c.payload.callback_query_id)).toEqual([
      up.callback_query!.id,
      down.callback_query!.id,
    ]);
    // The sink sends no answer: after the delay the waiting chat sees "typing…", once for its three events.
    await waitFor(() => h.fake.callsOf('sendChatAction').length >= 1, 'typing in the waiting chat');
    await sleep(150);
    const typing = h.fake.callsOf('sendChatAction');
    expect(typing.map((c) => [c.payload.action, String(c.payload.chat_id)])).toEqual([['typing', '502']]);
  });

  it('shows no "typing" when the answer goes out in time', async () => {
    await started();
    const vera = h.citizen({ id: 513 });
    vera.sendText('Как получить субсидию?');
    await waitFor(() => h.sink.events.length === 1, 'the event');
    await h.channel.sender.send('513', { text: parseRichText('Ответ') }, {});
    await sleep(150);
    expect(h.fake.callsOf('sendChatAction')).toEqual([]);
  });

  it("answers a press and asks in the person's language to send it again when the event cannot be stored", async () => {
    await started();
    const emma = h.citizen({ id: 503, languageCode: 'en-GB' });
    await h.channel.sender.send(
      '503',
      {
        text: parseRichText('Menu'),
        buttons: [[{ kind: 'action', label: 'Benefits', payload: 'section:benefits' }]],
      },
      {},
    );
    h.sink.failNext(3); // every attempt (1 + 2 retries) fails
    emma.press('section:benefits');
    await waitFor(() => h.fake.callsOf('answerCallbackQuery').length === 1, 'the answer to the press');
    const apology = await waitFor(
      () =>
        h.fake.messagesIn(503).find((m) => m.text === sharedTranslator().t('en', 'errors.not_saved_retry')),
      'the apology in English',
    );
    expect(apology.replyMarkup).toBeUndefined();
    expect(h.sink.statuses).toEqual(['failed', 'failed', 'failed']);
    expect(h.log.lines.some((l) => l.msg === 'update could not be stored' && l.chatId === '503')).toBe(true);
    // The poller lives on.
    emma.sendText('hello again');
    await waitFor(() => h.sink.events.some((e) => e.kind === 'text'), 'the next message');
  });

  it('retries storing with back-off and then goes on without bothering the person', async () => {
    await started();
    const ivan = h.citizen({ id: 504 });
    h.sink.failNext(2);
    ivan.sendText('Где получить справку?');
    await waitFor(() => h.sink.events.length === 1, 'the event stored on the third attempt');
    expect(h.sink.statuses).toEqual(['failed', 'failed', 'accepted']);
    await sleep(50);
    expect(h.fake.messagesIn(504)).toEqual([]);
  });

  it('hands a redelivered update to the sink again, which reports a duplicate, and goes on', async () => {
    await started();
    const olga = h.citizen({ id: 505 });
    const update = olga.sendText('Здравствуйте');
    await waitFor(() => h.sink.events.length === 1, 'first delivery');
    await waitFor(() => h.fake.callsOf('sendChatAction').length === 1, 'typing for the unanswered message');
    h.fake.redeliver(update);
    await waitFor(() => h.sink.calls.length === 2, 'second delivery');
    expect(h.sink.calls[1]!.eventId).toBe(String(update.update_id));
    expect(h.sink.statuses).toEqual(['accepted', 'duplicate']);
    // No typing for the duplicate: nothing new will be answered.
    await sleep(150);
    expect(h.fake.callsOf('sendChatAction')).toHaveLength(1);
    olga.sendText('Вопрос');
    await waitFor(() => h.sink.events.length === 2, 'the next message');
    await waitFor(() => h.fake.callsOf('sendChatAction').length === 2, 'typing for the new message');
  });

  it('ignores group chats and service updates politely', async () => {
    await started();
    const petr = h.citizen({ id: 506 });
    petr.sendInGroup('всем привет');
    h.fake.enqueue({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 506, type: 'private' },
        from: petr.user,
        pinned_message: {},
      },
    });
    petr.sendText('личный вопрос');
    await waitFor(() => h.sink.events.length === 1, 'the private message');
    await sleep(30);
    expect(h.sink.calls).toHaveLength(1);
    expect(h.sink.events[0]).toMatchObject({ kind: 'text', chatId: '506' });
    expect(h.log.problems()).toEqual([]);
  });

  it('keeps the order within a chat while other chats go ahead', async () => {
    await started();
    const slow = h.citizen({ id: 507 });
    const fast = h.citizen({ id: 508 });
    const first = gate();
    h.sink.beforeAccept = async (event) => {
      if (event.chatId === '507' && event.kind === 'text' && event.text === 'one') await first.passed;
    };
    slow.sendText('one');
    slow.sendText('two');
    fast.sendText('other chat');
    await waitFor(() => h.sink.events.some((e) => e.chatId === '508'), 'the other chat not waiting');
    expect(h.sink.events.filter((e) => e.chatId === '507')).toEqual([]);
    first.open();
    await waitFor(() => h.sink.events.filter((e) => e.chatId === '507').length === 2, 'the slow chat');
    expect(h.sink.events.filter((e) => e.chatId === '507').map((e) => e.kind === 'text' && e.text)).toEqual([
      'one',
      'two',
    ]);
  });

  it('confirms a batch to Telegram only after it is stored, and confirms the last one when stopping', async () => {
    await started();
    const anna = h.citizen({ id: 509 });
    const store = gate();
    h.sink.beforeAccept = () => store.passed;
    const update = anna.sendText('запомните меня');
    await waitFor(() => h.sink.calls.length === 1, 'the store started');
    await sleep(100);
    // While the store hangs, no getUpdates may ask past the update: Telegram would forget it.
    const pastIt = () =>
      h.fake.callsOf('getUpdates').filter((c) => Number(c.payload.offset ?? 0) > update.update_id);
    expect(pastIt()).toEqual([]);
    store.open();
    await waitFor(() => pastIt().length > 0, 'the batch confirmed after the store');
    expect(h.sink.events).toHaveLength(1);

    // Stopping while a batch is being stored: the batch is finished and then confirmed, so a restart does not
    // fetch it again.
    const lastStore = gate();
    h.sink.beforeAccept = () => lastStore.passed;
    const last = anna.sendText('и это');
    await waitFor(() => h.sink.calls.length === 2, 'the second store started');
    const stopped = h.channel.stop();
    await sleep(50);
    lastStore.open();
    await stopped;
    expect(h.sink.events).toHaveLength(2);
    expect(pastIt().some((c) => Number(c.payload.offset) > last.update_id)).toBe(true);
  });

  it('sets the command menus in Russian (default and ru) and English, and deletes any webhook before polling', async () => {
    await started();
    const t = sharedTranslator();
    const ru = [
      'start',
      'menu',
      'benefits',
      'where',
      'complaint',
      'status',
      'help',
      'operator',
      'lang',
      'privacy',
      'forget',
    ].map((command) => ({
      command,
      description: t.t('ru', `commands.${command}`),
    }));
    expect(h.fake.commands.get('')).toEqual(ru);
    expect(h.fake.commands.get('ru')).toEqual(ru);
    expect(h.fake.commands.get('en')?.[0]).toEqual({
      command: 'start',
      description: t.t('en', 'commands.start'),
    });
    const methods = h.fake.calls.map((c) => c.method);
    expect(methods.indexOf('deleteWebhook')).toBeGreaterThan(-1);
    await waitFor(() => methods.concat(h.fake.calls.map((c) => c.method)).includes('getUpdates'), 'polling');
    const all = h.fake.calls.map((c) => c.method);
    expect(all.indexOf('deleteWebhook')).toBeLessThan(all.indexOf('getUpdates'));
    const poll = h.fake.callsOf('getUpdates')[0]!;
    expect(poll.payload.allowed_updates).toEqual(['message', 'callback_query']);
  });

  it('keeps polling through 500s, dropped connections and a webhook set behind its back', async () => {
    await started();
    const lena = h.citizen({ id: 509 });
    await waitFor(() => h.fake.callsOf('getUpdates').length > 0, 'polling');
    expect(h.channel.isConnected()).toBe(true);
    h.fake.failNext('getUpdates', { type: 'server-error' }, 2);
    h.fake.failNext('getUpdates', { type: 'drop' });
    lena.sendText('первое');
    await waitFor(() => h.sink.events.length === 1, 'message after faults');

    // Someone registers a webhook: getUpdates answers 409, the runner gives up, the supervisor sets up again.
    h.fake.webhook = { url: 'http://127.0.0.1:9/nowhere' };
    const pollsBefore = h.fake.callsOf('getUpdates').length;
    h.fake.failNext('getUpdates', {
      type: 'error',
      code: 409,
      description: 'Conflict: terminated by other getUpdates request',
    });
    await waitFor(() => h.fake.callsOf('getUpdates').length > pollsBefore, 'the 409');
    await waitFor(() => h.fake.webhook === undefined, 'deleteWebhook by the supervisor');
    lena.sendText('второе');
    await waitFor(() => h.sink.events.length === 2, 'message after the restart');
    expect(h.log.lines.some((l) => l.msg === 'long polling stopped; restarting')).toBe(true);
    // Network errors carry the request URL; the token in it never reaches the log.
    expect(h.log.lines.some((l) => l.msg === 'Telegram API unreachable')).toBe(true);
    expect(h.log.text()).not.toContain(h.fake.token.split(':')[1]);
  });

  it('refuses to start with a token Telegram rejects', async () => {
    h = await createHarness({ token: '42:WRONG-token' });
    await expect(h.channel.start()).rejects.toBeInstanceOf(TelegramTokenRejectedError);
    expect(h.channel.isConnected()).toBe(false);
  });

  it('starts while Telegram is unreachable and connects once it answers', async () => {
    h = await createHarness();
    h.fake.failNext('getMe', { type: 'server-error' }, 3);
    await h.channel.start();
    expect(h.channel.isConnected()).toBe(false);
    const anna = h.citizen({ id: 510 });
    anna.sendText('есть кто?');
    await waitFor(() => h.sink.events.length === 1, 'the message once connected');
    expect(h.channel.isConnected()).toBe(true);
  });

  it('stops idempotently and waits for updates in flight', async () => {
    await started();
    const store = gate();
    h.sink.beforeAccept = () => store.passed;
    h.citizen({ id: 511 }).sendText('последнее');
    await waitFor(() => h.sink.calls.length === 1, 'the update in flight');
    let stopped = false;
    const stopping = h.channel.stop().then(() => {
      stopped = true;
    });
    await sleep(30);
    expect(stopped).toBe(false);
    store.open();
    await stopping;
    await h.channel.stop();
    expect(h.sink.events).toHaveLength(1);
    expect(h.channel.isConnected()).toBe(false);
  });
});
