/**
 * `npm run bench [-- options]` (USAGE below lists them).
 *
 * The assistant is built (`npm run build`) and run as the Docker image runs it; `--source` runs src/main.ts through
 * tsx instead (as `npm start` does: same code, ~30 MB more memory for the TypeScript loader).
 *
 * Load figures of the whole assistant (src/main.ts, real grammY, SQLite on disk) against a fake Telegram Bot API in
 * its own process, and of a minimal grammY echo bot against the same fake as the floor. See scripts/bench/run-bench.ts
 * for what each figure means. The last line is one JSON object with the figures.
 */
import { parseArgs } from 'node:util';
import type { BotFigures } from './bench/run-bench.js';
import { runBench } from './bench/run-bench.js';
import { summariseCpuProfile } from './bench/summarise-cpu-profile.js';

const USAGE = `usage: npm run bench [-- options]
  --citizens N             simulated citizens (default 1000)
  --warmup-messages N      messages before measuring, while V8 compiles the hot code (default 10000)
  --messages N             messages of the throughput phase, closed loop (default 20000)
  --latency-messages N     messages of the latency phase (default 5000)
  --rate N                 messages a second in the latency phase (default 1000)
  --no-echo                skip the grammY echo bot (no ratio)
  --source                 run src/main.ts through tsx instead of the build
  --profile DIR            write the assistant's CPU profile to DIR and summarise it
  --node-arg=ARG           a Node option for the assistant (repeatable)
  --keep                   keep the run's database and logs
  --help                   this text`;

function parseOptions() {
  try {
    return parseArgs({
      options: {
        citizens: { type: 'string', default: '1000' },
        'warmup-messages': { type: 'string', default: '10000' },
        messages: { type: 'string', default: '20000' },
        'latency-messages': { type: 'string', default: '5000' },
        rate: { type: 'string', default: '1000' },
        'no-echo': { type: 'boolean', default: false },
        source: { type: 'boolean', default: false },
        profile: { type: 'string' },
        'node-arg': { type: 'string', multiple: true },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    // Node's own message names the option ("Unknown option '--x'", "Option '--rate <value>' argument missing").
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
}

const values = parseOptions();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

function wholeNumber(name: string, value: string | undefined, least: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < least) {
    process.stderr.write(`--${name} must be a whole number of at least ${least} (got ${value})\n`);
    process.exit(2);
  }
  return n;
}
const positive = (name: string, value: string | undefined) => wholeNumber(name, value, 1);

const report = await runBench({
  citizens: positive('citizens', values.citizens),
  warmupMessages: wholeNumber('warmup-messages', values['warmup-messages'], 0),
  messages: positive('messages', values.messages),
  latencyMessages: positive('latency-messages', values['latency-messages']),
  rate: positive('rate', values.rate),
  echo: !values['no-echo'],
  entry: values.source ? 'source' : 'build',
  ...(values.profile ? { profileDir: values.profile } : {}),
  nodeArgs: values['node-arg'] ?? [],
  keep: values.keep,
  log: (line) => process.stderr.write(`${line}\n`),
});

/** Bot API calls per answered message in the throughput phase, in all and by method (most first). */
function apiCallsPerMessage(phase: BotFigures['throughput']): string {
  const per = (n: number) => (n / Math.max(1, phase.answered)).toFixed(2);
  const methods = Object.entries(phase.apiCalls).sort((a, b) => b[1] - a[1]);
  const total = methods.reduce((sum, [, n]) => sum + n, 0);
  return `${per(total)} per message (${methods.map(([method, n]) => `${method} ${per(n)}`).join(', ')})`;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
function describe(name: string, f: BotFigures): string {
  const t = f.throughput;
  const l = f.latency;
  const w = f.warmup;
  return [
    `${name}:`,
    ...(w
      ? [
          `  warm-up     ${w.messagesPerSecond} messages/s (${w.answered}/${w.messages} answered; not measured: V8 compiles the hot code meanwhile)`,
        ]
      : []),
    `  throughput  ${t.messagesPerSecond} messages/s (${t.answered}/${t.messages} answered in ${(t.durationMs / 1000).toFixed(1)} s, closed loop; latency under it p50 ${t.latencyMs.p50} ms, p99 ${t.latencyMs.p99} ms)`,
    `  latency     p50 ${l.latencyMs.p50} ms, p95 ${l.latencyMs.p95} ms, p99 ${l.latencyMs.p99} ms, max ${l.latencyMs.max} ms (${l.answered}/${l.messages} at ${report.options.rate}/s)`,
    `  CPU         ${f.cpuMsPerMessage} ms per message (the bot process, throughput phase)${
      f.stealShare === undefined
        ? ''
        : `; ${Math.round(f.stealShare * 100)}% of the machine's CPU time went to other guests of the VM (steal)`
    }`,
    `  load        the fake Bot API and the citizens took ${f.loadCpuMsPerMessage} ms of CPU per message${
      f.idleShare === undefined ? '' : `; the machine was idle ${Math.round(f.idleShare * 100)}% of the time`
    } (throughput phase)`,
    `  peak RSS    ${mb(f.peakRssBytes)} MB`,
    `  mix         ${Object.entries(t.kinds)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `  API calls   ${apiCallsPerMessage(t)}`,
  ].join('\n');
}

const r = report.replies;
const lines = [
  describe(`assistant (${values.source ? 'src/main.ts through tsx' : 'dist/main.js'})`, report.assistant),
  ...(report.echo ? [describe('echo bot (grammY floor)', report.echo)] : []),
  ...(report.ratio !== undefined ? [`ratio       ${report.ratio} of the echo bot's throughput`] : []),
  `replies     ${r.updates} updates: ${r.unanswered} unanswered, ${r.notStored} not stored, ${r.notProcessed} not processed, ${r.failed} failed; ${r.replies} reply messages, ${r.undelivered} undelivered, ${r.duplicates} duplicates, ${r.chatsOutOfOrder} chats out of order`,
  ...r.examples.slice(0, 5).map((e) => `  ! ${e}`),
];
if (report.profile)
  lines.push(`profile     ${report.profile}`, summariseCpuProfile(report.profile, 25, report.profileWindow));
process.stdout.write(`${lines.join('\n')}\n`);

const figures = (f: BotFigures | undefined) =>
  f && {
    messagesPerSecond: f.throughput.messagesPerSecond,
    p50Ms: f.latency.latencyMs.p50,
    p95Ms: f.latency.latencyMs.p95,
    p99Ms: f.latency.latencyMs.p99,
    peakRssMb: mb(f.peakRssBytes),
    cpuMsPerMessage: f.cpuMsPerMessage,
    stealShare: f.stealShare ?? null,
    loadCpuMsPerMessage: f.loadCpuMsPerMessage,
    idleShare: f.idleShare ?? null,
  };
process.stdout.write(
  `${JSON.stringify({
    citizens: report.options.citizens,
    warmupMessages: report.options.warmupMessages ?? 0,
    messages: report.options.messages,
    latencyMessages: report.options.latencyMessages,
    ratePerSecond: report.options.rate,
    assistant: figures(report.assistant),
    echo: figures(report.echo),
    ratio: report.ratio ?? null,
    unanswered: r.unanswered + r.notStored + r.notProcessed,
    duplicates: r.duplicates,
  })}\n`,
);
