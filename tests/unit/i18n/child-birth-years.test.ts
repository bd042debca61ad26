/**
 * Birth years of this century written short: «сын 15 года рождения» was read as words no entry has (only 30–99 were
 * years), and got the retirement age's card offered on «года рождения»; «сын 10 г.р. что положено» got it among the
 * choices, «сын 2010 г.р. что положено» as the answer, on the «г. р.» of its table.
 */
import { describe, expect, it } from 'vitest';
import { withFullBirthYears } from '../../../src/i18n/birth-years.js';
import { engineChat } from '../../support/engine-chat.js';

const full = (text: string) => withFullBirthYears(text.split(' ')).join(' ');
const RETIREMENT = /Во сколько лет выходят на пенсию/;

describe('a child’s birth year', () => {
  it('reads 00–19 as this century, 20–29 beside a word for a child too, and leaves 20–29 alone otherwise', () => {
    expect(full('сын 15 года рождения')).toBe('сын 2015 года рождения');
    expect(full('я 05 г р что положено')).toBe('я 2005 г р что положено');
    expect(full('дочка 22 г р')).toBe('дочка 2022 г р');
    expect(full('внучка двадцать второго года рождения')).toBe('внучка 2022 года рождения');
    expect(full('сын две тысячи пятнадцатого года рождения')).toBe('сын 2015 года рождения');
    expect(full('мама 25 года рождения')).toBe('мама 25 года рождения');
    expect(full('мама 52 года рождения')).toBe('мама 1952 года рождения');
  });

  it('a son born in 2015 or 2010 is not offered the retirement age', () => {
    for (const q of ['сын 15 года рождения', 'сын 10 г.р. что положено', 'сын 2010 г.р. что положено']) {
      const reply = engineChat().send(q);
      expect(reply.text, q).not.toMatch(RETIREMENT);
      expect(reply.buttons.join('|'), q).not.toMatch(RETIREMENT);
    }
  });
});
