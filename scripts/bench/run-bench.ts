/**
 * The load benchmark (`npm run bench`): the assistant's production entry point (built with `npm run build` and run
 * as the Docker image runs it, `node dist/main.js`; or src/main.ts through tsx) with the real grammY adapter against
 * the fake Bot API in a process of its own, then a minimal grammY echo bot against the same fake, with the same
 * simulated citizens' load.
 *
 * Each bot first gets a warm-up (`warmupMessages`, closed loop, not measured): V8 compiles the hot code over the
 * first seconds of load (~4 s of compiling on its helper threads in the first 10,000 messages, measured with
 * --trace-opt), and a service runs for days. Then two measured phases:
 * - throughput: closed loop, every citizen writes again as soon as answered (1,000 citizens = 1,000 messages in
 *   flight): messages per second;
 * - latency: messages offered at a fixed rate (default 1,000 a second) to citizens not waiting for an answer: reply
 *   latency at that load, from the update becoming available at the fake to the bot's reply call reaching it.
 * Latency under the closed loop is reported too, but it is queueing by construction (citizens / throughput).
 *
 * Afterwards the assistant's database is checked against what the fake saw (verify-replies.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ASSISTANT_NODE_ARGS,
  assistantEnv,
  BotProcess,
  BUILT_MAIN_SCRIPT,
  ECHO_SCRIPT,
  MAIN_SCRIPT,
  REPO_ROOT,
} from './bot-process.js';
import type { PhaseResult } from './citizen-crowd.js';
import { FakeTelegramProcess } from './fake-process.js';
import type { ProfileWindow } from './summarise-cpu-profile.js';
import { type ReplyAccount, verifyReplies } from './verify-replies.js';

export interface BenchOptions {
  citizens: number;
  /** Messages of the throughput phase. */
  messages: number;
  /** Messages of the latency phase and their rate per second. */
  latencyMessages: number;
  rate: number;
  /** Messages before the measured phases, closed loop, not measured (default none). */
  warmupMessages?: number;
  /** Skip the echo bot (the smoke test). */
  echo: boolean;
  /** 'build': compile first and run dist/main.js, as in production (default); 'source': src/main.ts through tsx. */
  entry?: 'build' | 'source';
  /** Write a V8 CPU profile of the assistant's process into this folder. */
  profileDir?: string;
  /** Extra options for the assistant's node (experiments: `--max-old-space-size=…`). */
  nodeArgs?: string[];
  /** Keep the temporary folder (database) for a look afterwards. */
  keep?: boolean;
  log?: (line: string) => void;
}

export interface BotFigures {
  /** The warm-up phase, when there was one (not measured; its speed is shown for what it is). */
  warmup: PhaseResult | undefined;
  throughput: PhaseResult;
  latency: PhaseResult;
  peakRssBytes: number;
  /** The bot's CPU time per message in the throughput phase (ms): what it costs, whoever else shares the cores. */
  cpuMsPerMessage: number;
  /**
   * Share of the machine's CPU time the hypervisor gave to other guests during both phases (Linux `steal`; undefined
   * elsewhere). On a shared VM the figures above fall as it rises.
   */
  stealShare: number | undefined;
  /**
   * CPU time per message of the fake Bot API and the simulated citizens (one process) in the throughput phase: what
   * the load itself takes of the same two cores.
   */
  loadCpuMsPerMessage: number;
  /** Share of the machine's CPU time nobody used during the throughput phase (undefined where Linux does not tell). */
  idleShare: number | undefined;
  /** The measured phases (throughput and latency), in ms since the process was started. */
  measured: ProfileWindow;
}

export interface BenchReport {
  options: Omit<BenchOptions, 'log'>;
  assistant: BotFigures;
  echo: BotFigures | undefined;
  replies: ReplyAccount;
  /** The assistant's throughput as a share of the echo bot's. */
  ratio: number | undefined;
  profile: string | undefined;
  /** The part of the profile the summary covers: the assistant's measured phases. */
  profileWindow: ProfileWindow | undefined;
}

const STARTUP_TIMEOUT_MS = 60_000;
const REPLY_TIMEOUT_MS = 15_000;

