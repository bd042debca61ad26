/**
 * Typed replies around the consultant: withdrawing a request in words while waiting, what a waiting citizen hears
 * out of working hours, a typed "да" to «Могу позвать консультанта.», and "объясните попроще" after the answer's parts.
 * All from a citizen audit (H3, H9, M12).
 */
import { describe, expect, it } from 'vitest';
import { encodePayload } from '../../../src/dialogs/payloads.js';
import type { CitizenQueueInfo } from '../../../src/handoff/queue-info.js';
import { parseWorkingHours } from '../../../src/handoff/working-hours.js';
import type { SpecialIntent } from '../../../src/search/search-types.js';
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
const EP = 'ep-children-overview';
const hours = {
  timeZone: 'Europe/Moscow',
  label: { ru: 'по московскому времени', en: 'Moscow time' },
  calendar: parseWorkingHours({
    timezone: 'Europe/Moscow',
    timezone_label: { ru: 'по московскому времени', en: 'Moscow time' },
    week: {
      mon: '09:00-18:00',
      tue: '09:00-18:00',
      wed: '09:00-18:00',
      thu: '09:00-18:00',
      fri: '09:00-18:00',
      sat: 'closed',
      sun: 'closed',
    },
    holidays: [],
  }),
};
/** Saturday 5 December 2026, noon in Moscow: consultants answer on Monday at 09:00. */
const SATURDAY = Date.parse('2026-12-05T12:00:00+03:00');
const closedQueue = (own?: CitizenQueueInfo['own']): CitizenQueueInfo => ({
  forNew: { urgent: { position: 1 }, normal: { position: 1 } },
  hours: { open: false, opensAt: Date.parse('2026-12-07T09:00:00+03:00'), ...hours },
  ...(own ? { own } : {}),
});
const openQueue = (own?: CitizenQueueInfo['own']): CitizenQueueInfo => ({
  forNew: { urgent: { position: 1, waitMs: 4 * MIN }, normal: { position: 2, waitMs: 9 * MIN } },
  hours: { open: true, ...hours },
  ...(own ? { own } : {}),
});

function intentIs(h: DialogHarness, intent: SpecialIntent) {
  h.search.next = { band: 'out_of_scope', intent, hits: [], confidence: 1 };
}

/** A citizen who asked for a person on Saturday and waits in the queue (ticket 7, first). */
function waitingOnSaturday() {
  const h = new DialogHarness();
  h.now = SATURDAY;
  h.queue = closedQueue();
  h.send({ kind: 'start' });
  h.send({ kind: 'command', command: 'operator', args: '' });
  h.queue = closedQueue({ ticketId: 7, taken: false, place: { position: 1 } });
  h.now += 1000;
  return h;
}

describe('withdrawing the request in words while waiting', () => {
  it('"ладно отмена", "не надо оператора", "отмените", "передумал", "уже не надо" withdraw it, with the confirmation', () => {
    for (const typed of [
      'ладно отмена',
      'не надо оператора',
      'Отмените',
      'отмените запрос',
      'передумал',
      'передумала',
      'уже не надо',
      'ладно, не нужен консультант',
      'всё, не надо уже, спасибо',
      'ладно не надо сама разберусь',
      'я сам разберусь',
    ]) {
      const h = waitingOnSaturday();
      h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
      const back = h.text(typed);
      expect(
        back.some((e) => e.type === 'handoff-cancel'),
        typed,
      ).toBe(true);
      expect(replyText(back), typed).toMatch(/^Хорошо, запрос консультанту отменён/);
      expect(h.state.handoff, typed).toBeUndefined();
    }
  });

  it('a message that only mentions "не надо" about something else stays in the queue', () => {
    for (const typed of [
      'не надо мне ваши ссылки, позовите человека',
      'не надо мне единое пособие, мне бы субсидию',
      'а нет всё таки оператор нужен',
      'сама не разберусь, помогите',
    ]) {
      const h = waitingOnSaturday();
      h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
      const kept = h.text(typed);
      expect(
        kept.some((e) => e.type === 'handoff-cancel'),
        typed,
      ).toBe(false);
      expect(h.state.handoff, typed).toBeDefined();
    }
  });
});

