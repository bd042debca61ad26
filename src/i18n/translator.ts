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
 * - that first render runs under the library's 500-ms `node:vm` timeout, and on a starved machine (a surge on two
 *   busy cores) it can run out and throw the same "Failed to compile template" as a missing variable: a render is
 *   tried again before it counts as failed (a missing variable fails every time).
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

/** The part of telegraf-i18n the translator uses (a test gives a failing one). */
export interface TemplateLibrary {
  t(locale: string, key: string, vars: object): string;
  resourceKeys(locale: string): string[];
}

/** Renders tried at most, for a render the library's timeout cut short (see the module comment). */
const RENDER_ATTEMPTS = 3;

export function createTranslator(
  directory: string = DEFAULT_LOCALES_DIR,
  library: TemplateLibrary = new I18n({
    directory,
    defaultLanguage: DEFAULT_LOCALE,
    defaultLanguageOnMissing: true,
  }),
): Translator {
  const i18n = library;
  /** Per locale and key: the text of a string without variables. */
  const plain = new Map<Locale, Map<string, string>>();
  /**
   * Per locale, key and variable names: the text cut at its variables (texts at even places, variable names at odd
   * ones). Nested maps, not one key string built per call: the engine asks for dozens of texts per message.
   */
  const skeletons = new Map<Locale, Map<string, Map<string, string[]>>>();
  function render(locale: Locale, key: string, vars: TemplateVars): string {
    for (let attempt = 1; ; attempt++) {
      try {
        return i18n.t(locale, key, vars);
      } catch (error) {
        if (attempt >= RENDER_ATTEMPTS) throw new TranslationError(locale, key, error);
      }
    }
  }
  function inner<K, V>(map: Map<K, V>, key: K, make: () => V): V {
    let value = map.get(key);
    if (value === undefined) {
      value = make();
      map.set(key, value);
    }
    return value;
  }
  return {
    locales: LOCALES,
    t(locale, key, vars) {
      const names = vars ? Object.keys(vars) : [];
      if (names.length === 0) {
        const texts = inner(plain, locale, () => new Map<string, string>());
        return inner(texts, key, () => render(locale, key, {}));
      }
      const byNames = inner(
        inner(skeletons, locale, () => new Map()),
        key,
        () => new Map<string, string[]>(),
      );
      const parts = inner(byNames, names.length === 1 ? names[0]! : names.join('\u0000'), () => {
        const markers: TemplateVars = {};
        for (const name of names) markers[name] = `${MARK_OPEN}${name}${MARK_CLOSE}`;
        return render(locale, key, markers).split(MARK);
      });
      if (parts.length === 1) return parts[0]!;
      let text = parts[0]!;
      for (let i = 1; i < parts.length; i += 2) text += String(vars![parts[i]!]) + parts[i + 1]!;
      return text;
    },
    keys(locale) {
      return i18n.resourceKeys(locale);
    },
  };
}
