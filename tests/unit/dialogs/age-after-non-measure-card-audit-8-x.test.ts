/**
 * An age asked after a card that is not a measure (helper X's task): «с какого возраста» after «Сколько рассматривают
 * заявления на пособия, пенсии и обращения» got the retirement age's card, its title naming pensions among the things
 * applied for; «а жене до какого возраста платят» after it, or after the consultant's card, got choices of the
 * retirement age, the conscript's wife's benefits and the social pension. The card says no age: that, plainly, with
 * the survivor's pension a button away for a wife or a husband asked about.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const REVIEW_TIMES = 'Сколько рассматривают заявления на пособия, пенсии и обращения';
const CONSULTANT = 'Как связаться с живым консультантом в этом чате';
const SURVIVOR = '➡️ Ещё: Пенсия по потере кормильца — кому положена после смерти мужа, жены, родителя';

describe('an age asked after a card that is not a measure', () => {
  it.each([
    ['сколько рассматривают заявления', 'с какого возраста', REVIEW_TIMES, 'с какого'],
    ['сколько рассматривают заявления', 'а до какого возраста платят', REVIEW_TIMES, 'до какого'],
  ])('after «%s», «%s» says the card has no age', (first, asked, title, age) => {
    const reply = lastReply(first, asked);
    expect(
      reply.text.startsWith(`В ответе «${title}» не сказано, ${age} возраста`),
      reply.text.slice(0, 160),
    ).toBe(true);
    expect(reply.text).not.toContain('Во сколько лет выходят на пенсию');
  });

  it.each([
    ['сколько рассматривают заявления', REVIEW_TIMES],
    ['как связаться с консультантом', CONSULTANT],
    ['телефон пфр бесплатный', 'Телефоны горячих линий — СФР, Госуслуги, МФЦ, соцзащита'],
  ])(
    'after «%s», «а жене до какого возраста платят» says so, the survivor’s pension a button',
    (first, title) => {
      const reply = lastReply(first, 'а жене до какого возраста платят');
      expect(
        reply.text.startsWith(`В ответе «${title}» не сказано, до какого возраста`),
        reply.text.slice(0, 160),
      ).toBe(true);
      expect(reply.text).not.toContain('Уточните, пожалуйста');
      expect(reply.buttons).toContain(SURVIVOR);
    },
  );

  it('after a card about pensions, «с какого возраста» is still the retirement age', () => {
    expect(lastReply('какого числа приходит пенсия', 'с какого возраста').text).toContain(
      'Во сколько лет выходят на пенсию',
    );
  });
});
