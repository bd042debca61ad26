import { describe, expect, it } from 'vitest';
import { withToldAgeYears } from '../../../src/search/told-age.js';
import { firstReply } from '../../support/project-search.js';

const read = (text: string) => withToldAgeYears(text.split(' ')).join(' ');

describe('an age told without «лет»', () => {
  it('is read as the age with its word, after whom it is told of', () => {
    expect(read('мне 62 когда пенсия')).toBe('мне 62 лет когда пенсия');
    expect(read('маме уже 57 когда на пенсию')).toBe('маме уже 57 лет когда на пенсию');
    expect(read('мужу исполнилось 63 когда на пенсию')).toBe('мужу исполнилось 63 лет когда на пенсию');
  });

  it('leaves a number that counts something else, a child’s age and a number told of no one', () => {
    for (const text of [
      'мне 62 года когда пенсия',
      'мне 15 тысяч пенсия',
      'мне 40 процентов',
      'ему 5 лет',
      'пенсия 62 когда',
      'мне 62 000',
      // An age alone is no question: «мне 62» keeps its «Я постараюсь помочь…».
      'мне 62',
      'а мне уже 62',
    ])
      expect(read(text)).toBe(text);
  });

  it('«мне 62 когда пенсия» is the retirement age, as «мне 62 года когда пенсия» is (it got «Я не уверен»)', () => {
    expect(firstReply('мне 62 когда пенсия')).toEqual({
      band: 'answer',
      entry: 'retirement-age-by-birth-year',
    });
    expect(firstReply('маме 57 когда пенсия').entry).toBe('retirement-age-by-birth-year');
  });

  it('an age told last is read first: «когда пенсия мне 62» as «мне 62 лет когда пенсия»', () => {
    expect(read('когда пенсия мне 62')).toBe('мне 62 лет когда пенсия');
    expect(read('когда на пенсию маме уже 57 лет')).toBe('маме уже 57 лет когда на пенсию');
    // Not an age in the middle, nor a number told of no one.
    expect(read('мне 62 года женщина когда пенсия')).toBe('мне 62 года женщина когда пенсия');
    expect(read('когда пенсия 62 года')).toBe('когда пенсия 62 года');
  });

  it('«когда пенсия мне 62» and «когда на пенсию маме 57 лет» are the retirement age (they got «Я не уверен»)', () => {
    for (const text of ['когда пенсия мне 62', 'когда пенсия мне 62 года', 'когда на пенсию маме 57 лет'])
      expect(firstReply(text)).toEqual({ band: 'answer', entry: 'retirement-age-by-birth-year' });
  });
});
