/**
 * User-facing text lives in `locales/<lang>.yaml`; this is the one way code gets it.
 *
 * telegraf-i18n is used standalone (no telegraf): it loads the YAML and compiles `${var}` templates. Two of its
 * quirks are handled here (see ../shared/PLATFORMS.md, "telegraf-i18n standalone"):
 * - a template with a missing variable throws "Failed to compile template" with no detail: we name the key;
 * - every templated call runs in `node:vm` (a new context each time, ~0.1–0.5 ms): each string is rendered by the
 *   library once per set of variable names, with markers in place of the values, and later calls fill the markers
 *   in (our templates are plain `${name}` substitutions; tests/unit/i18n keeps them so). Strings without
 *   variables are kept as they are.
 * Values are not escaped by the library; renderers escape everything they output.
 */
import { fileURLToPath } from 'node:url';
import I18n from 'telegraf-i18n';

import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale.js';

export { DEFAULT_LOCALE, isLocale, LOCALES, type Locale, localeFromLanguageCode } from './locale.js';

export type TemplateVars = Record<string, string | number>;

export interface Translator {
  readonly locales: readonly Locale[];
  t(locale: Locale, key: string, vars?: TemplateVars): string;
  /** Every key of a locale, dotted ("menu.title"). */
  keys(locale: Locale): string[];
}

export class TranslationError extends Error {
  override readonly name = 'TranslationError';
  constructor(
    readonly locale: string,
    readonly key: string,
    cause: unknown,
  ) {
    super(`cannot render "${key}" in "${locale}": ${(cause as Error)?.message ?? cause}`);
  }
}

/** Marks a variable's place in a rendered skeleton (private-use characters, never found in locale files). */
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARK = /\uE000([^\uE001]*)\uE001/g;

export const DEFAULT_LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

export function createTranslator(directory: string = DEFAULT_LOCALES_DIR): Translator {
  const i18n = new I18n({ directory, defaultLanguage: DEFAULT_LOCALE, defaultLanguageOnMissing: true });
  const plain = new Map<string, string>();
  /** Per locale, key and variable names: the text with each variable as a marker. */
  const skeletons = new Map<string, string>();
  function render(locale: Locale, key: string, vars: TemplateVars): string {
    try {
      return i18n.t(locale, key, vars);
    } catch (error) {
      throw new TranslationError(locale, key, error);
    }
  }
  return {
    locales: LOCALES,
    t(locale, key, vars) {
      const names = vars ? Object.keys(vars) : [];
      if (names.length === 0) {
        const cacheKey = `${locale}\u0000${key}`;
        let text = plain.get(cacheKey);
        if (text === undefined) {
          text = render(locale, key, {});
          plain.set(cacheKey, text);
        }
        return text;
      }
      const cacheKey = `${locale}\u0000${key}\u0000${names.join('\u0000')}`;
      let skeleton = skeletons.get(cacheKey);
      if (skeleton === undefined) {
        const markers: TemplateVars = {};
        for (const name of names) markers[name] = `${MARK_OPEN}${name}${MARK_CLOSE}`;
        skeleton = render(locale, key, markers);
        skeletons.set(cacheKey, skeleton);
      }
      if (!skeleton.includes(MARK_OPEN)) return skeleton;
      return skeleton.replace(MARK, (_, name: string) => String(vars![name]));
    },
    keys(locale) {
      return i18n.resourceKeys(locale);
    },
  };
}
