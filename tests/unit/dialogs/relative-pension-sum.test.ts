/**
 * A relative's pension named with its sum. «у мамы пенсия 20000 положена ли доплата» was «Я не уверен» and «у мужа
 * пенсия 20000» the retirement age (its examples name a husband), where one's own «пенсия 11000 не хватает» gets the
 * sum set beside the pensioners' minimum and the supplement's card. The relative's words say whose the pension is:
 * the same reply, its line speaking of them, not of «ваши выплаты».
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces } from '../../support/engine-chat.js';

const SUPPLEMENT = 'Доплата к пенсии до прожиточного минимума';

/** The reply's first two paragraphs: the line on the sum and the card's title. */
function leadAndCard(question: string): [string, string] {
  const [lead, card] = lastReplyPlainSpaces(question).text.split('\n\n');
  return [lead ?? '', (card ?? '').split('\n')[0]!];
}

describe('a relative’s pension with its sum', () => {
  it('«у мамы пенсия 11000 не хватает» speaks of her payments above the supplement', () => {
    const [lead, card] = leadAndCard('у мамы пенсия 11000 не хватает');
    expect(lead).toMatch(/^11 000 ₽ — меньше, чем «Прожиточный минимум для пенсионеров»/);
    expect(lead).toContain('Если у мамы нет работы и это все выплаты вместе');
    expect(lead).not.toMatch(/ваши|вы не работаете/);
    expect(card).toBe(SUPPLEMENT);
  });

  it('«у мужа пенсия 12000 доплата положена» speaks of his', () => {
    const [lead, card] = leadAndCard('у мужа пенсия 12000 доплата положена');
    expect(lead).toContain('Если у мужа нет работы и это все выплаты вместе');
    expect(card).toBe(SUPPLEMENT);
  });

  it('«у мамы пенсия 20000 положена ли доплата» is the sum beside the minimum, not «Я не уверен»', () => {
    const [lead, card] = leadAndCard('у мамы пенсия 20000 положена ли доплата');
    expect(lead).toMatch(/^20 000 ₽ — не меньше, чем «Прожиточный минимум для пенсионеров»/);
    expect(card).toBe(SUPPLEMENT);
  });

  it('«у мужа пенсия 20000» is not the retirement age, as «у меня пенсия 20000» is not', () => {
    const reply = lastReplyPlainSpaces('у мужа пенсия 20000');
    expect(reply.text).not.toMatch(/^Во сколько лет выходят на пенсию/);
    expect(reply.text).toBe(lastReplyPlainSpaces('у меня пенсия 20000').text);
  });

  it('a late husband’s pension is still not set beside the minimum', () => {
    expect(lastReplyPlainSpaces('у мужа пенсия была 25 тысяч сколько мне дадут').text).toMatch(
      /^Я не уверен/,
    );
  });
});