describe('waiting out of working hours', () => {
  it('the acknowledgement says when the message will be read', () => {
    const h = waitingOnSaturday();
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    expect(replyText(h.text('мама одна живёт, пенсия 19 тысяч'))).toMatch(
      /^Передал консультанту ✅\s+Консультанты сейчас не работают, сообщение прочитают в понедельник, 7 декабря, в 09:00\./,
    );
  });

  it('a question the knowledge base answers is answered now (it got silence until Monday), and the place is kept', () => {
    const h = waitingOnSaturday();
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    h.text('мама одна живёт, пенсия 19 тысяч');
    h.now += 20_000;
    const entry = answerFor(h, EP);
    const answered = h.text('как оформить единое пособие');
    const text = replyText(answered);
    expect(text).toMatch(
      /^Ваше сообщение передано консультанту, место в очереди за вами; консультанты ответят в понедельник, 7 декабря, в 09:00\. А пока — вот что я нашёл/,
    );
    expect(text).toContain(entry.title);
    expect(outcomeOf(answered)).toMatchObject({ outcome: 'answer', entryId: EP, detail: 'waiting:answer' });
    expect(answered.some((e) => e.type === 'handoff-cancel')).toBe(false);
    expect(h.state.handoff).toBeDefined();
    // More details within the minute are still not acknowledged one by one.
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    expect(replies(h.text('и муж не работает'))).toHaveLength(0);
  });

  it('a question the knowledge base has a few answers to gets them to choose from, the place kept (it got nothing)', () => {
    const h = waitingOnSaturday();
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    h.text('мама одна живёт, пенсия 19 тысяч');
    h.now += 20_000;
    const [first, second] = h.kb.entries;
    h.search.next = {
      band: 'clarify',
      hits: [first!, second!].map((e) => ({ entryId: e.id, topic: e.topic, score: 1 })),
      confidence: 0.4,
    };
    const offered = h.text('а пока ждать можно узнать какие документы на субсидию');
    expect(replyText(offered)).toMatch(/^Ваше сообщение передано консультанту, место в очереди за вами/);
    expect(buttonLabels(replies(offered)[0])).toEqual(expect.arrayContaining([first!.title, second!.title]));
    expect(outcomeOf(offered)).toMatchObject({ outcome: 'clarify', detail: 'waiting:choices' });
    expect(h.state.handoff).toBeDefined();
  });

  it('while consultants work, the question is the consultant’s (relayed, not answered by the assistant)', () => {
    const h = new DialogHarness();
    h.queue = openQueue();
    h.send({ kind: 'start' });
    h.send({ kind: 'command', command: 'operator', args: '' });
    h.queue = openQueue({ ticketId: 7, taken: false, place: { position: 1, waitMs: MIN } });
    answerFor(h, EP);
    const relayed = h.text('как оформить единое пособие');
    expect(replyText(relayed)).toBe('Передал консультанту ✅');
    expect(outcomeOf(relayed)?.detail).toBe('relayed');
  });

  it('"позовите человека" again while waiting gets the place in the queue, not silence', () => {
    const h = waitingOnSaturday();
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    h.text('мама одна живёт');
    h.now += 10_000;
    intentIs(h, 'human');
    const again = h.text('позовите уже человека');
    expect(replyText(again)).toMatch(/^Вы 1-й в очереди\.[\s\S]*в понедельник, 7 декабря, в 09:00/);
    expect(h.state.handoff).toBeDefined();
  });
});

