/**
 * Benefit rules as data: `data/benefits/*.yaml` declare, for each measure, the conditions over the household's
 * facts (and the figures of `data/figures.yaml`) under which the family is likely entitled to it. This module reads
 * and validates them, naming the file and line of every problem for curators (`npm run kb:check`).
 *
 * A condition is `{all: [...]}`, `{any: [...]}`, `{not: ...}` or a one-key test `{<fact>: <test>}`:
 * - boolean fact: `pregnant: true`;
 * - enum fact: a value, a list of values, or `{not: value-or-list}`;
 * - number fact: `{min: 1}`, `{max: 2}` or both;
 * - money fact: `{below: pm-per-capita*1.5}`, `{at_least: pm-per-capita}` (a figure key with an optional factor,
 *   or a number of roubles).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import { REGIONS, type Region } from '../../knowledge/entry.js';
import type { FigureTable } from '../../knowledge/figures.js';
import type { KnowledgeProblem } from '../../knowledge/problems.js';
import { FACTS, type FactKind, type FactName, isFactName } from './household.js';

/** A money threshold: a figure (regional ones resolve per region) times a factor, or plain roubles. */
export type Threshold = { figure: string; factor: number } | { roubles: number };

export type FactTest =
  | { op: 'is'; value: boolean }
  | { op: 'in'; values: string[]; negate: boolean }
  | { op: 'range'; min?: number; max?: number }
  | { op: 'money'; atLeast?: Threshold; below?: Threshold };

export type Condition =
  | { kind: 'all'; items: Condition[] }
  | { kind: 'any'; items: Condition[] }
  | { kind: 'not'; item: Condition }
  | { kind: 'test'; fact: FactName; test: FactTest };

export interface BenefitMeasure {
  id: string;
  /** Short title for the result line and the button (at most 36 characters: VK cuts labels at 40). */
  title: string;
  /** The knowledge-base entry the button opens. */
  entry: string;
  /** Where the measure exists: `federal` for all of Russia, or the regions of a regional measure. */
  regions: Region[];
  when: Condition;
  /** One line: why it fits, shown with a "likely" result. */
  reason: string;
  /** One line: what else decides it that the questionnaire does not ask; such a measure is listed as "depends". */
  unasked?: string;
  /**
   * When the answers tell what `unasked` names after all: the measure is then "likely". The supplement to the pension
   * counts the pensioner's own income, not the family's; for someone living alone the two are the same.
   */
  answeredWhen?: Condition;
  /** File and line, for curator messages. */
  file: string;
  line?: number;
}

export interface BenefitRules {
  measures: readonly BenefitMeasure[];
}

const ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
const FIGURE_THRESHOLD = /^([a-z0-9-]+)(?:\*([0-9]+(?:\.[0-9]+)?))?$/;
/** The button shows "✅ " and the title, and VK cuts labels at 40 characters. */
const MAX_TITLE = 36;
const MAX_LINE = 200;

interface ParseContext {
  file: string;
  lines: LineCounter;
  problems: KnowledgeProblem[];
  figures: FigureTable;
}

function lineOf(ctx: ParseContext, node: unknown): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? ctx.lines.linePos(range[0]).line : undefined;
}

