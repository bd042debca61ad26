/**
 * What a citizen is told while waiting for a consultant (place, wait, working hours; "какой я в очереди?"), and the
 * console's system signals: a consultant took the ticket, closed it → the 1–5 rating with an optional comment.
 */
import { describe, expect, it } from 'vitest';
import { ratingFlow } from '../../../src/dialogs/flows/rating-flow.js';
import { encodePayload } from '../../../src/dialogs/payloads.js';
import { isPresenceCheck, isQueueQuestion } from '../../../src/dialogs/queue-replies.js';
import type { CitizenQueueInfo } from '../../../src/handoff/queue-info.js';
import { parseWorkingHours } from '../../../src/handoff/working-hours.js';
import type { IncomingPayload } from '../../../src/messaging/incoming-event.js';
import {
  answerFor,
  buttonLabels,
  DialogHarness,
  findPayload,
  outcomeOf,
  replies,
  replyText,
} from '../../support/dialog-harness.js';

const MIN = 60_000;
const calendar = parseWorkingHours({
  timezone: 'Europe/Moscow',
  timezone_label: { ru: 'по московскому времени', en: 'Moscow time' },
  week: {
    mon: '09:00-18:00',
    tue: '09:00-18:00',
    wed: '09:00-18:00',
    thu: '09:00-18:00',
    fri: '09:00-16:45',
    sat: 'closed',
    sun: 'closed',
  },
  holidays: [
    '2026-12-31',
    '2027-01-01',
    '2027-01-04',
    '2027-01-05',
    '2027-01-06',
    '2027-01-07',
    '2027-01-08',
  ],
  workdays: { '2027-01-09': '10:00-14:00' },
});
const hours = {
  timeZone: 'Europe/Moscow',
  label: { ru: 'по московскому времени', en: 'Moscow time' },
  calendar,
};
const openQueue = (extra: Partial<CitizenQueueInfo> = {}): CitizenQueueInfo => ({
  forNew: { urgent: { position: 1, waitMs: 4 * MIN }, normal: { position: 3, waitMs: 14 * MIN } },
  hours: { open: true, ...hours },
  ...extra,
});
const system = (signal: Extract<IncomingPayload, { kind: 'system' }>['signal']): IncomingPayload => ({
  kind: 'system',
  signal,
});

function waiting(queue: CitizenQueueInfo = openQueue()) {
  const h = new DialogHarness();
  h.flows = [ratingFlow];
  h.queue = queue;
  h.send({ kind: 'start' });
  return h;
}

