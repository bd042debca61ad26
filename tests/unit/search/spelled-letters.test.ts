import { describe, expect, it } from 'vitest';
import { joinSpelledLetters } from '../../../src/search/spelled-letters.js';

const known = new Set(['мсэ', 'едв', 'тср', 'нсу', 'направление', 'в', 'и']);
const join = (text: string) => joinSpelledLetters(text.split(' '), (w) => known.has(w)).join(' ');

describe('joinSpelledLetters', () => {
  it('joins an abbreviation dictated or typed letter by letter into the word it spells', () => {
    expect(join('м с э направление')).toBe('мсэ направление');
    expect(join('когда е д в придет')).toBe('когда едв придет');
  });

  it("reads the letters' Russian names, apart and run together", () => {
    expect(join('тэ эс эр что это')).toBe('тср что это');
    expect(join('эн эс у')).toBe('нсу');
    expect(join('эмэсэ направление')).toBe('мсэ направление');
    expect(join('едэвэ')).toBe('едв');
  });

  it('takes the longest run that spells a known word, leaving the letters around it', () => {
    expect(join('и м с э в поликлинике')).toBe('и мсэ в поликлинике');
  });

  it('leaves runs that spell no known word, and two-letter runs, as they are', () => {
    expect(join('и в с')).toBe('и в с');
    expect(join('е п на ребенка')).toBe('е п на ребенка');
    expect(join('эмка бэха')).toBe('эмка бэха');
  });

  it('returns the same array when nothing is spelled out', () => {
    const words = ['пенсия', 'в', 'мае'];
    expect(joinSpelledLetters(words, (w) => known.has(w))).toBe(words);
  });
});
