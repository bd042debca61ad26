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
    // The past, a plan, a question are not «yes» (a verification pass); another clause's «не» is not «no».
    ['была беременна, выкидыш', undefined],
    ['планируем беременность', undefined],
    ['беременна? а зачем вам это', undefined],
    ['жена беременна, я не работаю', '1'],
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
    // The words for a child are birth-years.ts's list: «малыш» was missing from the finder's own copy.
    ['у малыша инвалидность', true, { who: 'child' }],
    ['нет ни у кого', false, undefined],
    ['у мужа нет инвалидности', false, undefined],
    ['оформляем инвалидность мужу', false, undefined],
    // A group taken away, a disability that was, an age, two people: asked again (a verification pass).
    ['у меня была 3 группа сняли', false, undefined],
    ['муж инвалид был раньше', false, undefined],
    ['мама 80 лет', false, undefined],
    ['мама пенсионерка', false, undefined],
    ['у мужа 2 группа и у сына инвалидность', true, undefined],
    ['у мужа', false, { who: 'other' }],
    ['а это зачем спрашиваете у меня', false, undefined],
  ] as const)('disability: %s (children: %s)', (text, hasChildren, expected) => {
    expect(saidDisability(text, hasChildren)).toEqual(expected);
  });

  it('reads «no children» said with more', () => {
    for (const text of ['внуков нет мы с дедом вдвоем', 'нет детей, живу одна', 'детей нету'])
      expect(saidNoChildren(text), text).toBe(true);
    for (const text of [
      'двое детей',
      'дети есть',
      'нет',
      'своих детей нет, внук под опекой',
      'своих детей нет опекаю внучку 10 лет',
      'у нас внук живет, детей нет',
    ])
      expect(saidNoChildren(text), text).toBe(false);
  });
});
