/**
 * The evaluation contract of /work/shared/kb/README.md as pure functions: read a JSONL file of citizen messages
 * with expected topics, score each first reply, sum up, and format the report whose last line is one JSON object.
 * `scripts/eval.ts` only adds the files and the clock.
 */

/** The classified first reply (the same shape as `FirstReply` of src/app/first-reply-probe.ts). */
export interface ClassifiedReply {
  outcome: 'answer' | 'clarify' | 'handoff' | 'refuse' | 'other';
  topics: readonly string[];
}

export interface EvalCase {
  /** 1-based line in the file. */
  line: number;
  q: string;
  /** A topic slug, or one of the special labels. */
  topic: string;
}

export type Verdict = 'correct' | 'clarified' | 'wrong' | 'missed';

export interface EvalResult {
  case: EvalCase;
  reply: ClassifiedReply;
  verdict: Verdict;
  /** Time to the first reply. */
  ms: number;
}

export interface EvalSummary {
  n: number;
  correct: number;
  clarified: number;
  wrong: number;
  missed: number;
  accuracy: number;
  answered_or_clarified: number;
  wrong_rate: number;
  ms_per_question: number;
}

export const OUT_OF_SCOPE = 'out-of-scope';
export const TALK_TO_CONSULTANT = 'talk-to-consultant';

/** The evaluation file cannot be used: the message names the line. */
export class EvalFileError extends Error {
  override readonly name = 'EvalFileError';
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

/**
 * Parses JSONL (`{"q": "...", "topic": "..."}` a line; blank lines are skipped) and checks every label against
 * `labels` (the taxonomy's slugs plus the special ones). Throws EvalFileError on the first problem.
 */
export function parseEvalFile(text: string, labels: ReadonlySet<string>): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new EvalFileError('not valid JSON', line);
    }
    const record = value as { q?: unknown; topic?: unknown };
    if (
      typeof value !== 'object' ||
      value === null ||
      typeof record.q !== 'string' ||
      record.q.trim() === ''
    ) {
      throw new EvalFileError('needs a non-empty string "q"', line);
    }
    if (typeof record.topic !== 'string') throw new EvalFileError('needs a string "topic"', line);
    if (!labels.has(record.topic)) throw new EvalFileError(`unknown topic label "${record.topic}"`, line);
    cases.push({ line, q: record.q, topic: record.topic });
  });
  if (cases.length === 0) throw new EvalFileError('the file has no questions');
  return cases;
}

/** Scores one first reply against its label, exactly as the contract says. */
export function scoreReply(label: string, reply: ClassifiedReply): Verdict {
  const { outcome, topics } = reply;
  if (label === OUT_OF_SCOPE) {
    if (outcome === 'refuse' || outcome === 'handoff') return 'correct';
    if (outcome === 'answer') return 'wrong';
    return outcome === 'clarify' ? 'clarified' : 'missed';
  }
  if (label === TALK_TO_CONSULTANT) {
    if (outcome === 'handoff') return 'correct';
    // An answer with the consultant topic is the reply that starts the hand-off.
    if (outcome === 'answer') return topics[0] === TALK_TO_CONSULTANT ? 'correct' : 'wrong';
    return outcome === 'clarify' && topics.includes(label) ? 'clarified' : 'missed';
  }
  if (outcome === 'answer') return topics[0] === label ? 'correct' : 'wrong';
  if (outcome === 'clarify' && topics.includes(label)) return 'clarified';
  return 'missed';
}

const ratio = (a: number, n: number) => (n === 0 ? 0 : Math.round((a / n) * 10_000) / 10_000);

export function summarize(results: readonly EvalResult[]): EvalSummary {
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  const n = results.length;
  const correct = count('correct');
  const clarified = count('clarified');
  const wrong = count('wrong');
  const totalMs = results.reduce((s, r) => s + r.ms, 0);
  return {
    n,
    correct,
    clarified,
    wrong,
    missed: count('missed'),
    accuracy: ratio(correct, n),
    answered_or_clarified: ratio(correct + clarified, n),
    wrong_rate: ratio(wrong, n),
    ms_per_question: n === 0 ? 0 : Math.round((totalMs / n) * 100) / 100,
  };
}

const VERDICTS: readonly Verdict[] = ['correct', 'clarified', 'wrong', 'missed'];
const OUTCOMES: readonly ClassifiedReply['outcome'][] = ['answer', 'clarify', 'handoff', 'refuse', 'other'];

function table(header: string[], rows: (string | number)[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/**
 * The readable report: a table per expected topic, a table per outcome, the lines that were not correct, and as
 * the last line the summary as one JSON object.
 */
export function formatReport(
  results: readonly EvalResult[],
  summary: EvalSummary = summarize(results),
): string {
  const out: string[] = [];
  const labels = [...new Set(results.map((r) => r.case.topic))].sort();
  out.push('Per expected topic:');
  out.push(
    ...table(
      ['topic', 'n', ...VERDICTS],
      labels.map((label) => {
        const rows = results.filter((r) => r.case.topic === label);
        return [label, rows.length, ...VERDICTS.map((v) => rows.filter((r) => r.verdict === v).length)];
      }),
    ),
  );
  out.push('', 'Per outcome of the first reply:');
  out.push(
    ...table(
      ['outcome', 'n', ...VERDICTS],
      OUTCOMES.map((o) => {
        const rows = results.filter((r) => r.reply.outcome === o);
        return [o, rows.length, ...VERDICTS.map((v) => rows.filter((r) => r.verdict === v).length)];
      }),
    ),
  );
  const notCorrect = results.filter((r) => r.verdict !== 'correct');
  if (notCorrect.length > 0) {
    out.push('', 'Not correct:');
    for (const r of notCorrect) {
      const got =
        r.reply.topics.length > 0 ? `${r.reply.outcome} ${r.reply.topics.join(', ')}` : r.reply.outcome;
      out.push(
        `  ${r.verdict.padEnd(9)} line ${r.case.line}: expected ${r.case.topic}, got ${got} | ${r.case.q}`,
      );
    }
  }
  out.push(
    '',
    `accuracy ${summary.accuracy}  answered_or_clarified ${summary.answered_or_clarified}  wrong_rate ${summary.wrong_rate}  (${summary.n} questions, ${summary.ms_per_question} ms each)`,
    JSON.stringify(summary),
  );
  return out.join('\n');
}
