/**
 * Numbers the citizen gives about themselves (citizen audit 7): their own pension as a figure no entry names.
 */
import { describe, expect, it } from 'vitest';
import { withoutOwnIncomeSums } from '../../../src/dialogs/named-amount.js';
import { engineChat } from '../../support/engine-chat.js';

describe("the citizen's own figures", () => {
  it('«пенсия 12000 мне доплатят» gets the supplement to the subsistence minimum, as «у меня пенсия 12 тысяч» does, not «Я не уверен»', () => {
    for (const q of ['пенсия 12000 мне доплатят', 'пенсия 14500 доплатят ли мне']) {
      const reply = engineChat().send(q);
      // The card, with the person's own pension set beside the minimum above it (audit 8, follow-ups).
      expect(reply.text).toMatch(/^Доплата к пенсии до прожиточного минимума$/m);
      expect(reply.text).not.toMatch(/Я не уверен/);
    }
  });

  it('a number alone is still not a question', () => {
    expect(engineChat().send('12000').text).not.toMatch(/^Доплата к пенсии/);
  });

  it("leaves out only sums of one's own income, not a sum one was paid or a year", () => {
    expect(withoutOwnIncomeSums('пенсия 12000 мне доплатят')).toBe('пенсия мне доплатят');
    expect(withoutOwnIncomeSums('а 9678 рублей кто платит')).toBeUndefined();
    expect(withoutOwnIncomeSums('пенсия в 2026 году')).toBeUndefined();
    // The currency goes with the sum (audit 8, H3).
    expect(withoutOwnIncomeSums('моя пенсия 9000 рублей почему так мало')).toBe('моя пенсия почему так мало');
  });

  it("«моя пенсия 9000 рублей почему так мало» gets the supplement to the subsistence minimum (was the carers' card)", () => {
    for (const q of ['моя пенсия 9000 рублей почему так мало', 'пенсия 9000 почему так мало']) {
      const reply = engineChat().send(q);
      // The card, with the person's own pension set beside the minimum above it (audit 8, follow-ups).
      expect(reply.text).toMatch(/^Доплата к пенсии до прожиточного минимума$/m);
      expect(reply.text).not.toMatch(/Уход за пожилым/);
    }
  });

  it('«у меня пенсия 9 тысяч почему так мало» gets the supplement to the subsistence minimum, as the sum in digits does (was «Я не уверен»)', () => {
    expect(withoutOwnIncomeSums('у меня пенсия 9 тысяч почему так мало')).toBe(
      'у меня пенсия почему так мало',
    );
    expect(withoutOwnIncomeSums('пенсия 9 тыс рублей почему так мало')).toBe('пенсия почему так мало');
    // Not a small number without thousands: «пенсия 9 лет назад» keeps its words.
    expect(withoutOwnIncomeSums('пенсия 9 лет назад')).toBeUndefined();
    for (const q of ['у меня пенсия 9 тысяч почему так мало', 'пенсия 9 тыс рублей почему так мало']) {
      const reply = engineChat().send(q);
      // The card, with the person's own pension set beside the minimum above it (audit 8, follow-ups).
      expect(reply.text).toMatch(/^Доплата к пенсии до прожиточного минимума$/m);
      expect(reply.text).not.toMatch(/Я не уверен/);
    }
  });
});
