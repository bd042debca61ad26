import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../../src/knowledge/check-knowledge.js';
import { loadTaxonomy } from '../../../src/knowledge/load-taxonomy.js';

const fixtures = 'tests/unit/knowledge/fixtures';

function runCli(dataDir: string): { code: number; out: string } {
  try {
    const out = execFileSync('npx', ['tsx', 'scripts/kb-check.ts', '--data', dataDir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, out };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}

describe('kb:check', () => {
  it('passes valid data and reports coverage per topic', () => {
    const report = checkKnowledge(`${fixtures}/valid`, { today: '2026-11-23' });
    expect(report.errors).toBe(0);
    expect(report.coverage).toEqual({ 'unified-child-benefit': 1, 'maternity-capital': 1 });
    expect(report.text).toMatch(/2 entries, 2\/2 topics covered/);
  });

  it('names the file and line of every problem a curator must fix', () => {
    const report = checkKnowledge(`${fixtures}/broken`, { today: '2026-11-23' });
    const text = report.text;
    expect(text).toMatch(/ERROR .*unknown-topic\.md:3: unknown topic "flying-cars"/);
    expect(text).toMatch(
      /ERROR .*dup-b\.md:7: example question "Одинаковый вопрос про пособие!" is also in entry "dup-a"/,
    );
    expect(text).toMatch(/ERROR .*dup-a\.md: unknown figure "\{\{fig:no-such-figure\}\}"/);
    expect(text).toMatch(/warning .*dup-a\.md: review_by 2025-01-01 is past/);
    expect(text).toMatch(
      /warning .*dup-b\.md: review_by 2027-01-01 is not before \{\{fig:pm-child\}\} changes \(2027-01-01\)/,
    );
    expect(text).toMatch(/ERROR .*no-sources\.md:13: sources: needs at least one source/);
    expect(text).toMatch(/ERROR .*bad-yaml\.md:\d+: YAML syntax/);
    expect(text).toMatch(/ERROR .*wrong-name\.md:2: id "other-name" must equal the file name "wrong-name"/);
    expect(text).toMatch(/ERROR .*wrong-name\.md:19: text outside any section/);
    expect(text).toMatch(/ERROR .*topic "maternity-capital" \(Материнский капитал\) has no entry/);
    expect(report.errors).toBeGreaterThanOrEqual(8);
  });

  it('reports an example question that does not name the group an entry requires (the entry would not answer it)', () => {
    const report = checkKnowledge(`${fixtures}/broken`, { today: '2026-11-23' });
    expect(report.text).toMatch(
      /ERROR .*for-conscripts\.md: example question "выплата беременной жене" names none of `requires`/,
    );
    expect(report.text).not.toMatch(/example question "пособие жене срочника"/);
  });

  it("warns when none of an overview's example questions names its group (`overview_for` misspelt: it would never be preferred)", () => {
    const report = checkKnowledge(`${fixtures}/broken`, { today: '2026-11-23' });
    expect(report.text).toMatch(
      /warning .*overview-typo\.md: no example question names the group of `overview_for`/,
    );
    expect(report.text).not.toMatch(/for-conscripts\.md: no example question names the group/);
  });

  it('reports a `same_measure` id that names no entry or the entry itself (a follow-up would get no part or its own)', () => {
    const report = checkKnowledge(`${fixtures}/broken`, { today: '2026-11-23' });
    expect(report.text).toMatch(/ERROR .*same-measure-slip\.md: same_measure: no entry "no-such-entry"/);
    expect(report.text).toMatch(
      /ERROR .*same-measure-slip\.md: same_measure: "same-measure-slip" is not another entry of topic/,
    );
    expect(report.text).not.toMatch(/same_measure: "overview-typo"/);
  });

  it('reports a `see_also` id that names no entry or one of the entry’s own topic (the button would be missing or the search’s own)', () => {
    const report = checkKnowledge(`${fixtures}/broken`, { today: '2026-11-23' });
    expect(report.text).toMatch(/ERROR .*overview-typo\.md: see_also: no entry "no-such-entry"/);
    expect(report.text).toMatch(
      /ERROR .*same-measure-slip\.md: see_also: "overview-typo" is of the entry's own topic/,
    );
  });

  it('reports a `menu_order` that is not a whole number from 1', () => {
    const report = checkKnowledge(`${fixtures}/broken`, { today: '2026-11-23' });
    expect(report.text).toMatch(/ERROR .*menu-order-slip\.md:6: menu_order: must be a whole number from 1/);
  });

  it("reports a part's own name that is too long for a button or names a part the entry lacks", () => {
    const report = checkKnowledge(`${fixtures}/broken`, { today: '2026-11-23' });
    expect(report.text).toMatch(
      /ERROR .*part-names-long\.md:6: section_titles\.legal: keep a part's name within 32 characters/,
    );
    expect(report.text).toMatch(
      /ERROR .*part-names\.md:6: section_titles\.documents: the entry has no such part/,
    );
    expect(report.text).not.toMatch(/part-names\.md.*section_titles\.amount/);
  });

  it("counts the served regions' sums a regional figure shows while the region is unknown in a short answer's length", () => {
    const report = checkKnowledge(`${fixtures}/broken`, { today: '2026-11-23' });
    expect(report.text).toMatch(
      /ERROR .*long-regional\.md:12: short answer is 618 characters with figures filled in; keep it within 600/,
    );
  });

  it('reports an unknown section heading with its line', () => {
    const report = checkKnowledge(`${fixtures}/broken`, { today: '2026-11-23' });
    expect(report.text).toMatch(/dup-b\.md:22: unknown heading "Секретный раздел"/);
  });

  // Two cold starts of npx and tsx: ~3 s each on a quiet machine, but past the default 30 s together when the machine
  // runs other suites (it timed out twice at a load average of 20).
  it('exits 1 on errors and 0 on valid data (CI runs it)', { timeout: 90_000 }, () => {
    expect(runCli(`${fixtures}/broken`).code).toBe(1);
    const ok = runCli(`${fixtures}/valid`);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/OK: 0 errors/);
  });

  it('the project knowledge base passes and covers every topic', () => {
    const report = checkKnowledge('data');
    expect(report.errors).toBe(0);
    expect(Object.values(report.coverage).every((n) => n > 0)).toBe(true);
    expect(Object.values(report.coverage).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(80);
  });

  it('no topic in the menus advertises the 1 200 ₽ care payment, abolished from 2025 (the shared title still names it)', () => {
    const care = loadTaxonomy('data').topics.find((t) => t.slug === 'elderly-care-compensation');
    expect(care?.title).toMatch(/80\+/);
    expect(care?.title).not.toMatch(/1 200/);
  });
});
