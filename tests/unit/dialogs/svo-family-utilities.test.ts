/**
 * Utilities asked for the family of an SVO participant or of the fallen (audit 8 a15, helper P): the knowledge base
 * has no checked fact on their ЖКУ, so the families' card, whose «Сколько платят» says so and sends them to social
 * protection, the fund's coordinator or a consultant; never the 50% compensation of people with a disability.
 */
import { describe, expect, it } from 'vitest';
import { engineChat, lastReply } from '../../support/engine-chat.js';

const FAMILIES = /^(Примите мои соболезнования\.\n+)?Поддержка семей участников СВО — куда обращаться/;

describe('utilities for the family of an SVO participant', () => {
  it.each([
    'жена участника сво льготы на жку',
    'льготы по оплате коммуналки для семьи погибшего',
    'вдова участника сво скидка на коммуналку',
    'семья участника сво компенсация жку',
  ])('«%s» gets the families’ card (was a list or the disabled people’s card)', (question) => {
    const reply = engineChat().send(question);
    expect(reply.text).toMatch(FAMILIES);
    expect(reply.text).not.toContain('Компенсация 50% за ЖКУ инвалидам');
    expect(reply.buttons).toContain('👤 Консультант');
  });

  it('its «Сколько платят» says there is no checked fact on their ЖКУ and where to ask', () => {
    const reply = lastReply('вдова участника сво скидка на коммуналку', '[Сколько платят]');
    expect(reply.text).toContain('Льготы семье по оплате ЖКУ зависят от её статуса и региона');
    expect(reply.text).toContain('проверенных сведений о них у меня нет');
  });

  it('the widow’s letter (a15) no longer offers the disabled people’s 50% card for her second need', () => {
    const reply = engineChat().send(
      'Я вдова участника СВО живу в Волгоградской области с сыном 14 лет. Какие выплаты положены мне и сыну, и ещё есть ли льготы по оплате коммуналки для семьи погибшего',
    );
    expect(reply.text).toMatch(FAMILIES);
    expect(reply.buttons.join('\n')).not.toContain('Компенсация 50% за ЖКУ инвалидам');
  });

  it('a participant himself still gets the compensation card naming combat veterans', () => {
    expect(engineChat().send('участник сво скидка на коммуналку').text).toMatch(
      /^Компенсация за ЖКУ ветеранам труда/,
    );
  });
});
