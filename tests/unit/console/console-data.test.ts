/** The console's data files are valid as shipped, and the HTML helper escapes what it must. */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createCannedAnswers } from '../../../src/console/canned-answers.js';
import { html, safeUrl } from '../../../src/console/views/html.js';

describe('console data and views', () => {
  it('ships canned answers in groups, each with an id, a title and text', () => {
    const answers = createCannedAnswers('data/console/canned-answers.yaml', pino({ level: 'silent' })).list();
    expect(answers.length).toBeGreaterThanOrEqual(8);
    expect(new Set(answers.map((a) => a.id)).size).toBe(answers.length);
    expect(answers.find((a) => a.id === 'crisis')?.text).toMatch(/112/);
  });

  it('escapes every interpolated value, keeps nested html, and lets only http(s) links out', () => {
    const name = '<img src=x onerror=alert(1)> & "quotes"';
    const out = html`<p title="${name}">${name} ${html`<b>${'<i>'}</b>`} ${[1, '<2>']}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;">&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; <b>&lt;i&gt;</b> 1&lt;2&gt;</p>',
    );
    expect(safeUrl('javascript:alert(1)')).toBe('#');
    expect(safeUrl('https://sfr.gov.ru')).toBe('https://sfr.gov.ru');
  });
});
