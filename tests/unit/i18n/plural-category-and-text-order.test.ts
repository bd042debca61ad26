import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pluralCategory } from '../../../src/i18n/plural-category.js';
import { byCodePoint, byRussianName } from '../../../src/i18n/text-order.js';

describe('plural category', () => {
  it('is the one Intl.PluralRules gives for whole numbers in Russian and English', () => {
    for (const locale of ['ru', 'en']) {
      const rules = new Intl.PluralRules(locale);
      for (let n = 0; n <= 1_200; n++)
        expect(`${n} ${pluralCategory(locale, n)}`).toBe(`${n} ${rules.select(n)}`);
    }
  });

  it('picks the Russian forms a reader expects', () => {
    expect([1, 21, 111, 2, 14, 22, 365, 5].map((n) => pluralCategory('ru', n))).toEqual([
      'one',
      'one',
      'many',
      'few',
      'many',
      'few',
      'many',
      'many',
    ]);
  });
});

describe('text order', () => {
  it("sorts the knowledge base's titles and the offices' names as the Russian collator does", () => {
    const names: string[] = [];
    const faq = 'data/faq';
    for (const file of readdirSync(faq, { recursive: true }) as string[]) {
      const title = file.endsWith('.md') && readFileSync(`${faq}/${file}`, 'utf8').match(/^title:\s*(.+)$/m);
      if (title) names.push(title[1]!.replace(/^['"]|['"]$/g, ''));
    }
    for (const file of readdirSync('data/agencies').filter((f) => f.endsWith('.yaml'))) {
      for (const m of readFileSync(`data/agencies/${file}`, 'utf8').matchAll(/^\s*-?\s*name:\s*(.+)$/gm)) {
        names.push(m[1]!.replace(/^['"]|['"]$/g, ''));
      }
    }
    expect(names.length).toBeGreaterThan(140);
    const collator = new Intl.Collator('ru');
    expect([...names].sort(byRussianName)).toEqual([...names].sort(collator.compare));
  });

  it('puts ё with е and ignores letter case, then keeps a total order', () => {
    expect(['Ёлкино', 'елки', 'Ежи', 'ель'].sort(byRussianName)).toEqual(['Ежи', 'елки', 'Ёлкино', 'ель']);
    expect(['МФЦ', 'мфц'].sort(byRussianName)).toEqual(['МФЦ', 'мфц']);
    expect(['2026-03-01', '2026-01-15', 'b-id', 'a-id'].sort(byCodePoint)).toEqual([
      '2026-01-15',
      '2026-03-01',
      'a-id',
      'b-id',
    ]);
  });
});
