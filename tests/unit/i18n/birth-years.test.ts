import { describe, expect, it } from 'vitest';
import { withFullBirthYears } from '../../../src/i18n/birth-years.js';

const read = (text: string) => withFullBirthYears(text.split(' ')).join(' ');

describe('short birth years', () => {
  it('reads two digits before the words of a birth year as the last century’s year', () => {
    expect(read('я 68 г р что положено')).toBe('я 1968 г р что положено');
    expect(read('мама 52 года рождения льготы')).toBe('мама 1952 года рождения льготы');
    expect(read('муж 63 гр когда пенсия')).toBe('муж 1963 гр когда пенсия');
    expect(read('жена 68 г р муж 63 г р')).toBe('жена 1968 г р муж 1963 г р');
  });

  it('reads a year in words, with or without the century', () => {
    expect(read('я шестьдесят пятого года рождения когда на пенсию')).toBe(
      'я 1965 года рождения когда на пенсию',
    );
    expect(read('я тысяча девятьсот сорокового года рождения')).toBe('я 1940 года рождения');
  });

  it('leaves an age, a bare number and a year of the 1920s or 2020s said of no child alone', () => {
    const same = ['мне 68 лет', 'маме 62 года', '68 г', 'мне 68', 'мама 25 г р', 'пятого числа'];
    for (const text of same) expect(read(text)).toBe(text);
    const words = ['мне', '68', 'лет'];
    expect(withFullBirthYears(words)).toBe(words);
  });
});
