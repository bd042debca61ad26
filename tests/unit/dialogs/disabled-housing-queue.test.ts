/**
 * Housing for disabled people (helper F's task 2): «как встать на очередь на квартиру инвалиду» got the low-income
 * housing queue's card, which named disabled people only as «Отдельные категории… по своим основаниям». The card now
 * says their own rule (art. 17 of 181-ФЗ): put on the list by the local administration; registered before 1 January
 * 2005, housing from the federal budget; later, on general grounds by the Housing Code and the region's laws.
 */
import { describe, expect, it } from 'vitest';
import { lastReply } from '../../support/engine-chat.js';

describe('a disabled person asking for housing', () => {
  it('«как встать на очередь на квартиру инвалиду» is told where disabled people are put on the list and the 2005 rule', () => {
    const reply = lastReply('как встать на очередь на квартиру инвалиду');
    expect(reply.text).toContain('Очередь на жильё по социальному найму');
    expect(reply.text).toMatch(
      /Инвалидов и семьи с детьми-инвалидами ставят на учёт там же; кто встал до 1 января 2005 года, обеспечивают жильём за счёт федерального бюджета\./,
    );
  });

  it('its «Кто может получить» gives their grounds after 2005 and the health rule, without figures of its own', () => {
    const reply = lastReply('как встать на очередь на квартиру инвалиду', '[Кто может получить]');
    expect(reply.text).toContain('ст. 17 закона № 181-ФЗ');
    expect(reply.text).toContain('кто позже — на общих основаниях, по Жилищному кодексу и законам региона');
    expect(reply.text).toContain('больше нормы, но не больше чем вдвое');
  });
});
