import { describe, expect, it } from 'vitest';
import {
  normalizeRussian,
  normalizeWords,
  rawWordSpans,
  rawWords,
  SpanBuffer,
  wordHash,
} from '../../../src/search/russian-normalizer.js';

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

  it('keeps a percent sign on its number, so that «60%» is a share and not the age «60»', () => {
    expect(normalizeWords('сначала 75%, потом 60 %')).toEqual(['сначала', '75%', 'потом', '60']);
    expect(normalizeWords('на 5,6% — ЕДВ')).toEqual(['на', '5.6%', 'едв']);
    // the general path (another alphabet in the text) reads it alike
    expect(normalizeWords('75% 😊')).toEqual(['75%']);
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

describe('rawWords', () => {
  it('splits plain text into words that, normalised one by one, are the normalised text', () => {
    for (const text of [
      'Ещё вопрос: ПОСОБИЕ до 1,5 лет — «Госуслуги», № 81-ФЗ',
      'справка 2НДФЛ и 10тыс',
      'пocoбие gosuslugi.ru',
    ]) {
      const raw = rawWords(text)!;
      expect(raw.flatMap((w) => normalizeWords(w))).toEqual(normalizeWords(text));
    }
  });

  it('declines text with other alphabets, combining marks or emoji', () => {
    expect(rawWords('Пособие 😊')).toBeUndefined();
    expect(rawWords('Ўзбек тили')).toBeUndefined();
    expect(rawWords('И\u0306од')).toBeUndefined();
  });
});

describe('rawWordSpans', () => {
  /** The words rawWordSpans finds, as strings, each checked against its hash; undefined when it declines. */
  const spanWords = (text: string): string[] | undefined => {
    const spans = new SpanBuffer();
    const n = rawWordSpans(text, spans);
    if (n < 0) return undefined;
    return Array.from({ length: n }, (_, k) => {
      const word = text.slice(spans.data[3 * k]!, spans.data[3 * k + 1]!);
      expect(spans.data[3 * k + 2]).toBe(wordHash(word));
      return word;
    });
  };

  it('finds the words rawWords finds, without making strings', () => {
    for (const text of [
      'Ещё вопрос: ПОСОБИЕ до 1,5 лет — «Госуслуги», № 81-ФЗ',
      'справка 2НДФЛ и 10тыс, 1.5. 1..5 ,5 3,14,15 1,2.3 x1,y',
      'пocoбие gosuslugi.ru\u00a0\u2014\u20bd\ufeff',
      '',
      '...',
      'Пособие 😊',
      'Ўзбек тили',
      'И\u0306од',
      '75%, 60 % и 5,6%%',
    ]) {
      expect(spanWords(text)).toEqual(rawWords(text));
    }
  });

  it('agrees with rawWords on random text of letters, digits, punctuation and other alphabets', () => {
    const alphabet = [...'аяАЯёЁzZaA09.,-% \n«»№\u00a0\u2116\u0400\u0452\u00e9Ў'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let t = 0; t < 2000; t++) {
      const length = Math.floor(next() * 20);
      const text = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(spanWords(text)).toEqual(rawWords(text));
    }
  });
});
