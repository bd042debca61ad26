/** Answers said in a sentence at the benefit finder's questions, and what must not be taken for one. */
import { describe, expect, it } from 'vitest';
import {
  saidDisability,
  saidNoChildren,
  saidPregnant,
} from '../../../../../src/dialogs/flows/benefit-finder/said-answers.js';

describe('answers said in a sentence', () => {
  it.each([
    ['да я беременна 5 месяцев', '1'],
    ['беременна, 20 недель', '1'],
    ['нет, не беременна', '0'],
    ['не беременна', '0'],
    ['нет пока', '0'],
    ['да нет', undefined],
    ['да', undefined],
    ['а зачем вам это', undefined],
  ] as const)('pregnant: %s', (text, expected) => {
    expect(saidPregnant(text)).toBe(expected);
  });

  it.each([
    ['у сына инвалидность', true, { who: 'child' }],
    ['у сына инвалидность', false, { who: 'other' }],
    ['у мужа 2 группа', false, { who: 'other', group: '2' }],
    ['да у меня 3 группа', false, { who: 'self', group: '3' }],
    ['я инвалид второй группы', false, { who: 'self', group: '2' }],
    ['у дочки инвалидность 1 группа', true, { who: 'child' }],
    ['нет ни у кого', false, undefined],
    ['у мужа нет инвалидности', false, undefined],
    ['оформляем инвалидность мужу', false, undefined],
    ['а это зачем спрашиваете у меня', false, undefined],
  ] as const)('disability: %s (children: %s)', (text, hasChildren, expected) => {
    expect(saidDisability(text, hasChildren)).toEqual(expected);
  });

  it('reads «no children» said with more', () => {
    for (const text of ['внуков нет мы с дедом вдвоем', 'нет детей, живу одна', 'детей нету'])
      expect(saidNoChildren(text), text).toBe(true);
    for (const text of ['двое детей', 'дети есть', 'нет']) expect(saidNoChildren(text), text).toBe(false);
  });
});
