/**
 * An age asked with «дают» after a card (helper V's note; helper W): «а со скольки лет дают» after the large
 * families' benefits got the retirement age's card, where «а со скольки лет платят» got the card's own part: «дают»
 * named a subject of its own. It is as common a word as «платят».
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const FROM_UNSAID = 'В ответе прямо не сказано, с какого возраста платят или дают эту меру.';

describe('an age asked with «дают» after a card', () => {
  it.each([
    [
      'льготы многодетным',
      'а со скольки лет дают',
      FROM_UNSAID,
      'Какие льготы и выплаты положены многодетным',
    ],
    [
      'льготы многодетным',
      'с какого возраста дают',
      FROM_UNSAID,
      'Какие льготы и выплаты положены многодетным',
    ],
    ['ЕДВ инвалидам', 'а со скольки лет дают', FROM_UNSAID, 'ЕДВ инвалидам — кому платят'],
  ])('after «%s», «%s» is the card’s «Кто может получить» with the note', (first, asked, note, title) => {
    const reply = lastReply(first, asked);
    expect(reply.text.startsWith(note), reply.text.slice(0, 120)).toBe(true);
    expect(reply.text).toContain(title);
    expect(reply.text).toContain('— Кто может получить');
    expect(reply.text).not.toContain('Во сколько лет выходят на пенсию');
  });

  it('a line that gives the age is still quoted: the capital repair’s «с 70 лет»', () => {
    const reply = lastReply('компенсация взноса на капремонт пенсионерам', 'а со скольки лет дают');
    expect(reply.text).toMatch(/с 70 лет/);
  });
});
