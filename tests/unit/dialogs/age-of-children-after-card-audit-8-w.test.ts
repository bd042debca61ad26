/**
 * An age asked of children after a card (helper V's note; helper W): «а детям до какого возраста платят» after the
 * ЕДВ got the retirement age's card, «а ребенку…» choices led by it, while «а дочке…» and «а сыну…» were read as an
 * age of the card. Children are among whom such a question may name: the card's «Кто может получить», led by the note
 * that it does not say the age for the one asked about; a line that says it is still quoted.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const WHOM_UNSAID =
  'В ответе прямо не сказано, до какого возраста платят или дают эту меру тому, о ком вы спрашиваете.';

describe('an age asked of children after a card', () => {
  it.each([
    ['ЕДВ инвалидам', 'а детям до какого возраста платят'],
    ['ЕДВ инвалидам', 'а ребенку до какого возраста платят'],
    ['ЕДВ инвалидам', 'детям до какого возраста платят'],
  ])('after «%s», «%s» is the card’s «Кто может получить» with the note', (first, asked) => {
    const reply = lastReply(first, asked);
    expect(reply.text.startsWith(WHOM_UNSAID), reply.text.slice(0, 120)).toBe(true);
    expect(reply.text).toContain('ЕДВ инвалидам — кому платят');
    expect(reply.text).toContain('— Кто может получить');
    expect(reply.text).not.toContain('Во сколько лет выходят на пенсию');
  });

  it('after the survivor’s pension, its line on children is quoted', () => {
    const reply = lastReply('пенсия по потере кормильца', 'а детям до какого возраста платят');
    expect(reply.text).toContain(
      'детям, внукам, братьям и сёстрам до 18 лет, студентам очной формы — до 23 лет',
    );
  });
});