describe('hand-off with a queue', () => {
  it('tells the place in the queue and the expected wait', () => {
    const h = waiting();
    const effects = h.send({ kind: 'command', command: 'operator', args: '' });
    expect(replyText(effects)).toMatch(
      /Передаю ваш вопрос консультанту[\s\S]*Вы 3-й в очереди\. Примерное ожидание — около 15 мин\./,
    );
    // The buttons are unchanged: going back to the assistant.
    expect(
      replies(effects)[0]
        ?.buttons?.flat()
        .map((b) => (b.kind === 'action' ? b.payload : '')),
    ).toEqual(['hx']);
  });

  it('out of hours tells when a consultant will answer, in the zone of the working hours', () => {
    // Monday 23 November 2026, 20:00 in Moscow; consultants open Tuesday at 09:00.
    const h = waiting(
      openQueue({ hours: { open: false, opensAt: Date.parse('2026-11-24T09:00:00+03:00'), ...hours } }),
    );
    h.now = Date.parse('2026-11-23T20:00:00+03:00');
    const text = replyText(h.send({ kind: 'command', command: 'operator', args: '' }));
    expect(text).toMatch(/Вы 3-й в очереди\./);
    expect(text).not.toMatch(/ожидание/);
    expect(text).toMatch(/Вам ответят завтра в 09:00 \(по московскому времени\)/);
    // When comes first (last, it read as if someone would answer now), and a phone to call meanwhile.
    expect(text).toMatch(
      /^Сейчас консультанты не работают\. Вам ответят завтра[\s\S]*Передаю ваш вопрос консультанту/,
    );
    expect(text).toMatch(/по телефону Социального фонда: 8-800-100-00-01/);
  });

  it('a crisis out of hours gets the emergency numbers and when a person answers', () => {
    const h = waiting(
      openQueue({ hours: { open: false, opensAt: Date.parse('2026-11-30T09:00:00+03:00'), ...hours } }),
    );
    h.now = Date.parse('2026-11-27T22:00:00+03:00');
    h.search.next = { band: 'handoff', intent: 'crisis', hits: [], confidence: 1 };
    const text = replyText(h.text('муж бьёт, боюсь за жизнь'));
    expect(text).toMatch(/112/);
    expect(text).toMatch(/Вам ответят в понедельник, 30 ноября, в 09:00[\s\S]*не ждите: звоните 112/);
  });

  it('out of hours 👎 offers the consultant instead of queueing at once: the next question is answered, not relayed until Monday', () => {
    const h = waiting(
      openQueue({ hours: { open: false, opensAt: Date.parse('2026-11-30T09:00:00+03:00'), ...hours } }),
    );
    h.now = Date.parse('2026-11-28T12:00:00+03:00');
    const entry = answerFor(h, 'matcap-amount');
    h.text('маткапитал на второго сколько');
    const disliked = h.press(encodePayload({ a: 'feedback', id: entry.id, helpful: false }));
    expect(disliked).toContainEqual({ type: 'feedback', entryId: entry.id, helpful: false });
    expect(disliked.some((e) => e.type === 'handoff')).toBe(false);
    expect(replyText(disliked)).toMatch(
      /Жаль, что ответ не помог[\s\S]*ответят в понедельник, 30 ноября, в 09:00/,
    );
    expect(h.state.handoff).toBeUndefined();
    // The next question goes to the assistant, and the consultant is still one tap away.
    expect(h.text('а на третьего дают?').some((e) => e.type === 'reply')).toBe(true);
    expect(h.search.queries.at(-1)).toBe('а на третьего дают?');
    const handed = h.press(findPayload(disliked, /Позвать консультанта/));
    expect(handed.some((e) => e.type === 'handoff')).toBe(true);
  });

  it('out of hours a typed "нет" to "which of these?" offers the consultant too, instead of the queue until Monday', () => {
    const h = waiting(
      openQueue({ hours: { open: false, opensAt: Date.parse('2026-11-30T09:00:00+03:00'), ...hours } }),
    );
    h.now = Date.parse('2026-11-28T12:00:00+03:00');
    const [a, b] = h.kb.entries;
    h.search.next = {
      band: 'clarify',
      hits: [
        { entryId: a!.id, topic: a!.topic, score: 9 },
        { entryId: b!.id, topic: b!.topic, score: 8 },
      ],
      confidence: 0.5,
    };
    h.text('какие документы на ЕП');
    h.search.next = { band: 'out_of_scope', intent: 'disagree', hits: [], confidence: 1 };
    const no = h.text('нет');
    expect(no.some((e) => e.type === 'handoff')).toBe(false);
    expect(replyText(no)).toMatch(
      /^Понял, ничего из этого не подошло[\s\S]*ответят в понедельник, 30 ноября/,
    );
    expect(buttonLabels(replies(no)[0])).toContain('👤 Позвать консультанта');
    expect(h.state.handoff).toBeUndefined();
  });

  it('answers "какой я в очереди?" with the own place, and still relays the message', () => {
    const h = waiting();
    h.send({ kind: 'command', command: 'operator', args: '' });
    h.queue = openQueue({ own: { ticketId: 7, taken: false, place: { position: 2, waitMs: 8 * MIN } } });
    const effects = h.text('какой я в очереди?');
    expect(replyText(effects)).toBe('Вы 2-й в очереди. Примерное ожидание — около 8 мин.');
    expect(outcomeOf(effects)?.detail).toBe('queue_status');
    h.queue = openQueue({ own: { ticketId: 7, taken: true } });
    expect(replyText(h.text('долго ещё ждать?'))).toMatch(/Консультант уже занимается вашим вопросом/);
    for (const q of [
      'какой я в очереди?',
      'Сколько ждать?',
      'когда ответят',
      'what is my place in the queue',
    ])
      expect(isQueueQuestion(q), q).toBe(true);
    expect(isQueueQuestion('у меня трое детей')).toBe(false);
  });

  it('answers "вы меня слышите?" or "ау" while waiting with the place, though an acknowledgement was just sent (it got silence)', () => {
    const h = waiting();
    h.send({ kind: 'command', command: 'operator', args: '' });
    h.queue = openQueue({ own: { ticketId: 7, taken: false, place: { position: 1, waitMs: MIN } } });
    h.text('мама одна живет, пенсия 19 тысяч');
    h.now += 10_000;
    for (const q of [
      'вы меня слышите?',
      'ау',
      'аууу',
      'алё',
      'Алло!',
      'вы там?',
      'где консультант?',
      'ну и где ваш консультант?',
      'есть кто живой',
    ])
      expect(replyText(h.text(q)), q).toMatch(/^Вы 1-й в очереди/);
    for (const q of ['ауди в наследство', 'я слышала про выплату', 'эйфория'])
      expect(isPresenceCheck(q), q).toBe(false);
    // Once a consultant has the ticket, "вы тут?" is theirs to answer: relayed, not answered by the assistant.
    h.queue = openQueue({ own: { ticketId: 7, taken: true } });
    const taken = h.text('Алло, вы тут? Мне срочно нужен ответ');
    expect(replies(taken)).toHaveLength(0);
    expect(outcomeOf(taken)?.detail).toBe('relayed');
  });

  it('after a consultant took the ticket, no more "passed on" acknowledgements', () => {
    const h = waiting();
    h.send({ kind: 'command', command: 'operator', args: '' });
    h.queue = openQueue({ own: { ticketId: 7, taken: false, place: { position: 1, waitMs: MIN } } });
    h.now += 1000;
    const taken = h.send(system({ type: 'handoff-taken', ticketId: 7 }));
    expect(replyText(taken)).toMatch(/Консультант подключился к разговору/);
    expect(h.state.handoff?.taken).toBe(true);
    h.queue = openQueue({ own: { ticketId: 7, taken: true } });
    h.now += 10 * MIN;
    const relayed = h.text('у меня трое детей');
    expect(replies(relayed)).toHaveLength(0);
    expect(outcomeOf(relayed)?.detail).toBe('relayed');
  });

  it('a stale signal (another ticket) changes nothing', () => {
    const h = waiting();
    h.send({ kind: 'command', command: 'operator', args: '' });
    h.queue = openQueue({ own: { ticketId: 8, taken: false, place: { position: 1 } } });
    const effects = h.send(
      system({ type: 'handoff-closed', ticketId: 7, resolution: 'answered', consultantId: 1 }),
    );
    expect(replies(effects)).toHaveLength(0);
    expect(h.state.handoff).toBeDefined();
  });

  it('when the ticket is gone (closed while a signal was lost), the next message goes to the assistant again', () => {
    const h = waiting();
    h.send({ kind: 'command', command: 'operator', args: '' });
    h.queue = openQueue();
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0.1 };
    const effects = h.text('расскажи анекдот');
    expect(outcomeOf(effects)?.outcome).toBe('refuse');
    expect(h.state.handoff).toBeUndefined();
  });
});