function problem(ctx: ParseContext, node: unknown, message: string): undefined {
  ctx.problems.push({ severity: 'error', file: ctx.file, line: lineOf(ctx, node), message });
  return undefined;
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

function parseThreshold(ctx: ParseContext, node: unknown, what: string): Threshold | undefined {
  const value = scalarValue(node);
  if (typeof value === 'number' && value >= 0) return { roubles: value };
  const m = typeof value === 'string' ? FIGURE_THRESHOLD.exec(value.trim()) : null;
  if (!m)
    return problem(ctx, node, `${what} must be a figure key like "pm-per-capita" or "pm-per-capita*1.5"`);
  const figure = ctx.figures.get(m[1]!);
  if (!figure) return problem(ctx, node, `${what}: unknown figure "${m[1]}" (see data/figures.yaml)`);
  if (figure.unit !== 'rub')
    return problem(ctx, node, `${what}: figure "${m[1]}" is not an amount in roubles`);
  return { figure: m[1]!, factor: m[2] ? Number(m[2]) : 1 };
}

function enumValues(ctx: ParseContext, fact: FactName, node: unknown): string[] | undefined {
  const kind: FactKind = FACTS[fact];
  if (kind.type !== 'enum') return undefined;
  const raw = isSeq(node) ? node.items : [node];
  const values: string[] = [];
  for (const item of raw) {
    const v = scalarValue(item);
    const s = typeof v === 'number' ? String(v) : v;
    if (typeof s !== 'string' || !kind.values.includes(s)) {
      return problem(
        ctx,
        item,
        `"${fact}" takes one of ${kind.values.join(', ')}; "${String(v)}" is not one of them`,
      );
    }
    values.push(s);
  }
  return values.length > 0 ? values : problem(ctx, node, `"${fact}" needs at least one value`);
}

function parseTest(ctx: ParseContext, fact: FactName, node: unknown): FactTest | undefined {
  const kind: FactKind = FACTS[fact];
  switch (kind.type) {
    case 'boolean': {
      const v = scalarValue(node);
      return typeof v === 'boolean'
        ? { op: 'is', value: v }
        : problem(ctx, node, `"${fact}" takes true or false`);
    }
    case 'enum': {
      if (isMap(node)) {
        const keys = node.items.map((p) => String(scalarValue(p.key)));
        if (keys.length !== 1 || (keys[0] !== 'not' && keys[0] !== 'in'))
          return problem(ctx, node, `"${fact}" takes a value, a list of values, or {not: ...}`);
        const values = enumValues(ctx, fact, node.items[0]!.value);
        return values ? { op: 'in', values, negate: keys[0] === 'not' } : undefined;
      }
      const values = enumValues(ctx, fact, node);
      return values ? { op: 'in', values, negate: false } : undefined;
    }
    case 'number': {
      const exact = scalarValue(node);
      if (typeof exact === 'number') return { op: 'range', min: exact, max: exact };
      if (!isMap(node)) return problem(ctx, node, `"${fact}" takes a number or {min: n, max: n}`);
      const test: { op: 'range'; min?: number; max?: number } = { op: 'range' };
      for (const pair of node.items) {
        const key = String(scalarValue(pair.key));
        const v = scalarValue(pair.value);
        if ((key !== 'min' && key !== 'max') || typeof v !== 'number')
          return problem(
            ctx,
            pair.key,
            `"${fact}" takes {min: n, max: n} with numbers; "${key}" is not allowed`,
          );
        test[key] = v;
      }
      return test.min === undefined && test.max === undefined
        ? problem(ctx, node, `"${fact}" needs min or max`)
        : test;
    }
    case 'money': {
      if (!isMap(node))
        return problem(ctx, node, `"${fact}" takes {below: <figure>} and/or {at_least: <figure>}`);
      const test: { op: 'money'; atLeast?: Threshold; below?: Threshold } = { op: 'money' };
      for (const pair of node.items) {
        const key = String(scalarValue(pair.key));
        if (key !== 'below' && key !== 'at_least')
          return problem(ctx, pair.key, `"${fact}" takes below and at_least; "${key}" is not allowed`);
        const threshold = parseThreshold(ctx, pair.value, `${fact}.${key}`);
        if (!threshold) return undefined;
        if (key === 'below') test.below = threshold;
        else test.atLeast = threshold;
      }
      return test.below || test.atLeast ? test : problem(ctx, node, `"${fact}" needs below or at_least`);
    }
  }
}

/** Parses one condition node; problems are recorded with their line. */
function parseCondition(ctx: ParseContext, node: unknown): Condition | undefined {
  if (!isMap(node) || node.items.length !== 1) {
    return problem(
      ctx,
      node,
      'a condition is {all: [...]}, {any: [...]}, {not: ...} or one test such as {children: {min: 1}}',
    );
  }
  const pair = (node as YAMLMap).items[0]!;
  const key = String(scalarValue(pair.key));
  if (key === 'all' || key === 'any') {
    if (!isSeq(pair.value) || pair.value.items.length === 0)
      return problem(ctx, pair.key, `"${key}" takes a non-empty list of conditions`);
    const items = pair.value.items.map((item) => parseCondition(ctx, item));
    return items.every((c): c is Condition => c !== undefined) ? { kind: key, items } : undefined;
  }
  if (key === 'not') {
    const item = parseCondition(ctx, pair.value);
    return item ? { kind: 'not', item } : undefined;
  }
  if (!isFactName(key)) {
    return problem(
      ctx,
      pair.key,
      `unknown answer "${key}"; rules can use ${Object.keys(FACTS).join(', ')} (see data/benefits/README.md)`,
    );
  }
  const test = parseTest(ctx, key, pair.value);
  return test ? { kind: 'test', fact: key, test } : undefined;
}

function text(
  ctx: ParseContext,
  map: YAMLMap,
  key: string,
  required: boolean,
  max: number,
): string | undefined {
  const node = map.get(key, true);
  const v = scalarValue(node);
  if (v === undefined || v === null || v === '') {
    if (required) problem(ctx, map, `"${key}" is required`);
    return undefined;
  }
  if (typeof v !== 'string') return problem(ctx, node, `"${key}" must be text`);
  const trimmed = v.trim().replace(/\s+/g, ' ');
  if (trimmed.length > max)
    return problem(ctx, node, `"${key}" is ${trimmed.length} characters; keep it within ${max}`);
  return trimmed;
}

/** Reads one rules file. */
function parseRulesFile(
  dataDir: string,
  name: string,
  figures: FigureTable,
): { measures: BenefitMeasure[]; problems: KnowledgeProblem[] } {
  const file = `data/benefits/${name}`;
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(join(dataDir, 'benefits', name), 'utf8'), { lineCounter: lines });
  const ctx: ParseContext = { file, lines, problems: [], figures };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      ctx.problems.push({
        severity: 'error',
        file,
        line: e.linePos?.[0]?.line,
        message: `YAML syntax: ${e.message.split('\n')[0]}`,
      });
    }
    return { measures: [], problems: ctx.problems };
  }
  const list = isMap(doc.contents) ? doc.contents.get('measures', true) : undefined;
  if (!isSeq(list)) {
    problem(ctx, doc.contents, 'the file must have a top-level "measures:" list');
    return { measures: [], problems: ctx.problems };
  }
  const measures: BenefitMeasure[] = [];
  for (const item of list.items) {
    if (!isMap(item)) {
      problem(ctx, item, 'each measure is a map with id, title, entry, regions, when and reason');
      continue;
    }
    const before = ctx.problems.length;
    const known = new Set(['id', 'title', 'entry', 'regions', 'when', 'reason', 'unasked', 'answered_when']);
    for (const pair of item.items) {
      const key = String(scalarValue(pair.key));
      if (!known.has(key))
        problem(ctx, pair.key, `unknown field "${key}" (allowed: ${[...known].join(', ')})`);
    }
    const id = text(ctx, item, 'id', true, 40);
    if (id !== undefined && !ID.test(id))
      problem(
        ctx,
        item.get('id', true),
        `id "${id}" must use 2–40 lower-case latin letters, digits and dashes`,
      );
    const title = text(ctx, item, 'title', true, MAX_TITLE);
    const entry = text(ctx, item, 'entry', true, 40);
    const reason = text(ctx, item, 'reason', true, MAX_LINE);
    const unasked = text(ctx, item, 'unasked', false, MAX_LINE);
    const regionsNode = item.get('regions', true);
    const regions: Region[] = [];
    if (!isSeq(regionsNode) || regionsNode.items.length === 0) {
      problem(ctx, regionsNode ?? item, '"regions" must be a list of federal, perm, volgograd');
    } else {
      for (const r of regionsNode.items) {
        const v = scalarValue(r);
        if (typeof v === 'string' && (REGIONS as readonly string[]).includes(v)) regions.push(v as Region);
        else problem(ctx, r, `region "${String(v)}" is not one of ${REGIONS.join(', ')}`);
      }
    }
    const whenNode = item.get('when', true);
    const when =
      whenNode === undefined
        ? problem(ctx, item, '"when" (the conditions) is required')
        : parseCondition(ctx, whenNode);
    const answeredNode = item.get('answered_when', true);
    const answeredWhen = answeredNode === undefined ? undefined : parseCondition(ctx, answeredNode);
    if (answeredNode !== undefined && !unasked)
      problem(
        ctx,
        answeredNode,
        '"answered_when" says when the answers tell what "unasked" names: add "unasked"',
      );
    if (ctx.problems.length > before || !id || !title || !entry || !reason || !when) continue;
    measures.push({
      id,
      title,
      entry,
      regions,
      when,
      reason,
      ...(unasked ? { unasked } : {}),
      ...(answeredWhen ? { answeredWhen } : {}),
      file,
      ...(lineOf(ctx, item) !== undefined ? { line: lineOf(ctx, item) } : {}),
    });
  }
  return { measures, problems: ctx.problems };
}

