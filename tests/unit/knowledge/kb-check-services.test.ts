/**
 * kb:check on the citizen services' data: benefit rules (data/benefits/) and the agency directory
 * (data/agencies/). Broken fixtures beside this test; every problem is named with its file and line.
 */
import { describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../../src/knowledge/check-knowledge.js';

const broken = 'tests/unit/knowledge/fixtures/broken-services';

describe('kb:check on benefit rules and the agency directory', () => {
  const report = checkKnowledge(broken, { today: '2026-11-23' });
  const text = report.text;

  it.each([
    [/ERROR data\/benefits\/broken\.yaml:16: unknown answer "pets"; rules can use region, children/],
    [/ERROR data\/benefits\/broken\.yaml:23: income_per_person\.below: unknown figure "pm-martian"/],
    [
      /ERROR data\/benefits\/broken\.yaml:25: measure "missing-entry" links to entry "no-such-entry", which is not in data\/faq/,
    ],
    [/ERROR data\/benefits\/broken\.yaml:35: region "moscow" is not one of federal, perm, volgograd/],
    [
      /ERROR data\/benefits\/broken\.yaml:37: "employment" takes one of working, .*"astronaut" is not one of them/,
    ],
    [/ERROR data\/benefits\/broken\.yaml:39: "reason" is required/],
    [
      /ERROR data\/benefits\/broken\.yaml:45: measure id "good-measure" is also used in data\/benefits\/broken\.yaml:3/,
    ],
    [
      /ERROR data\/benefits\/broken\.yaml:60: "answered_when" says when the answers tell what "unasked" names: add "unasked"/,
    ],
    [/ERROR data\/benefits\/syntax\.yaml:\d+: YAML syntax/],
    [/ERROR data\/agencies\/perm\.yaml:12: place "perm": centre needs centre_source/],
    [/ERROR data\/agencies\/perm\.yaml:29: agency "no-source": source is required/],
    [
      /ERROR data\/agencies\/perm\.yaml:36: agency "empty-phone": phone is empty: leave the field out when no source gives it/,
    ],
    [
      /ERROR data\/agencies\/perm\.yaml:45: agency "bad-hours": hours "mon-fri: 9 to 6": write times as 09:00-18:00/,
    ],
    [
      /ERROR data\/agencies\/perm\.yaml:54: agency "unknown-place": place "atlantis" is not in this file's places/,
    ],
    [/ERROR data\/agencies\/perm\.yaml:62: agency "bad-kind": kind must be one of/],
    [
      /ERROR data\/agencies\/perm\.yaml:62: agency "bad-kind": as_of must be YYYY, YYYY-MM, YYYY-MM-DD or "unknown"/,
    ],
    [/ERROR data\/agencies\/volgograd\.yaml: hotlines needs at least the regional hotline/],
  ])('reports %s', (pattern) => {
    expect(text).toMatch(pattern);
  });

  it('keeps the good records, says where the directory is thin, and fails', () => {
    expect(text).toMatch(/Benefit rules: 1 measures\./);
    expect(text).toMatch(/warning data\/agencies\/perm\.yaml: thin directory: no sfr-client-service/);
    // A local number cannot be dialled from a mobile: a warning, the record is kept (its full number is not flagged).
    expect(text).toMatch(
      /warning data\/agencies\/perm\.yaml:70: agency "local-phone": phone "4-12-32" has no area code/,
    );
    expect(text).not.toMatch(/phone "8 \(34248\) 4-12-33"/);
    expect(report.errors).toBe(17);
    expect(text).toMatch(/FAILED: 17 error\(s\)/);
  });

  it('passes the project data and prints the directory size per region', () => {
    const project = checkKnowledge('data');
    expect(project.errors).toBe(0);
    expect(project.text).toMatch(
      /perm: 8 offices \(sfr-client-service 0, social-protection 1, mfc 6, regional-ministry 1\); 2 hotlines/,
    );
    expect(project.text).toMatch(
      /volgograd: 7 offices \(sfr-client-service 0, social-protection 3, mfc 3, regional-ministry 1\); 1 hotlines/,
    );
  });
});
