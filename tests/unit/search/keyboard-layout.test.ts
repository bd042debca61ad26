import { describe, expect, it } from 'vitest';
import { couldBeWrongLayout, fromWrongLayout } from '../../../src/search/keyboard-layout.js';
import { recoverLatin } from '../../../src/search/latin-recovery.js';
import { createLexicon } from '../../../src/search/lexicon.js';
import { normalizeWords } from '../../../src/search/russian-normalizer.js';

describe('fromWrongLayout', () => {
  it('retypes text typed with the English layout on', () => {
    expect(fromWrongLayout('gjcj,bt yf ht,tyrf')).toBe('пособие на ребенка');
  });

  it('maps the punctuation keys that carry Russian letters', () => {
    // , . ; ' [ ] ` → б ю ж э х ъ ё
    expect(fromWrongLayout(",.;'[]`")).toBe('бюжэхъё');
    expect(fromWrongLayout('<>:"{}~')).toBe('бюжэхъё');
  });

  it('tells possible wrong-layout words from plain punctuation', () => {
    expect(couldBeWrongLayout('gjcj,bt')).toBe(true);
    expect(couldBeWrongLayout('...')).toBe(false);
  });
});

describe('recoverLatin', () => {
  const lexicon = createLexicon(
    normalizeWords(
      'пособие на ребенка единое пособие до скольки лет платят соедините с человеком оператор ' +
        'пенсия индексация в январе подняли материнский капитал сколько',
    ),
  );

  it('reads a whole wrong-layout message as Russian', () => {
    const r = recoverLatin('tlbyjt gjcj,bt lj crjkmrb ktn gkfnzn', lexicon);
    expect(r.reading).toBe('keyboard-layout');
    expect(normalizeWords(r.text)).toEqual(['единое', 'пособие', 'до', 'скольки', 'лет', 'платят']);
  });

  it('reads transliterated Russian', () => {
    const r = recoverLatin('posobie na rebenka', lexicon);
    expect(r.reading).toBe('transliteration');
    expect(normalizeWords(r.text)).toEqual(['пособие', 'на', 'ребенка']);
  });

  it('keeps English that reads as nothing in Russian', () => {
    const r = recoverLatin('hello how are you', lexicon);
    expect(r.reading).toBe('as-typed');
    expect(r.text).toBe('hello how are you');
  });

  it('turns Roman group numbers in a Russian message into digits', () => {
    expect(normalizeWords(recoverLatin('инвалид II группы', lexicon).text)).toEqual([
      'инвалид',
      '2',
      'группы',
    ]);
  });

  it('leaves Cyrillic text untouched', () => {
    expect(recoverLatin('пособие на ребенка', lexicon)).toEqual({
      text: 'пособие на ребенка',
      reading: 'as-typed',
    });
  });
});
