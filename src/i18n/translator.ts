/**
 * User-facing text lives in `locales/<lang>.yaml`; this is the one way code gets it.
 *
 * telegraf-i18n is used standalone (no telegraf): it loads the YAML and compiles `${var}` templates. Two of its
 * quirks are handled here (see ../shared/PLATFORMS.md, "telegraf-i18n standalone"):
 * - a template with a missing variable throws "Failed to compile template" with no detail: we name the key;
 * - every templated call runs in `node:vm` (~0.5 ms): results are cached (strings without variables for good,
 *   templated ones in a bounded LRU keyed by their values, since the same titles and dates recur).
 * Values are not escaped by the library; renderers escape everything they output.
 */
import { fileURLToPath } from 'node:url';
import I18n from 'telegraf-i18n';

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ru';

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

/** Rendered templates kept (a few hundred bytes each). */
const TEMPLATE_CACHE_SIZE = 5000;

export const DEFAULT_LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

/** Picks our locale from a messenger's language code ("en-US" → en); Russian for everything else. */
export function localeFromLanguageCode(code: string | undefined): Locale {
  return code?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function createTranslator(directory: string = DEFAULT_LOCALES_DIR): Translator {
  const i18n = new I18n({ directory, defaultLanguage: DEFAULT_LOCALE, defaultLanguageOnMissing: true });
  const plainCache = new Map<string, string>();
  const templated = new Map<string, string>();
  return {
    locales: LOCALES,
    t(locale, key, vars) {
      const cacheKey = vars ? `${locale}\u0000${key}\u0000${JSON.stringify(vars)}` : `${locale}\u0000${key}`;
      const cache = vars ? templated : plainCache;
      const cached = cache.get(cacheKey);
      if (cached !== undefined) {
        if (vars) {
          // Refresh its place in the LRU order.
          templated.delete(cacheKey);
          templated.set(cacheKey, cached);
        }
        return cached;
      }
      let text: string;
      try {
        text = i18n.t(locale, key, vars ?? {});
      } catch (error) {
        throw new TranslationError(locale, key, error);
      }
      cache.set(cacheKey, text);
      if (templated.size > TEMPLATE_CACHE_SIZE) templated.delete(templated.keys().next().value!);
      return text;
    },
    keys(locale) {
      return i18n.resourceKeys(locale);
    },
  };
}
