import { describe, expect, it } from 'vitest';
import {
  type ClassifiedReply,
  EvalFileError,
  type EvalResult,
  formatReport,
  parseEvalFile,
  scoreReply,
  summarize,
} from '../../../src/search/evaluation.js';

const labels = new Set(['unified-child-benefit', 'maternity-capital', 'talk-to-consultant', 'out-of-scope']);
const answer = (topic: string): ClassifiedReply => ({ outcome: 'answer', topics: [topic] });
const clarify = (...topics: string[]): ClassifiedReply => ({ outcome: 'clarify', topics });
const handoff: ClassifiedReply = { outcome: 'handoff', topics: [] };
const refuse: ClassifiedReply = { outcome: 'refuse', topics: [] };
const other: ClassifiedReply = { outcome: 'other', topics: [] };

describe('parseEvalFile', () => {
  it('reads one case a line with its line number, skipping blank lines', () => {
    const cases = parseEvalFile(
      '{"q": "детские на второго", "topic": "unified-child-benefit"}\n\n{"q":"мск","topic":"maternity-capital"}\n',
      labels,
    );
    expect(cases).toEqual([
      { line: 1, q: 'детские на второго', topic: 'unified-child-benefit' },
      { line: 3, q: 'мск', topic: 'maternity-capital' },
    ]);
  });

  it('rejects an unknown topic label, naming the line', () => {
    expect(() =>
      parseEvalFile('{"q":"a","topic":"unified-child-benefit"}\n{"q":"b","topic":"nope"}', labels),
    ).toThrow(/line 2: unknown topic label "nope"/);
  });

  it('rejects broken JSON, missing fields and empty files', () => {
    expect(() => parseEvalFile('{"q": "a", ', labels)).toThrow(EvalFileError);
    expect(() => parseEvalFile('{"topic":"out-of-scope"}', labels)).toThrow(/"q"/);
    expect(() => parseEvalFile('{"q":"a"}', labels)).toThrow(/"topic"/);
    expect(() => parseEvalFile('\n\n', labels)).toThrow(/no questions/);
  });
});

describe('scoreReply', () => {
  it('scores a topic label', () => {
    expect(scoreReply('maternity-capital', answer('maternity-capital'))).toBe('correct');
    expect(scoreReply('maternity-capital', clarify('unified-child-benefit', 'maternity-capital'))).toBe(
      'clarified',
    );
    expect(scoreReply('maternity-capital', clarify('unified-child-benefit'))).toBe('missed');
    expect(scoreReply('maternity-capital', answer('unified-child-benefit'))).toBe('wrong');
    expect(scoreReply('maternity-capital', handoff)).toBe('missed');
    expect(scoreReply('maternity-capital', refuse)).toBe('missed');
  });

  it('scores talk-to-consultant: a hand-off is correct', () => {
    expect(scoreReply('talk-to-consultant', handoff)).toBe('correct');
    expect(scoreReply('talk-to-consultant', answer('talk-to-consultant'))).toBe('correct');
    expect(scoreReply('talk-to-consultant', answer('maternity-capital'))).toBe('wrong');
    expect(scoreReply('talk-to-consultant', refuse)).toBe('missed');
  });

  it('scores out-of-scope: refusing or handing off is correct, any answer is wrong', () => {
    expect(scoreReply('out-of-scope', refuse)).toBe('correct');
    expect(scoreReply('out-of-scope', handoff)).toBe('correct');
    expect(scoreReply('out-of-scope', answer('maternity-capital'))).toBe('wrong');
    expect(scoreReply('out-of-scope', clarify('maternity-capital'))).toBe('clarified');
    expect(scoreReply('out-of-scope', other)).toBe('missed');
  });
});

describe('summarize and formatReport', () => {
  const result = (q: string, topic: string, reply: ClassifiedReply, ms = 2): EvalResult => ({
    case: { line: 1, q, topic },
    reply,
    verdict: scoreReply(topic, reply),
    ms,
  });
  const results = [
    result('a', 'maternity-capital', answer('maternity-capital'), 1),
    result('b', 'maternity-capital', clarify('maternity-capital', 'unified-child-benefit'), 3),
    result('c', 'unified-child-benefit', answer('maternity-capital'), 2),
    result('d', 'out-of-scope', refuse, 2),
  ];

  it('counts verdicts and rates', () => {
    expect(summarize(results)).toEqual({
      n: 4,
      correct: 2,
      clarified: 1,
      wrong: 1,
      missed: 0,
      accuracy: 0.5,
      answered_or_clarified: 0.75,
      wrong_rate: 0.25,
      ms_per_question: 2,
    });
  });

  it('ends the report with the summary as one JSON line, after per-topic and per-outcome tables', () => {
    const report = formatReport(results);
    const lines = report.split('\n');
    expect(JSON.parse(lines.at(-1)!)).toEqual(summarize(results));
    expect(report).toContain('Per expected topic:');
    expect(report).toContain('Per outcome of the first reply:');
    expect(report).toMatch(
      /wrong\s+line 1: expected unified-child-benefit, got answer maternity-capital \| c/,
    );
  });
});
