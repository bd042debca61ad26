/**
 * «материнский капитал» named alone (audit 8 M10/g20, helper P): the capital's own card (who gets it, the
 * certificate), not «Уточните…» with three choices, and the follow-ups a mother types next still reach the capital's
 * other cards: spending it (a topic of its own) and its amount, never the pensioners' capital-repair compensation
 * (audit 8 H5, which an earlier attempt brought back).
 */
import { describe, expect, it } from 'vitest';
import { engineChat, lastReply } from '../../support/engine-chat.js';

const CARD = 'Кто имеет право на материнский капитал и как получить сертификат';

describe('the maternity capital named alone', () => {
  it.each(['материнский капитал', 'маткапитал'])('«%s» gets the capital’s card, not choices', (question) => {
    const reply = engineChat().send(question);
    expect(reply.text.startsWith(CARD)).toBe(true);
    expect(reply.text).not.toContain('Уточните');
  });

  it('«а на ремонт можно» after it gets the housing card that says repair is not allowed (audit 8 H5)', () => {
    const reply = lastReply('материнский капитал', 'а на ремонт можно');
    expect(reply.text).toMatch(/^Маткапитал на ипотеку, покупку и строительство жилья/);
    expect(reply.text).toContain('Ремонт, автокредит и потребительские кредиты маткапиталом оплатить нельзя');
    expect(reply.text).not.toContain('Компенсация взноса на капремонт');
  });

  it.each([
    ['а на учебу можно', /^Маткапитал на учёбу, детский сад/],
    ['а можно ли на дом', /^Маткапитал на ипотеку, покупку и строительство жилья/],
    ['а ежемесячно можно получать', /^Ежемесячная выплата из маткапитала на ребёнка до 3 лет/],
  ])('«%s» after it gets the capital’s card on that', (followUp, title) => {
    expect(lastReply('материнский капитал', followUp).text).toMatch(title);
  });

  it('«сколько» after it opens the amount (the card has no amount part of its own)', () => {
    const reply = lastReply('материнский капитал', 'сколько');
    expect(reply.text).toMatch(/^Размер материнского капитала в 2026 году — Сколько платят/);
    expect(reply.text).toMatch(/728\s921,90\s₽/);
  });
});