describe('a typed "да" to an offer of the consultant', () => {
  it('"да", "давайте", "зовите", "ок" after «Могу позвать консультанта.» start the hand-off, as the button does', () => {
    for (const typed of ['да', 'давайте', 'зовите', 'ок', 'Да, позовите пожалуйста']) {
      const h = new DialogHarness();
      h.send({ kind: 'start' });
      intentIs(h, 'personal_case');
      const offer = h.text('Иванова Мария Петровна 89123456789');
      expect(replyText(offer)).toMatch(/Могу позвать консультанта\./);
      expect(buttonLabels(replies(offer)[0])).toContain('👤 Позвать консультанта');
      intentIs(h, 'agree');
      const yes = h.text(typed);
      expect(yes, typed).toContainEqual({ type: 'handoff', reason: 'user_request', priority: 'normal' });
      expect(replyText(yes), typed).toMatch(/Передаю ваш вопрос консультанту/);
      expect(outcomeOf(yes), typed).toMatchObject({ outcome: 'handoff', detail: 'typed:offer' });
    }
  });

  it('"да" after the consultant offered for a 👎 calls them, and is not recorded as a 👍 of that answer', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const entry = answerFor(h, EP);
    h.text('детские пособия кому положены');
    h.press(encodePayload({ a: 'feedback', id: entry.id, helpful: false }));
    intentIs(h, 'agree');
    const yes = h.text('да');
    expect(yes.some((e) => e.type === 'handoff')).toBe(true);
    expect(yes.some((e) => e.type === 'feedback')).toBe(false);
    expect(replyText(yes)).not.toMatch(/рад, что помог/);
  });

  it('only right after the offer: after a press, or after an ordinary answer, "да" is what it was', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    intentIs(h, 'personal_case');
    const offer = h.text('Иванова Мария Петровна 89123456789');
    h.press(findPayload(offer, '🏠 Меню'));
    intentIs(h, 'agree');
    const later = h.text('да');
    expect(later.some((e) => e.type === 'handoff')).toBe(false);
    expect(replyText(later)).toMatch(/^Хорошо\. Напишите вопрос своими словами/);

    const entry = answerFor(h, EP);
    h.text('детские пособия кому положены');
    intentIs(h, 'agree');
    const thumbsUp = h.text('да');
    expect(thumbsUp).toContainEqual({ type: 'feedback', entryId: entry.id, helpful: true });
    expect(thumbsUp.some((e) => e.type === 'handoff')).toBe(false);
  });

  it('"нет" or "не надо" after the offer does not call anyone', () => {
    for (const typed of ['нет', 'не надо']) {
      const h = new DialogHarness();
      h.send({ kind: 'start' });
      intentIs(h, 'personal_case');
      h.text('Иванова Мария Петровна 89123456789');
      intentIs(h, 'disagree');
      expect(
        h.text(typed).some((e) => e.type === 'handoff'),
        typed,
      ).toBe(false);
    }
  });
});

describe('"объясните попроще" after the answer’s parts were offered', () => {
  it('out of hours: a person is offered to explain, not "Жаль, что ответ не помог" and no 👎; "да" takes the offer', () => {
    const h = new DialogHarness();
    h.now = SATURDAY;
    h.queue = closedQueue();
    h.send({ kind: 'start' });
    answerFor(h, EP);
    h.text('детские пособия кому положены');
    intentIs(h, 'not_understood');
    expect(replyText(h.text('не понял'))).toMatch(/^Давайте по-другому/);
    h.now += 10_000;
    intentIs(h, 'not_understood');
    const simpler = h.text('объясните попроще');
    const text = replyText(simpler);
    expect(text).toMatch(
      /^Простыми словами объяснит консультант\. Сейчас консультанты не работают и ответят в понедельник, 7 декабря, в 09:00/,
    );
    expect(text).not.toMatch(/Жаль|другими словами/);
    expect(simpler.some((e) => e.type === 'feedback' || e.type === 'handoff')).toBe(false);
    expect(buttonLabels(replies(simpler)[0])).toContain('👤 Позвать консультанта');
    intentIs(h, 'agree');
    expect(h.text('давайте').some((e) => e.type === 'handoff')).toBe(true);
  });
});