describe('"когда вы работаете?"', () => {
  const ask = (queue: CitizenQueueInfo, now: string) => {
    const h = waiting(queue);
    h.now = Date.parse(now);
    h.search.next = { band: 'out_of_scope', intent: 'hours', hits: [], confidence: 1 };
    return h.text('вы работаете в праздники?');
  };

  it("says the assistant answers at any hour, the consultants' week, the holidays ahead as one run, and that they work now", () => {
    const effects = ask(openQueue(), '2026-12-04T12:00:00+03:00');
    const text = replyText(effects);
    expect(text).toMatch(/отвечаю круглосуточно/);
    expect(text).toMatch(/пн–чт: 09:00–18:00\n• пт: 09:00–16:45\n• сб, вс: выходной/);
    expect(text).toMatch(/31 декабря \(чт\) – 8 января \(пт\) — консультанты не работают/);
    expect(text).toMatch(/9 января \(сб\) — работают 10:00–14:00/);
    expect(text).toMatch(/Сейчас консультанты работают/);
    expect(text).not.toMatch(/Передаю ваш вопрос/);
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'other', detail: 'intent:hours' });
  });

  it('while waiting for a consultant the hours are answered too (and the message is in the transcript as always)', () => {
    const h = waiting(openQueue({ own: { ticketId: 7, taken: false, place: { position: 2 } } }));
    h.send({ kind: 'command', command: 'operator', args: '' });
    h.search.next = { band: 'out_of_scope', intent: 'hours', hits: [], confidence: 1 };
    const effects = h.text('вы сегодня работаете?');
    expect(replyText(effects)).toMatch(/пн–чт: 09:00–18:00/);
    expect(outcomeOf(effects)).toMatchObject({ detail: 'intent:hours' });
  });

  it('out of hours says when they answer; holidays further than the next weeks are not listed', () => {
    const text = replyText(
      ask(
        openQueue({ hours: { open: false, opensAt: Date.parse('2026-11-09T09:00:00+03:00'), ...hours } }),
        '2026-11-07T15:00:00+03:00',
      ),
    );
    expect(text).toMatch(/Сейчас консультанты не работают, ответят в понедельник, 9 ноября, в 09:00/);
    expect(text).not.toMatch(/Праздники и переносы/);
    const tuesday = replyText(
      ask(
        openQueue({ hours: { open: false, opensAt: Date.parse('2026-11-10T09:00:00+03:00'), ...hours } }),
        '2026-11-07T15:00:00+03:00',
      ),
    );
    expect(tuesday).toMatch(/ответят во вторник, 10 ноября, в 09:00/);
  });
});

