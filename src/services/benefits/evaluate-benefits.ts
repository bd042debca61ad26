/**
 * Evaluates the benefit rules for one household, in three-valued logic: a test on a skipped answer is unknown, not
 * false. A measure whose conditions hold is "likely"; one that also depends on something the questionnaire does not
 * ask (`unasked`, unless its `answeredWhen` holds), or whose conditions are unknown while some of them already hold,
 * is "depends". Everything else is left out. Pure: no I/O.
 */
import type { Region } from '../../knowledge/entry.js';
import type { FigureTable } from '../../knowledge/figures.js';
import type { BenefitMeasure, BenefitRules, Condition, FactTest, Threshold } from './benefit-rules.js';
import type { FactName, Facts, FactValue } from './household.js';

/** true, false, or unknown (undefined). */
type Tri = boolean | undefined;

interface Evaluation {
  value: Tri;
  /** Facts whose absence kept the value unknown. */
  missing: Set<FactName>;
  /** Some test in the tree holds: the measure is relevant to this family. */
  evidence: boolean;
  /** The value is unknown because a threshold is a figure of the family's region that the data does not have. */
  regionFigure?: boolean;
}

export interface MeasureResult {
  measure: BenefitMeasure;
  status: 'likely' | 'depends';
  /** The skipped answers that would decide it (empty for `likely`). */
  missing: FactName[];
  /** For `depends`: it rests on a figure of the family's region (its subsistence minimum) the data does not have. */
  regionFigure?: boolean;
}

const REGIONAL_KEYS = ['federal', 'perm', 'volgograd'] as const;

/**
 * The threshold in roubles for the family's region: the region's own value where it is known, the all-Russia value
 * for another region (see `testValue` for what that value may decide). Every region's value when the region is
 * unknown.
 */
function thresholdValues(t: Threshold, facts: Facts, figures: FigureTable): number[] {
  if ('roubles' in t) return [t.roubles];
  const figure = figures.get(t.figure);
  if (!figure) return [];
  if (!figure.regional) {
    const only = Object.values(figure.values)[0];
    return only ? [only.value * t.factor] : [];
  }
  const region = facts.region;
  const pick = (r: Region) => figure.values[r]?.value ?? figure.values.federal?.value;
  if (region === 'perm' || region === 'volgograd') return [pick(region)! * t.factor];
  if (region === 'other') return [figure.values.federal!.value * t.factor];
  return REGIONAL_KEYS.map((r) => pick(r))
    .filter((v): v is number => v !== undefined)
    .map((v) => v * t.factor);
}

/** A threshold that is a regional figure the data has no value of the family's own region for. */
function lacksRegionValue(t: Threshold | undefined, facts: Facts, figures: FigureTable): boolean {
  if (!t || 'roubles' in t || facts.region === undefined) return false;
  const figure = figures.get(t.figure);
  return figure?.regional === true && figure.values[facts.region as Region] === undefined;
}

function testValue(
  test: FactTest,
  value: FactValue,
  facts: Facts,
  figures: FigureTable,
): { value: Tri; needsRegion: boolean; regionFigure?: boolean } {
  switch (test.op) {
    case 'is':
      return { value: value === test.value, needsRegion: false };
    case 'in': {
      const inList = test.values.includes(String(value));
      return { value: test.negate ? !inList : inList, needsRegion: false };
    }
    case 'range': {
      const n = Number(value);
      return {
        value: (test.min === undefined || n >= test.min) && (test.max === undefined || n <= test.max),
        needsRegion: false,
      };
    }
    case 'money': {
      const n = Number(value);
      // Every possible region's threshold must agree, or the answer depends on the region.
      const outcomes = new Set<boolean>();
      const lows = test.atLeast ? thresholdValues(test.atLeast, facts, figures) : [Number.NEGATIVE_INFINITY];
      const highs = test.below ? thresholdValues(test.below, facts, figures) : [Number.POSITIVE_INFINITY];
      for (const low of lows) for (const high of highs) outcomes.add(n >= low && n < high);
      // Another region's own minimum is not in the data, only Russia's average: a pensioner alone on 15 000 ₽ in
      // Saratov was told the supplement is «likely» against the average (18 939 ₽), while with the region «не
      // знаю» it «depends». The same holds for every measure compared with a regional minimum (low-income status,
      // the unified benefit, the social contract), so each is told as «depends» on that figure when the average
      // says it holds. No income is below any minimum; above the average the measure is left out, as before (the
      // average is the only figure there is, and saying «depends» for every income would list them all).
      if (
        outcomes.size === 1 &&
        [...outcomes][0] === true &&
        !(n <= 0 && !test.atLeast) &&
        (lacksRegionValue(test.below, facts, figures) || lacksRegionValue(test.atLeast, facts, figures))
      )
        return { value: undefined, needsRegion: false, regionFigure: true };
      if (outcomes.size === 1) return { value: [...outcomes][0], needsRegion: false };
      return { value: undefined, needsRegion: true };
    }
  }
}

