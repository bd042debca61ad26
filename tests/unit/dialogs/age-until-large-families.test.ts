/**
 * «а до какого возраста» after the large families' benefits: their card gives no age up to which, and the reply was
 * «В ответе прямо не сказано…» with its «Кто может получить». The topic has an entry written for that question,
 * «Кто считается многодетной семьёй и до какого возраста детей» (the measures last until the eldest is 18, 23 while
 * studying full time): that entry answers.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const STATUS = 'Кто считается многодетной семьёй и до какого возраста детей';

describe('an age up to which asked after the large families’ benefits', () => {
  it.each([
    ['многодетным какие льготы', 'а до какого возраста'],
    ['многодетные льготы', 'а до какого возраста платят'],
    ['льготы многодетным', 'а до какого возраста дают'],
  ])('after «%s», «%s» is the entry on the children’s age', (first, asked) => {
    const reply = lastReply(first, asked);
    expect(reply.text.startsWith(STATUS), reply.text.slice(0, 120)).toBe(true);
    expect(reply.text).toContain(
      'пока старшему ребёнку не исполнится 18 лет, а если он учится очно — 23 лет',
    );
    expect(reply.text).not.toContain('прямо не сказано');
  });

  it('a card that gives the age still quotes it, and one with no such entry in its topic keeps the note', () => {
    expect(lastReply('пенсия по потере кормильца', 'а до какого возраста').text).toContain('до 23 лет');
    expect(lastReply('ЕДВ инвалидам', 'а до какого возраста платят').text).toMatch(
      /^В ответе прямо не сказано/,
    );
  });
});
