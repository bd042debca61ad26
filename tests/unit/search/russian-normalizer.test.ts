import { describe, expect, it } from 'vitest';
import { normalizeRussian, normalizeWords } from '../../../src/search/russian-normalizer.js';

describe('normalizeWords', () => {
  it('lower-cases, folds ё to е and drops punctuation and emoji', () => {
    expect(normalizeWords('Ещё вопрос!!! Пособие 😊 ёлки-палки?')).toEqual([
      'еще',
      'вопрос',
      'пособие',
      'елки',
      'палки',
    ]);
  });

  it('keeps decimal numbers whole whether written with a comma or a point', () => {
    expect(normalizeWords('по уходу до 1,5 лет')).toEqual(['по', 'уходу', 'до', '1.5', 'лет']);
    expect(normalizeWords('до 1.5 лет.')).toEqual(['до', '1.5', 'лет']);
  });

  it('splits letters glued to digits', () => {
    expect(normalizeWords('справка 2ндфл и 10тыс')).toEqual(['справка', '2', 'ндфл', 'и', '10', 'тыс']);
  });

  it('repairs Latin look-alike letters inside a Cyrillic word', () => {
    // "пocoбие" typed with Latin o and c
    expect(normalizeWords('пocoбие')).toEqual(['пособие']);
  });

  it('leaves real Latin words alone', () => {
    expect(normalizeWords('gosuslugi.ru')).toEqual(['gosuslugi', 'ru']);
  });

  it('turns SNILS separators into spaces so that the digits stay in groups', () => {
    expect(normalizeRussian('снилс 123-456-789 00')).toBe('снилс 123 456 789 00');
  });

  it('gives nothing for a message of punctuation only', () => {
    expect(normalizeWords('?!... 👍')).toEqual([]);
  });
});
