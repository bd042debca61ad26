import { describe, expect, it } from 'vitest';
import { stemRussian } from '../../../src/search/russian-stemmer.js';

describe('stemRussian', () => {
  it('brings the forms of a word to one stem', () => {
    const forms = ['пособие', 'пособия', 'пособий', 'пособием'];
    expect(new Set(forms.map(stemRussian)).size).toBe(1);
    expect(stemRussian('инвалидам')).toBe(stemRussian('инвалиды'));
    expect(stemRussian('многодетной')).toBe(stemRussian('многодетные'));
  });

  it('keeps different words apart', () => {
    expect(stemRussian('пенсия')).not.toBe(stemRussian('пособие'));
  });

  it('leaves numbers, Latin words and very short words unchanged', () => {
    expect(stemRussian('2026')).toBe('2026');
    expect(stemRussian('snils')).toBe('snils');
    expect(stemRussian('еп')).toBe('еп');
  });
});
