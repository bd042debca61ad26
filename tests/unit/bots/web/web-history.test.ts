/** The web chat's history after a reload: both sides, in the order they happened, nothing private shown. */
import { describe, expect, it } from 'vitest';
import { PRIVATE_TRANSCRIPT_TEXT } from '../../../../src/app/dialog-runner.js';
import { buildWebHistory, toWebMessage } from '../../../../src/bots/web/web-history.js';
import type { OutboxItem, TranscriptLine } from '../../../../src/storage/store.js';

const labels = { privateAnswer: '(ответ сохранён без текста)', location: '📍 Отправить моё местоположение' };

function sent(id: number, text: string, payloads: [string, string][] = []): OutboxItem {
  return {
    id,
    citizenId: 1,
    platform: 'web',
    chatId: 's',
    message: {
      text: [{ type: 'paragraph', spans: [{ text }] }],
      buttons: payloads.map(([label, payload]) => [{ kind: 'action' as const, label, payload }]),
    },
    editMessageId: null,
    status: 'sent',
    attempts: 1,
  } as OutboxItem;
}

let n = 0;
const line = (direction: 'in' | 'out', kind: string, text: string, createdAt: number, outboxId?: number) =>
  ({
    id: ++n,
    citizenId: 1,
    direction,
    author: direction === 'in' ? 'citizen' : 'assistant',
    kind,
    text,
    createdAt,
    outboxId: outboxId ?? null,
  }) as TranscriptLine;

describe('buildWebHistory', () => {
  it('puts each citizen line before the replies it caused, also when two events shared a batch', () => {
    const items = buildWebHistory(
      [sent(1, 'Здравствуйте', [['🏠 Меню', 'm']]), sent(2, 'Ответ А'), sent(3, 'Меню'), sent(4, 'Место')],
      [
        line('out', 'reply', 'Здравствуйте', 10, 1),
        line('in', 'start', '/start', 10),
        // One batch: both events at t=20, each event's reply written before the event itself.
        line('out', 'reply', 'Ответ А', 20, 2),
        line('in', 'text', 'вопрос А', 20),
        line('out', 'reply', 'Меню', 20, 3),
        line('in', 'button', '[button m]', 20),
        line('in', 'text', PRIVATE_TRANSCRIPT_TEXT, 30),
        line('out', 'reply', 'Место', 40, 4),
        line('in', 'location', '[location]', 40),
      ],
      labels,
    );
    expect(items.map((i) => (i.from === 'me' ? `me:${i.text}` : `bot:${i.message.id}`))).toEqual([
      'bot:1',
      'me:вопрос А',
      'bot:2',
      'me:🏠 Меню',
      'bot:3',
      'me:(ответ сохранён без текста)',
      'me:📍 Отправить моё местоположение',
      'bot:4',
    ]);
  });

  it('tells the page which of its messages the server has, private answers included', () => {
    const withEvent = (l: TranscriptLine, id: number) => ({ ...l, inboundEventId: id });
    const items = buildWebHistory(
      [sent(1, 'Ответ')],
      [
        withEvent(line('in', 'text', 'вопрос', 10), 7),
        line('out', 'reply', 'Ответ', 11, 1),
        withEvent(line('in', 'button', PRIVATE_TRANSCRIPT_TEXT, 12), 8),
      ],
      labels,
      (l) => (l.inboundEventId ? `page-event-${l.inboundEventId}` : undefined),
    );
    expect(items.filter((i) => i.from === 'me')).toEqual([
      { from: 'me', text: 'вопрос', eventId: 'page-event-7' },
      { from: 'me', text: labels.privateAnswer, eventId: 'page-event-8' },
    ]);
  });

  it('marks the main menu’s topic rows for the page to fold, and nothing shorter', () => {
    const menu = (rows: number) =>
      ({
        ...sent(1, 'Выберите тему:'),
        message: {
          text: [],
          buttons: [
            [{ kind: 'action', label: '🧮 Подобрать меры поддержки', payload: 'bf:start' }],
            ...Array.from({ length: rows }, (_, i) => [
              { kind: 'action', label: `Тема ${2 * i}`, payload: `c:topic-${2 * i}` },
              { kind: 'action', label: `Тема ${2 * i + 1}`, payload: `c:topic-${2 * i + 1}` },
            ]),
            [{ kind: 'action', label: '👤 Консультант', payload: 'h' }],
          ],
        },
      }) as OutboxItem;
    expect(toWebMessage(menu(7)).topicRows).toEqual({ from: 1, count: 7 });
    expect(toWebMessage(menu(2)).topicRows).toBeUndefined();
    expect(toWebMessage(sent(2, 'Ответ', [['Документы', 's:x:2']])).topicRows).toBeUndefined();
  });
});
