import { describe, expect, it } from 'vitest';
import { looksEnglish } from '../../../src/search/foreign-language.js';

describe('looksEnglish', () => {
  it('tells English questions', () => {
    for (const text of [
      'Hello, I need help with pension',
      'how much is child benefit',
      'Can you help me please?',
      'I’m disabled, what can I get',
      'my grandmother needs a social worker',
      'social worker',
      // One word that is English and never Russian in Latin letters; «i dont speak russian» (a verification pass).
      'help',
      'English',
      'i dont speak russian',
    ])
      expect(looksEnglish(text), text).toBe(true);
  });

  it('leaves Russian, Russian in Latin letters, and other single words alone', () => {
    for (const text of [
      'пособие на ребенка',
      'posobie na rebenka',
      'skolko platyat pensiyu i kogda',
      'my s muzhem pensionery, a chto nam polozheno',
      'chto to ne prishlo do sih por',
      'ok',
      'hello',
      'da',
      'pomogite',
      'Hello пенсия',
    ])
      expect(looksEnglish(text), text).toBe(false);
  });
});
