/** Reading the numbers of a follow-up worked out from a card's figures (see income-share.ts, per-child-sum.ts). */
import { describe, expect, it } from 'vitest';
import { incomeAndPayment } from '../../../src/dialogs/income-share.js';
import { childrenAsked } from '../../../src/dialogs/per-child-sum.js';

const childrenCount = (query: string) => childrenAsked(query)?.count;

describe('incomeAndPayment', () => {
  it('reads one income and one payment, each by the word before it', () => {
    expect(incomeAndPayment('у меня пенсия 15000 плачу 4000 положено?')).toEqual({
      income: 15000,
      payment: 4000,
    });
    expect(incomeAndPayment('квартплата большая 6000 а пенсия 18 тысяч')).toEqual({
      income: 18000,
      payment: 6000,
    });
  });

  it('reads nothing where the family has other incomes or people, or a number is not said whose it is', () => {
    expect(incomeAndPayment('живем вдвоем с мужем пенсии 20 и 18 тыс платим 7 тыс')).toBeUndefined();
    expect(incomeAndPayment('пенсия 15000 и 3 детей плачу 4000')).toBeUndefined();
    expect(incomeAndPayment('пенсия 15000 а 4000 это много?')).toBeUndefined();
    expect(incomeAndPayment('плачу 20000 пенсия 15000')).toBeUndefined();
  });
});

describe('childrenAsked', () => {
  it('reads the children a short follow-up names', () => {
    expect(childrenCount('а на двоих детей')).toBe(2);
    expect(childrenCount('а на троих?')).toBe(3);
    expect(childrenCount('а если у нас 4 детей')).toBe(4);
    // The collective numeral alone, as «а на троих?»: «четверых» and «пятерых» end in «ых», not «их».
    expect(childrenCount('а на четверых')).toBe(4);
    expect(childrenCount('а пятерых?')).toBe(5);
    // One's own children told, and a share named with them (audit 8, H1).
    expect(childrenCount('у меня двое')).toBe(2);
    expect(childrenCount('у нас трое детей')).toBe(3);
    expect(childrenAsked('а на троих если 75 процентов')).toEqual({ count: 3, percent: 75, unborn: false });
    expect(childrenAsked('а на двойню')).toEqual({ count: 2, unborn: true });
  });

  it('reads nothing in a number without children or in a question of its own', () => {
    expect(childrenCount('а на 2')).toBeUndefined();
    expect(childrenCount('а на двоих детей документы какие')).toBeUndefined();
    expect(childrenCount('двое детей')).toBeUndefined();
  });
});
