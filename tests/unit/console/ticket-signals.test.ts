/** What a ticket's transcript tells its queue row: a citizen waiting for a reply, and the crisis that made it urgent. */
import { describe, expect, it } from 'vitest';
import { awaitingReplySince, crisisMessage } from '../../../src/console/ticket-signals.js';
import type { TranscriptLine } from '../../../src/storage/store.js';

let nextId = 1;
function line(
  createdAt: number,
  author: TranscriptLine['author'],
  text: string,
  detail?: string,
): TranscriptLine {
  return {
    id: nextId++,
    citizenId: 1,
    direction: author === 'citizen' ? 'in' : 'out',
    author,
    kind: 'text',
    text,
    createdAt,
    ...(detail ? { detail } : {}),
  } as TranscriptLine;
}

const OPENED = 1_000;

describe('awaitingReplySince', () => {
  it('is the first message for the consultant after the last reply', () => {
    const lines = [
      line(OPENED, 'citizen', 'позовите человека'),
      line(2_000, 'consultant', 'Здравствуйте'),
      line(3_000, 'citizen', 'У меня двое детей', 'relayed'),
      line(4_000, 'citizen', 'Алло?', 'relayed'),
    ];
    expect(awaitingReplySince(lines, { createdAt: OPENED })).toBe(3_000);
    expect(
      awaitingReplySince([...lines, line(5_000, 'consultant', 'Да')], { createdAt: OPENED }),
    ).toBeUndefined();
  });

  it('with no reply yet counts only what came after the ticket opened, and not what the assistant answered', () => {
    const lines = [
      line(500, 'citizen', 'вопрос', 'relayed'),
      line(OPENED, 'citizen', 'позовите человека'),
      line(1_500, 'citizen', 'какой я в очереди', 'queue_status'),
      line(1_500, 'assistant', 'Вы 1-й в очереди'),
    ];
    expect(awaitingReplySince(lines, { createdAt: OPENED })).toBeUndefined();
    expect(
      awaitingReplySince([...lines, line(2_000, 'citizen', 'не хочу жить', 'crisis')], { createdAt: OPENED }),
    ).toBe(2_000);
  });
});

describe('crisisMessage', () => {
  const lines = [
    line(500, 'citizen', 'как получить пособие'),
    line(OPENED, 'citizen', 'не помогло'),
    line(2_000, 'citizen', 'я больше не могу', 'crisis'),
    line(2_000, 'assistant', 'Телефон доверия'),
  ];

  it('is the crisis message of a ticket opened for another reason and made urgent', () => {
    const ticket = { createdAt: OPENED, priority: 'urgent' as const, reason: 'negative_feedback' };
    expect(crisisMessage(lines, ticket)).toEqual({ text: 'я больше не могу', createdAt: 2_000 });
  });

  it('is nothing for a ticket opened as a crisis, or one still normal', () => {
    expect(crisisMessage(lines, { createdAt: OPENED, priority: 'urgent', reason: 'crisis' })).toBeUndefined();
    expect(
      crisisMessage(lines, { createdAt: OPENED, priority: 'normal', reason: 'negative_feedback' }),
    ).toBeUndefined();
  });
});
