import { describe, expect, it } from 'vitest';
import { amountsNamed, asksWhatMoneyIs } from '../../../src/dialogs/named-amount.js';

describe('amountsNamed', () => {
  it.each([
    ['мне пришло 28450 рублей 45 копеек', [28450]],
    ['пришло 28 450,45 что это', [28450]],
    ['нам насчитали 11849 25 а должны 15799', [11849, 15799]],
    ['а 134 тысячи как получить', [134000]],
    ['а 9678 рублей кто платит', [9678]],
  ])('«%s» names %j', (text, sums) => {
    expect(amountsNamed(text)).toEqual(sums);
  });

  it.each([
    'в 2026 году',
    'мне 72 года',
    'ребенку 3 года, 5 детей',
    'в 2027 году сколько',
    // One's own income is no sum shown or paid («пенсия 12000» was the disabled child's 12 000 ₽ tax deduction)
    'пенсия 12000 мне доплатят',
    'у меня пенсия 12 тысяч это нормально',
    'зарплата у мужа 40 тыс',
  ])('«%s» names no sum', (text) => {
    expect(amountsNamed(text)).toEqual([]);
  });
});

describe('asksWhatMoneyIs', () => {
  it('reads «что за деньги», «за что пришло», «откуда деньги»', () => {
    expect(asksWhatMoneyIs('пришло 28450 это что за деньги')).toBe(true);
    expect(asksWhatMoneyIs('за что пришло 9678')).toBe(true);
    expect(asksWhatMoneyIs('откуда деньги на карте')).toBe(true);
    expect(asksWhatMoneyIs('сколько денег дают на ребенка')).toBe(false);
  });
});
