/**
 * An age asked of a husband or wife after a card of another measure (helper T's note; helper V): «а жене до какого
 * возраста платят» after the ЕДВ or the veterans' benefits gets that card's «Кто может получить» with the note that
 * it does not say the age for the one asked about. The old list pointed to the survivor's pension, which a widow may
 * mean; that pointer was lost. The note stays, and the survivor's pension is a button away when a spouse is asked of.
 */
import { describe, expect, it } from 'vitest';
import { engineChat, lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const WHOM_UNSAID =
  'В ответе прямо не сказано, до какого возраста платят или дают эту меру тому, о ком вы спрашиваете.';
const SURVIVOR = '➡️ Ещё: Пенсия по потере кормильца — кому положена после смерти мужа, жены, родителя';

describe('an age asked of a spouse after a card that is not the survivor’s pension', () => {
  it.each([
    ['ЕДВ инвалидам', 'а жене до какого возраста платят', 'ЕДВ инвалидам — кому платят'],
    ['ЕДВ инвалидам', 'а мужу до какого возраста платят', 'ЕДВ инвалидам — кому платят'],
    ['ветеран труда льготы', 'а жене до какого возраста платят', 'Льготы ветерану труда'],
    ['ЕДВ инвалидам', 'а вдове до какого возраста платят', 'ЕДВ инвалидам — кому платят'],
  ])(
    'after «%s», «%s» keeps the note and the part, and offers the survivor’s pension',
    (first, asked, title) => {
      const reply = lastReply(first, asked);
      expect(reply.text.startsWith(WHOM_UNSAID), reply.text.slice(0, 120)).toBe(true);
      expect(reply.text).toContain(`${title}`);
      expect(reply.text).toContain('— Кто может получить');
      expect(reply.buttons).toContain(SURVIVOR);
    },
  );

  it('after the ЕДВ of combat veterans chosen from a list, the same; the button opens the survivor’s pension', () => {
    const chat = engineChat();
    chat.send('ветеран боевых действий льготы');
    chat.send('[ЕДВ ветеранам боевых действий и другим льготникам; если оснований несколько]');
    const reply = chat.send('а жене до какого возраста платят');
    expect(reply.text).toContain('тому, о ком вы спрашиваете');
    expect(reply.buttons).toContain(SURVIVOR);
    expect(chat.send(`[${SURVIVOR}]`).text).toMatch(/^Пенсия по потере кормильца/);
  });

  it('no such button after the survivor’s pension itself, nor for a child asked of', () => {
    const own = lastReply('пенсия по потере кормильца', 'а жене до какого возраста платят');
    expect(own.buttons).not.toContain(SURVIVOR);
    const child = lastReply('ЕДВ инвалидам', 'а дочке до какого возраста платят');
    expect(child.buttons).not.toContain(SURVIVOR);
  });
});
