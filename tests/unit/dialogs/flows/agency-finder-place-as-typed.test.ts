/**
 * The finder quotes a place it has no addresses for as it was typed, in whatever case («в кунгуре» gives «Кунгуре»).
 * «В справочнике пока нет адресов для «Кунгуре»» put a locative where the sentence wants a genitive; «По запросу
 * «…»» reads right with any form, the nominative as well («Кунгур»).
 */
import { describe, expect, it } from 'vitest';
import { lastReply } from '../../../support/engine-chat.js';

describe('a place the directory lacks, quoted as typed', () => {
  it.each([
    ['в кунгуре', 'Кунгуре'],
    ['кунгур', 'Кунгур'],
  ])('«%s» is «По запросу «%s»», with the region and its hotlines', (typed, quoted) => {
    const reply = lastReply('[📍 Куда обратиться]', typed);
    expect(reply.text).toMatch(
      new RegExp(`^По запросу «${quoted}» \\(Пермский край\\) в справочнике пока нет адресов`),
    );
    expect(reply.text).not.toContain('адресов для «');
    expect(reply.text).toContain('8-800-100-00-01');
  });

  it('after the card of the region’s contacts, and in a question of hours next', () => {
    expect(lastReply('адрес пенсионного фонда в кунгуре', '[📍 Адреса и часы работы]').text).toMatch(
      /^По запросу «Кунгуре» \(Пермский край\)/,
    );
    expect(lastReply('[📍 Куда обратиться]', 'в оханске', 'а часы работы какие').text).toMatch(
      /^Часов работы по запросу «Оханске» в справочнике нет/,
    );
  });
});