/**
 * Reads every `data/benefits/*.yaml`. Measures with problems are left out and reported; `entryExists` checks the
 * knowledge-base links (pass the loaded knowledge base's lookup).
 */
export function loadBenefitRules(
  dataDir: string,
  options: { figures: FigureTable; entryExists(id: string): boolean },
): { rules: BenefitRules; problems: KnowledgeProblem[] } {
  let names: string[];
  try {
    names = readdirSync(join(dataDir, 'benefits'))
      .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
      .sort();
  } catch {
    return {
      rules: { measures: [] },
      problems: [
        { severity: 'error', file: 'data/benefits', message: 'the folder with benefit rules is missing' },
      ],
    };
  }
  const problems: KnowledgeProblem[] = [];
  const measures: BenefitMeasure[] = [];
  const seen = new Map<string, BenefitMeasure>();
  for (const name of names) {
    const parsed = parseRulesFile(dataDir, name, options.figures);
    problems.push(...parsed.problems);
    for (const m of parsed.measures) {
      const other = seen.get(m.id);
      if (other) {
        problems.push({
          severity: 'error',
          file: m.file,
          line: m.line,
          message: `measure id "${m.id}" is also used in ${other.file}${other.line ? `:${other.line}` : ''}`,
        });
        continue;
      }
      if (!options.entryExists(m.entry)) {
        problems.push({
          severity: 'error',
          file: m.file,
          line: m.line,
          message: `measure "${m.id}" links to entry "${m.entry}", which is not in data/faq`,
        });
        continue;
      }
      seen.set(m.id, m);
      measures.push(m);
    }
  }
  if (measures.length === 0 && problems.length === 0)
    problems.push({ severity: 'error', file: 'data/benefits', message: 'no benefit rules found' });
  return { rules: { measures }, problems };
}
