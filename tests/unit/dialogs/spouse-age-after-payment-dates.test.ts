/**
 * «какого числа приходит пенсия», then «а жене до какого возраста платят», got choices of the retirement age, the
 * conscript's wife's benefits and the social pension: the payment dates' card names the pension, and an age asked
 * after such a card was left to the search as the retirement age. Up to what age, of a wife or husband, is not that.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe('an age up to which, asked of a spouse after the pension’s payment dates', () => {
  it('says the card does not say it, with the survivor’s pension a tap away', () => {
    const chat = engineChat();
    chat.send('какого числа приходит пенсия');
    const reply = chat.send('а жене до какого возраста платят');
    expect(reply.text).toMatch(
      /^В ответе «Когда приходит пенсия — дата выплаты и куда звонить, если её нет» не сказано, до какого возраста/,
    );
    expect(reply.buttons.join('|')).toMatch(/Пенсия по потере кормильца/);
  });

  it('an age from which, of no one, after the same card is still the retirement age', () => {
    const chat = engineChat();
    chat.send('какого числа приходит пенсия');
    expect(chat.send('а с какого возраста').text).toMatch(/Во сколько лет выходят на пенсию/);
  });
});