async function drive(
  fake: FakeTelegramProcess,
  bot: BotProcess,
  options: BenchOptions,
  name: string,
): Promise<BotFigures> {
  const log = options.log ?? (() => {});
  await Promise.race([
    fake.waitForPolling(STARTUP_TIMEOUT_MS),
    bot.exited.then((code) => {
      throw new Error(`${name} exited (${code}) before polling:\n${bot.output.slice(-20).join('\n')}`);
    }),
  ]);
  let warmup: PhaseResult | undefined;
  if (options.warmupMessages) {
    log(`${name}: polling; warm-up (${options.warmupMessages} messages, closed loop, not measured)`);
    warmup = await fake.phase({ messages: options.warmupMessages, replyTimeoutMs: REPLY_TIMEOUT_MS });
  }
  log(`${name}: throughput phase (${options.messages} messages, closed loop)`);
  const measuredFrom = performance.now() - bot.startedAt;
  const stealBefore = machineCpuTimes();
  const cpuBefore = bot.cpuMs();
  const loadCpuBefore = fake.cpuMs();
  const throughput = await fake.phase({ messages: options.messages, replyTimeoutMs: REPLY_TIMEOUT_MS });
  const perMessage = (ms: number) => Math.round((ms / Math.max(1, throughput.answered)) * 100) / 100;
  const cpuMsPerMessage = perMessage(bot.cpuMs() - cpuBefore);
  const loadCpuMsPerMessage = perMessage(fake.cpuMs() - loadCpuBefore);
  const idleShare = shareSince(stealBefore, 'idle');
  log(`${name}: latency phase (${options.latencyMessages} messages at ${options.rate}/s)`);
  const latency = await fake.phase({
    messages: options.latencyMessages,
    ratePerSecond: options.rate,
    replyTimeoutMs: REPLY_TIMEOUT_MS,
  });
  return {
    warmup,
    throughput,
    latency,
    peakRssBytes: bot.peakRss(),
    cpuMsPerMessage,
    stealShare: shareSince(stealBefore, 'steal'),
    loadCpuMsPerMessage,
    idleShare,
    measured: { fromMs: measuredFrom, toMs: performance.now() - bot.startedAt },
  };
}

/** The machine's CPU time so far: all of it, idle and stolen (clock ticks from /proc/stat), where Linux tells it. */
function machineCpuTimes(): { total: number; idle: number; steal: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8')
      .split('\n', 1)[0]!
      .trim()
      .split(/\s+/)
      .slice(1, 9)
      .map(Number);
    if (fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return undefined;
    return { total: fields.reduce((a, b) => a + b, 0), idle: fields[3]!, steal: fields[7]! };
  } catch {
    return undefined;
  }
}

function shareSince(before: ReturnType<typeof machineCpuTimes>, kind: 'idle' | 'steal'): number | undefined {
  const after = machineCpuTimes();
  if (!before || !after || after.total <= before.total) return undefined;
  return Math.round(((after[kind] - before[kind]) / (after.total - before.total)) * 1000) / 1000;
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'welfare-bench-'));
  const databasePath = join(dir, 'assistant.sqlite');
  const fake = await FakeTelegramProcess.start();
  const bots: BotProcess[] = [];
  try {
    await fake.newCrowd(options.citizens, 1_000_000, join(REPO_ROOT, 'data'));
    // As production runs it; options given on the command line come later and win (the last of a flag counts).
    const nodeArgs = [
      ...ASSISTANT_NODE_ARGS,
      ...(options.nodeArgs ?? []),
      ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []),
    ];
    const built = (options.entry ?? 'build') === 'build';
    if (built) {
      log('assistant: npm run build');
      execFileSync('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const assistant = BotProcess.start(
      built ? BUILT_MAIN_SCRIPT : MAIN_SCRIPT,
      assistantEnv({ apiRoot: fake.apiRoot, token: fake.token, databasePath }),
      nodeArgs,
    );
    bots.push(assistant);
    const assistantFigures = await drive(fake, assistant, options, 'assistant');
    log('assistant: stopping (graceful: flushes the outbox)');
    const code = await assistant.stop();
    if (code !== 0)
      throw new Error(`the assistant exited with ${code}:\n${assistant.output.slice(-20).join('\n')}`);
    const records = await fake.records();
    const replies = verifyReplies(databasePath, records.updates, records.sends);
    const profile = options.profileDir
      ? readdirSync(options.profileDir)
          .filter((f) => f.endsWith('.cpuprofile'))
          .map((f) => join(options.profileDir!, f))
          // The main thread's profile is the largest (tsx's loader thread writes one of its own).
          .sort((a, b) => statSync(a).size - statSync(b).size)
          .at(-1)
      : undefined;

    let echoFigures: BotFigures | undefined;
    if (options.echo) {
      await fake.newCrowd(options.citizens, 2_000_000, join(REPO_ROOT, 'data'));
      const echo = BotProcess.start(ECHO_SCRIPT, {
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
      });
      bots.push(echo);
      echoFigures = await drive(fake, echo, options, 'echo bot');
      await echo.stop();
    }
    const { log: _, ...shown } = options;
    return {
      options: shown,
      assistant: assistantFigures,
      echo: echoFigures,
      replies,
      ratio: echoFigures
        ? Math.round(
            (assistantFigures.throughput.messagesPerSecond / echoFigures.throughput.messagesPerSecond) * 100,
          ) / 100
        : undefined,
      profile,
      profileWindow: profile ? assistantFigures.measured : undefined,
    };
  } finally {
    for (const bot of bots)
      if (bot.child.exitCode === null && bot.child.signalCode === null) await bot.kill();
    await fake.close();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }
}
