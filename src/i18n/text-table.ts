/**
 * Texts rendered once by the real translator, as plain data, and a Translator over them: a worker thread (the
 * messenger's, src/bots/thread/) gets its texts this way instead of loading telegraf-i18n and the locale files again
 * (~2 MB of its heap). Only texts without variables are in the table.
 */
import { LOCALES, type Locale } from './locale.js';
import type { TemplateVars, Translator } from './translator.js';

export type TextTable = Record<Locale, Record<string, string>>;

/** Every text of every locale that needs no variables. */
export function textTable(translator: Translator): TextTable {
  const table = {} as TextTable;
  for (const locale of LOCALES) {
    const texts: Record<string, string> = {};
    for (const key of translator.keys(locale)) {
      try {
        texts[key] = translator.t(locale, key);
      } catch {
        // A template with variables: the table cannot hold it.
      }
    }
    table[locale] = texts;
  }
  return table;
}

export function tableTranslator(table: TextTable): Translator {
  return {
    locales: LOCALES,
    t(locale: Locale, key: string, vars?: TemplateVars) {
      const text = table[locale]?.[key];
      if (text === undefined || (vars && Object.keys(vars).length > 0))
        throw new Error(`"${key}" in "${locale}" is not in the text table (texts with variables never are)`);
      return text;
    },
    keys: (locale) => Object.keys(table[locale] ?? {}),
  };
}
