/** Reads and validates `data/figures.yaml`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { REGIONS, type Region } from './entry.js';
import type { Figure } from './figures.js';
import type { KnowledgeProblem } from './problems.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

const valueSchema = z.object({
  value: z.number({ error: 'value must be a number' }),
  period: z.union([z.string(), z.number()]).transform(String),
  as_of: isoDate,
  source: z.string().min(3, 'source is missing'),
});

const figureSchema = z.object({
  title: z.string().min(1),
  unit: z.enum(['rub', 'percent', 'number']),
  regional: z.boolean(),
  /** When the values are next expected to change (an indexation date): entries using them are re-checked before. */
  next_change: isoDate.optional(),
  values: z.partialRecord(z.enum(REGIONS), valueSchema),
});

export function loadFigures(dataDir: string): { figures: Map<string, Figure>; problems: KnowledgeProblem[] } {
  const file = 'data/figures.yaml';
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(join(dataDir, 'figures.yaml'), 'utf8'), { lineCounter: lines });
  const problems: KnowledgeProblem[] = doc.errors.map((e) => ({
    severity: 'error' as const,
    file,
    line: e.linePos?.[0]?.line,
    message: `YAML syntax: ${e.message.split('\n')[0]}`,
  }));
  const figures = new Map<string, Figure>();
  if (problems.length > 0) return { figures, problems };
  const root = doc.get('figures', true);
  if (!isMap(root)) {
    problems.push({ severity: 'error', file, message: 'the file must have a top-level "figures:" map' });
    return { figures, problems };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = isScalar(pair.key) && pair.key.range ? lines.linePos(pair.key.range[0]).line : undefined;
    if (!/^[a-z0-9-]+$/.test(key)) {
      problems.push({
        severity: 'error',
        file,
        line,
        message: `figure key "${key}" must use a-z, 0-9 and dashes`,
      });
      continue;
    }
    const parsed = figureSchema.safeParse((pair.value as { toJSON(): unknown } | null)?.toJSON());
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          severity: 'error',
          file,
          line,
          message: `figure "${key}": ${issue.path.join('.')} ${issue.message}`,
        });
      }
      continue;
    }
    const f = parsed.data;
    if (f.regional && !f.values.federal) {
      problems.push({
        severity: 'error',
        file,
        line,
        message: `regional figure "${key}" needs a federal (all-Russia) value`,
      });
    }
    if (!f.regional && Object.keys(f.values).length !== 1) {
      problems.push({
        severity: 'error',
        file,
        line,
        message: `figure "${key}" is not regional, so it takes exactly one value`,
      });
    }
    const values: Figure['values'] = {};
    for (const [region, v] of Object.entries(f.values) as [Region, z.infer<typeof valueSchema>][]) {
      values[region] = { value: v.value, period: v.period, asOf: v.as_of, source: v.source };
    }
    figures.set(key, {
      key,
      title: f.title,
      unit: f.unit,
      regional: f.regional,
      values,
      ...(f.next_change ? { nextChange: f.next_change } : {}),
    });
  }
  return { figures, problems };
}
