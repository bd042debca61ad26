import { describe, expect, it } from 'vitest';
import { tableTranslator, textTable } from '../../../src/i18n/text-table.js';
import { createTranslator } from '../../../src/i18n/translator.js';

describe('the text table a worker thread translates with', () => {
  const translator = createTranslator();
  const table = tableTranslator(structuredClone(textTable(translator)));

  it('gives what the real translator gives for every text without variables', () => {
    for (const locale of translator.locales)
      for (const key of [
        'errors.not_saved_retry',
        'buttons.share_location',
        'commands.start',
        'commands.operator',
      ])
        expect(table.t(locale, key)).toBe(translator.t(locale, key));
    expect(table.keys('ru')).toContain('commands.forget');
  });

  it('refuses texts with variables and unknown keys instead of showing a person a key', () => {
    const templated = translator.keys('ru').find((key) => {
      try {
        translator.t('ru', key);
        return false;
      } catch {
        return true;
      }
    });
    expect(templated).toBeDefined();
    expect(() => table.t('ru', templated!)).toThrow(/not in the text table/);
    expect(() => table.t('ru', 'no.such.key')).toThrow(/not in the text table/);
    expect(() => table.t('ru', 'commands.start', { n: 1 })).toThrow(/not in the text table/);
  });
});
