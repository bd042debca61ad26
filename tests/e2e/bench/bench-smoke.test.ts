/**
 * Keeps `npm run bench` from rotting: the same machinery (src/main.ts as a child process, the fake Bot API and the
 * simulated citizens in a process of their own, the reply accounting) with 20 citizens, a warm-up of 40 messages
 * and 100 measured. Not a
 * timed test: it checks that every message got exactly one reply, not how fast.
 */
import { expect, it } from 'vitest';
import { runBench } from '../../../scripts/bench/run-bench.js';

it('runs the benchmark end to end: every message answered exactly once, figures reported', async () => {
  const report = await runBench({
    citizens: 20,
    warmupMessages: 40,
    messages: 100,
    latencyMessages: 20,
    rate: 50,
    echo: false,
    // The source, not a build: same code, and the suite does not compile.
    entry: 'source',
  });
  const { warmup, throughput, latency } = report.assistant;
  // The warm-up is driven like the throughput phase but kept apart: the measured phases do not count it.
  expect(warmup).toMatchObject({ messages: 40, answered: 40, unanswered: 0 });
  expect(throughput).toMatchObject({ messages: 100, answered: 100, unanswered: 0 });
  expect(latency).toMatchObject({ messages: 20, answered: 20, unanswered: 0 });
  // The script's mix: every citizen starts with /start (in the warm-up), then questions, button presses and
  // hand-offs.
  expect(warmup!.kinds.start).toBe(20);
  expect(throughput.kinds.start ?? 0).toBe(0);
  expect(throughput.kinds.question + throughput.kinds.button + throughput.kinds.handoff).toBe(100);
  // Every update of every phase, the warm-up's too, is accounted for.
  expect(report.replies, report.replies.examples.join('\n')).toMatchObject({
    updates: 160,
    notStored: 0,
    notProcessed: 0,
    failed: 0,
    unanswered: 0,
    processedTwice: 0,
    undelivered: 0,
    duplicates: 0,
    chatsOutOfOrder: 0,
  });
  // Every reply is a sendMessage or an edit; every button press is answered with answerCallbackQuery.
  const calls = throughput.apiCalls;
  expect((calls.sendMessage ?? 0) + (calls.editMessageText ?? 0)).toBeGreaterThanOrEqual(100);
  expect(calls.answerCallbackQuery ?? 0).toBe(throughput.kinds.button);
  expect(throughput.messagesPerSecond).toBeGreaterThan(0);
  expect(latency.latencyMs.p99).toBeGreaterThan(0);
  expect(report.assistant.peakRssBytes).toBeGreaterThan(0);
  // What the load generator itself took of the cores, and what was left idle (Linux: /proc).
  expect(Number.isFinite(report.assistant.loadCpuMsPerMessage)).toBe(true);
  expect(report.assistant.idleShare).toBeGreaterThanOrEqual(0);
  expect(report.assistant.idleShare).toBeLessThan(1);
}, 90_000);
