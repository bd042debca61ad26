import { describe, expect, it } from 'vitest';
import { PRIVATE_TRANSCRIPT_TEXT } from '../../../src/app/dialog-runner.js';
import { timelineButtons } from '../../../src/console/button-labels.js';
import type { OutgoingMessage } from '../../../src/messaging/outgoing-message.js';
import { parseRichText } from '../../../src/messaging/rich-text.js';
import type { TranscriptLine } from '../../../src/storage/store.js';

const WORDS: Record<string, string> = {
  'buttons.helpful': '👍 Помогло',
  'buttons.not_helpful': '👎 Не помогло',
  'buttons.menu': '🏠 Меню',
  'sections.documents': 'Документы',
};
const words = {
  t: (key: string) => WORDS[key],
  entryTitle: (id: string) =>
    id === 'childcare-under-1-5-amount' ? 'Пособие по уходу до 1,5 лет' : undefined,
  topicTitle: () => undefined,
};

let nextId = 1;
function line(part: Partial<TranscriptLine>): TranscriptLine {
  return {
    id: nextId++,
    citizenId: 1,
    direction: 'in',
    author: 'citizen',
    kind: 'text',
    text: '',
    createdAt: 0,
    ...part,
  };
}
const press = (payload: string) => line({ kind: 'button', text: `[button ${payload}]` });
const sent = (outboxId: number) => line({ direction: 'out', author: 'assistant', kind: 'reply', outboxId });

describe('buttons in the timeline', () => {
  it('names a press by the label of the button the message offered, the latest offer first', () => {
    const messages = new Map<number, OutgoingMessage>([
      [
        1,
        {
          text: parseRichText('Выберите'),
          buttons: [[{ kind: 'action', label: 'Да, у ребёнка', payload: 'bf:d:child' }]],
        },
      ],
      [
        2,
        {
          text: parseRichText('Ещё раз'),
          buttons: [
            [{ kind: 'action', label: 'У ребёнка', payload: 'bf:d:child' }],
            [{ kind: 'link', label: '🗺 Карта', url: 'https://example.org' }],
          ],
        },
      ],
    ]);
    const first = sent(1);
    const firstPress = press('bf:d:child');
    const second = sent(2);
    const secondPress = press('bf:d:child');
    const { offered, pressed } = timelineButtons(
      [first, firstPress, second, secondPress],
      (id) => messages.get(id),
      words,
    );
    expect(pressed.get(firstPress.id)).toBe('Да, у ребёнка');
    expect(pressed.get(secondPress.id)).toBe('У ребёнка');
    expect(offered.get(second.id)).toEqual([['У ребёнка'], ['🗺 Карта']]);
  });

  it('shows nothing of a private answer: neither its buttons nor, through them, what a later press was', () => {
    const message: OutgoingMessage = {
      text: parseRichText('Вам могут подойти'),
      buttons: [
        [{ kind: 'action', label: 'Пособие по инвалидности ребёнка', payload: 'bf:m:disabled-child' }],
      ],
    };
    const privateReply = line({
      direction: 'out',
      author: 'assistant',
      kind: 'reply',
      outboxId: 5,
      text: PRIVATE_TRANSCRIPT_TEXT,
    });
    const laterPress = press('bf:m:disabled-child');
    const { offered, pressed } = timelineButtons([privateReply, laterPress], () => message, words);
    expect(offered.size).toBe(0);
    expect(pressed.size).toBe(0);
  });

  it("reads the assistant's own buttons from the payload when the message is gone (anonymised)", () => {
    const gone = sent(9);
    const dislike = press('f:childcare-under-1-5-amount:0');
    const section = press('s:childcare-under-1-5-amount:2');
    const unknown = press('zz:whatever');
    const { offered, pressed } = timelineButtons([gone, dislike, section, unknown], () => undefined, words);
    expect(offered.size).toBe(0);
    expect(pressed.get(dislike.id)).toBe('👎 Не помогло');
    expect(pressed.get(section.id)).toBe('Документы (Пособие по уходу до 1,5 лет)');
    expect(pressed.has(unknown.id)).toBe(false);
  });
});
