/**
 * Figures that change (subsistence minimums, indexed amounts) live in `data/figures.yaml` and are filled into
 * texts at answer time, for the citizen's region where one is known.
 */
import type { Region } from './entry.js';

export interface FigureValue {
  value: number;
  period: string;
  asOf: string;
  source: string;
}

export interface Figure {
  key: string;
  title: string;
  unit: 'rub' | 'percent' | 'number';
  /** true: the value depends on the citizen's region (values per region, `federal` = all-Russia). */
  regional: boolean;
  values: Partial<Record<Region, FigureValue>>;
  /** When the values are next expected to change (YYYY-MM-DD), if known: yearly indexation dates. */
  nextChange?: string;
}

export type FigureTable = ReadonlyMap<string, Figure>;

/** `{{fig:key}}` or `{{fig:key*0.5}}`. */
export const FIGURE_REF = /\{\{fig:([a-z0-9-]+)(?:\*([0-9]+(?:\.[0-9]+)?))?\}\}/g;

/** Figure keys a text refers to, in order. */
export function figureRefs(text: string): string[] {
  return [...text.matchAll(FIGURE_REF)].map((m) => m[1]!);
}

export type CitizenRegion = Exclude<Region, 'federal'> | undefined;

/** A regional figure's own value in one of the regions the knowledge base serves, formatted. */
export interface ServedValue {
  region: Exclude<Region, 'federal'>;
  value: string;
}

/** Phrases around a filled-in figure; they come from the locale files. */
export interface FigurePhrases {
  /**
   * For a regional figure when the citizen's region is unknown: the all-Russia value, with the figure's own values in
   * the served regions (those it has) for the phrase to name, e.g. "{value} (в среднем по России; в Пермском крае —
   * …, в Волгоградской области — …)".
   */
  federalApprox(value: string, served: readonly ServedValue[]): string;
}

/** The regions whose own values figures may have, in the order the phrases name them. */
export const SERVED_REGIONS = ['perm', 'volgograd'] as const;

/**
 * The phrases of the locale files (`figures.*`) through `t`: the served regions' own values named beside the average
 * where the figure has them.
 */
export function figurePhrases(t: (key: string, vars?: Record<string, string>) => string): FigurePhrases {
  return {
    federalApprox: (value, served) =>
      served.length === 0
        ? t('figures.federal_approx', { value })
        : t('figures.federal_approx_served', {
            value,
            regions: served.map((s) => t(`figures.in_region.${s.region}`, { value: s.value })).join(', '),
          }),
  };
}

/** Formats a number Russian-style: "18 371 ₽", "28 450,45 ₽", "22%". */
export function formatFigure(value: number, unit: Figure['unit']): string {
  const rounded = Math.round(value * 100) / 100;
  const [intPart, frac] = rounded.toFixed(2).split('.') as [string, string];
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const number = frac === '00' ? grouped : `${grouped},${frac}`;
  if (unit === 'rub') return `${number}\u00a0₽`;
  if (unit === 'percent') return `${number}%`;
  return number;
}

export interface FilledText {
  text: string;
  /** Regional figures were filled in for this region. */
  regionalFor?: Exclude<Region, 'federal'>;
  /** A regional figure was shown as the all-Russia value because the region is unknown. */
  usedFederalFallback: boolean;
}

/** Fills figure references in `text`. Unknown keys stay visible as "?" (kb:check reports them). */
export function fillFigures(
  text: string,
  figures: FigureTable,
  region: CitizenRegion,
  phrases: FigurePhrases,
): FilledText {
  let regionalFor: FilledText['regionalFor'];
  let usedFederalFallback = false;
  const filled = text.replace(FIGURE_REF, (_all, key: string, factor: string | undefined, at: number) => {
    const figure = figures.get(key);
    if (!figure) return '?';
    const multiplier = factor ? Number(factor) : 1;
    if (figure.regional) {
      const own = region ? figure.values[region] : undefined;
      if (own) {
        regionalFor = region;
        return formatFigure(own.value * multiplier, figure.unit);
      }
      const federal = figure.values.federal;
      if (!federal) return '?';
      const value = formatFigure(federal.value * multiplier, figure.unit);
      // Said once: "50% (…; в вашем регионе — своя сумма), 75% (…) или 100% (…)" read as noise on a phone, and the
      // answer asks for the region under the text anyway.
      if (usedFederalFallback) return value;
      usedFederalFallback = true;
      // The served regions' values beside the first of several on one line ("50%, 75% или 100%") were read as if
      // the others were theirs too (a citizen audit): there the average alone, and the region is asked for below.
      if (regionalRefsOnLine(text, at, figures) > 1) return phrases.federalApprox(value, []);
      const served = SERVED_REGIONS.flatMap((r) => {
        const own = figure.values[r];
        return own ? [{ region: r, value: formatFigure(own.value * multiplier, figure.unit) }] : [];
      });
      return phrases.federalApprox(value, served);
    }
    const only = Object.values(figure.values)[0];
    return only ? formatFigure(only.value * multiplier, figure.unit) : '?';
  });
  return { text: filled, regionalFor, usedFederalFallback };
}

/** How many regional figures the line of `text` around position `at` refers to. */
function regionalRefsOnLine(text: string, at: number, figures: FigureTable): number {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end === -1 ? undefined : end);
  return figureRefs(line).filter((key) => figures.get(key)?.regional).length;
}
