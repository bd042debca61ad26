import { describe, expect, it } from 'vitest';
import { joinSplitWords } from '../../../src/search/split-words.js';

const known = new Set([
  'переосвидетельствование',
  'многодетным',
  'много',
  'не',
  'знаю',
  'незнаю',
  'работаю',
  'льготы',
]);
const join = (text: string) => joinSplitWords(text.split(' '), (w) => known.has(w)).join(' ');

describe('joinSplitWords', () => {
  it('joins a word broken by a stray space when the halves make a known word', () => {
    expect(join('пере освидетельствование когда')).toBe('переосвидетельствование когда');
    expect(join('льготы много детным')).toBe('льготы многодетным');
  });

  it('leaves two known words apart, and never joins the negation', () => {
    expect(join('не работаю')).toBe('не работаю');
    expect(join('не знаю')).toBe('не знаю');
    expect(join('много работаю')).toBe('много работаю');
  });

  it('returns the same array when nothing is broken', () => {
    const words = ['льготы', 'много'];
    expect(joinSplitWords(words, (w) => known.has(w))).toBe(words);
  });
});
