import { describe, expect, it } from 'vitest';
import { normalizeWords } from '../../../src/search/russian-normalizer.js';
import { compilePattern, compilePatternSet, patternText } from '../../../src/search/word-patterns.js';

const text = (s: string) => patternText(normalizeWords(s));
const options = { fuzzyMinLength: 7 };

describe('word patterns', () => {
  it('matches any form of a plain word', () => {
    expect(compilePattern('человек', options).matches(text('соедините с человеком'))).toBe(true);
  });

  it('matches prefixes, substrings, exact forms and word alternatives', () => {
    expect(compilePattern('провер*', options).matches(text('проверьте заявление'))).toBe(true);
    expect(compilePattern('*кредит*', options).matches(text('нужен автокредит'))).toBe(true);
    expect(compilePattern('=проверьте', options).matches(text('как проверить статус'))).toBe(false);
    expect(compilePattern('позови/соедин* оператор*', options).matches(text('соедините оператора'))).toBe(
      true,
    );
  });

  it('requires the words of an alternative in order, with gaps only where written', () => {
    const p = compilePattern('единое пособие', options);
    expect(p.matches(text('насчет единого пособия'))).toBe(true);
    expect(p.matches(text('пособие единое'))).toBe(false);
    const gap = compilePattern('соедин* ... человек*', options);
    expect(gap.matches(text('соедините меня пожалуйста с человеком'))).toBe(true);
    expect(gap.matches(text('соедините меня пожалуйста срочно очень с человеком'))).toBe(false);
  });

  it('forgives one typo in a long plain word, but not in the first letter', () => {
    const p = compilePattern('консультант', options);
    expect(p.matches(text('позовите консультнат'))).toBe(true);
    expect(p.matches(text('позовите конусльтант'))).toBe(true);
    expect(p.matches(text('позовите бонсультант'))).toBe(false);
  });

  it('does not match short stems across unrelated words', () => {
    // "болит" and "более" share the stem "бол"
    expect(compilePattern('болит', options).matches(text('доплатить за более дорогую'))).toBe(false);
  });

  it('reports the positions each pattern of a set covers', () => {
    const set = compilePatternSet(['какие документы', 'куда подав*'], options);
    const m = set.match(text('а какие документы и куда подавать'));
    expect([...m.positions(0)]).toEqual([1, 2]);
    expect([...m.positions(1)]).toEqual([4, 5]);
    expect(m.matches(1)).toBe(true);
  });

  it('finds prefixes of every length in one set, and each message of a set on its own', () => {
    const set = compilePatternSet(['пе*', 'пен*', 'пенс*', 'пенсионер*', 'по*'], options);
    const pension = set.match(text('пенсия'));
    expect([0, 1, 2, 3, 4].map((id) => pension.matches(id))).toEqual([true, true, true, false, false]);
    const pensioner = set.match(text('я пенсионерка'));
    expect([0, 1, 2, 3, 4].map((id) => pensioner.matches(id))).toEqual([true, true, true, true, false]);
    // A set matched again does not carry what the last message matched.
    const other = set.match(text('помогите'));
    expect([0, 1, 2, 3, 4].map((id) => other.matches(id))).toEqual([false, false, false, false, true]);
    expect([...set.match(text('пенсия пенсия')).positions(2)]).toEqual([0]);
  });
});