describe('closing and the rating', () => {
  function closed() {
    const h = waiting();
    h.send({ kind: 'command', command: 'operator', args: '' });
    h.queue = openQueue({ own: { ticketId: 7, taken: true } });
    const effects = h.send(
      system({ type: 'handoff-closed', ticketId: 7, resolution: 'answered', consultantId: 3 }),
    );
    h.queue = openQueue();
    return { h, effects };
  }

  it('a closed ticket ends the hand-off and asks for a rating 1–5 with buttons', () => {
    const { h, effects } = closed();
    expect(effects).toContainEqual({
      type: 'handoff-close',
      ticketId: 7,
      resolution: 'answered',
      consultantId: 3,
    });
    expect(h.state.handoff).toBeUndefined();
    expect(h.state.flow).toEqual({ code: 'rt', step: 'score', data: { ticketId: 7 } });
    const request = replies(effects)[0]!;
    expect(replyText(effects)).toMatch(/оцените.*от 1.*до 5/);
    expect(request.buttons?.[0]?.map((b) => (b.kind === 'action' ? b.payload : ''))).toEqual([
      'rt:7:1',
      'rt:7:2',
      'rt:7:3',
      'rt:7:4',
      'rt:7:5',
    ]);
  });

  it('takes the score, then an optional comment in one message', () => {
    const { h } = closed();
    const scored = h.press('rt:7:4');
    expect(scored).toContainEqual({ type: 'rating', ticketId: 7, score: 4 });
    expect(replyText(scored)).toMatch(/Спасибо за оценку/);
    const comment = h.text('Всё объяснили, спасибо');
    expect(comment).toContainEqual({
      type: 'rating-comment',
      ticketId: 7,
      comment: 'Всё объяснили, спасибо',
    });
    expect(h.state.flow).toBeUndefined();
    expect(replyText(comment)).toMatch(/отзыв передан/);
  });

  it('a low score asks what was missing; "no comment" ends the rating', () => {
    const { h } = closed();
    const low = h.press('rt:7:1');
    expect(replyText(low)).toMatch(/чего не хватило/);
    const skip = h.press(findPayload(low, 'Без комментария'));
    expect(skip.some((e) => e.type === 'rating-comment')).toBe(false);
    expect(h.state.flow).toBeUndefined();
    expect(replyText(skip)).toMatch(/Спасибо!/);
  });

  it('text before a score is a new question for the assistant, and a forged payload is stale', () => {
    const { h } = closed();
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0.1 };
    expect(outcomeOf(h.text('а что с погодой?'))?.outcome).toBe('refuse');
    expect(h.state.flow).toBeUndefined();
    expect(outcomeOf(h.press('rt:7:9'))?.detail).toBe('stale_button');
  });
});
