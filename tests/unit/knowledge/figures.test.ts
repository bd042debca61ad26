/** Regional figures filled into a text while the citizen's region is not known. */
import { describe, expect, it } from 'vitest';
import { type Figure, type FigurePhrases, fillFigures } from '../../../src/knowledge/figures.js';

const value = (v: number) => ({
  value: v,
  period: '2026',
  asOf: '2026-01-01',
  source: 'https://example.org/',
});
const child: Figure = {
  key: 'pm-child',
  title: 'ПМ детей',
  unit: 'rub',
  regional: true,
  values: { federal: value(18_000), perm: value(17_000), volgograd: value(16_000) },
};
const figures = new Map([[child.key, child]]);
const phrases: FigurePhrases = {
  federalApprox: (v, served) =>
    served.length === 0
      ? `${v} (в среднем)`
      : `${v} (в среднем; ${served.map((s) => `${s.region} ${s.value}`).join(', ')})`,
};

describe('regional figures while the region is unknown', () => {
  it("name the served regions' own beside the one figure of a line", () => {
    const { text, usedFederalFallback } = fillFigures(
      'ПМ ребёнка — {{fig:pm-child}}.',
      figures,
      undefined,
      phrases,
    );
    expect(text).toBe(
      'ПМ ребёнка — 18\u00a0000\u00a0₽ (в среднем; perm 17\u00a0000\u00a0₽, volgograd 16\u00a0000\u00a0₽).',
    );
    expect(usedFederalFallback).toBe(true);
  });

  it("say the average alone, once, when a line has several (the regions' values read as if for all of them)", () => {
    const { text } = fillFigures(
      '50% — {{fig:pm-child*0.5}}, 75% — {{fig:pm-child*0.75}} или {{fig:pm-child}}.\nВсего {{fig:pm-child}}.',
      figures,
      undefined,
      phrases,
    );
    expect(text).toBe(
      '50% — 9\u00a0000\u00a0₽ (в среднем), 75% — 13\u00a0500\u00a0₽ или 18\u00a0000\u00a0₽.\nВсего 18\u00a0000\u00a0₽.',
    );
  });

  it("use the region's own figure when it is known", () => {
    expect(fillFigures('{{fig:pm-child*0.5}} и {{fig:pm-child}}', figures, 'perm', phrases).text).toBe(
      '8\u00a0500\u00a0₽ и 17\u00a0000\u00a0₽',
    );
  });
});
