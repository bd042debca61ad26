/**
 * The CLDR plural category of a whole number, for the two locales we speak. `Intl.PluralRules` gives the same, but
 * its first use maps ICU's locale data into the process for good (~3 MB); whole numbers need only these rules.
 */
export type PluralCategory = 'one' | 'few' | 'many' | 'other';

export function pluralCategory(locale: string, n: number): PluralCategory {
  if (!Number.isInteger(n)) return 'other';
  const abs = Math.abs(n);
  if (locale !== 'ru') return abs === 1 ? 'one' : 'other';
  const units = abs % 10;
  const tens = abs % 100;
  if (units === 1 && tens !== 11) return 'one';
  if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return 'few';
  return 'many';
}