function evaluate(c: Condition, facts: Facts, figures: FigureTable): Evaluation {
  switch (c.kind) {
    case 'test': {
      const value = facts[c.fact];
      if (value === undefined) return { value: undefined, missing: new Set([c.fact]), evidence: false };
      const result = testValue(c.test, value, facts, figures);
      // An answer that decides it in some regions and not in others is evidence too: only the region is missing.
      return {
        value: result.value,
        missing: result.needsRegion ? new Set<FactName>(['region']) : new Set(),
        evidence: result.value === true || result.needsRegion || result.regionFigure === true,
        ...(result.regionFigure ? { regionFigure: true } : {}),
      };
    }
    case 'not': {
      const inner = evaluate(c.item, facts, figures);
      return { ...inner, value: inner.value === undefined ? undefined : !inner.value };
    }
    case 'all':
    case 'any': {
      const parts = c.items.map((item) => evaluate(item, facts, figures));
      const decisive = c.kind !== 'all';
      const evidence = parts.some((p) => p.evidence);
      if (parts.some((p) => p.value === decisive)) return { value: decisive, missing: new Set(), evidence };
      const unknown = parts.filter((p) => p.value === undefined);
      if (unknown.length === 0) return { value: !decisive, missing: new Set(), evidence };
      return {
        value: undefined,
        missing: new Set(unknown.flatMap((p) => [...p.missing])),
        evidence,
        ...(unknown.some((p) => p.regionFigure) ? { regionFigure: true } : {}),
      };
    }
  }
}

/** Whether the measure exists where the family lives. */
function regionGate(measure: BenefitMeasure, facts: Facts): Evaluation {
  if (measure.regions.includes('federal')) return { value: true, missing: new Set(), evidence: false };
  const region = facts.region;
  if (region === undefined) return { value: undefined, missing: new Set(['region']), evidence: false };
  return {
    value: (measure.regions as string[]).includes(String(region)),
    missing: new Set(),
    evidence: true,
  };
}

/** The measures likely for this household and those that depend on details, in the rules' order. */
export function evaluateBenefits(rules: BenefitRules, facts: Facts, figures: FigureTable): MeasureResult[] {
  const results: MeasureResult[] = [];
  for (const measure of rules.measures) {
    const gate = regionGate(measure, facts);
    if (gate.value === false) continue;
    const when = evaluate(measure.when, facts, figures);
    if (when.value === false) continue;
    if (when.value === true && gate.value === true) {
      // What `unasked` names may be told by the answers after all (a pensioner living alone typed their own income).
      const answered = measure.answeredWhen && evaluate(measure.answeredWhen, facts, figures).value === true;
      results.push(
        measure.unasked && !answered
          ? { measure, status: 'depends', missing: [] }
          : { measure, status: 'likely', missing: [] },
      );
      continue;
    }
    // Unknown: worth mentioning only when something about this family already points to it.
    if (!when.evidence && !(gate.value === undefined && when.value === true)) continue;
    results.push({
      measure,
      status: 'depends',
      missing: [...new Set([...gate.missing, ...when.missing])],
      ...(when.regionFigure ? { regionFigure: true } : {}),
    });
  }
  return results;
}

/** The regional per-capita subsistence minimum the income is compared with, for the summary line. */
export function subsistenceMinimum(
  figures: FigureTable,
  region: string | undefined,
): { value: number; region: 'perm' | 'volgograd' | 'federal' } | undefined {
  const figure = figures.get('pm-per-capita');
  if (!figure) return undefined;
  const key = region === 'perm' || region === 'volgograd' ? region : 'federal';
  const value = figure.values[key]?.value;
  return value === undefined ? undefined : { value, region: key };
}
