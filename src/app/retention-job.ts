/**
 * Runs retention (see src/storage/sqlite-retention.ts) at start and then daily. A failure (a locked database) is
 * logged and tried again in an hour; the job never stops the assistant.
 *
 * It works a batch of rows per transaction and lets the event loop run after each full batch, so webhooks, the web
 * chat and health checks are served during a long first run (a year of history: seconds of work) instead of waiting
 * for all of it. A run with less than a batch to do (most daily runs) is done before runOnce returns.
 */
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import {
  anonymiseInBatches,
  RETENTION_BATCH_ROWS,
  type RetentionResult,
} from '../storage/sqlite-retention.js';

const DAY_MS = 24 * 60 * 60_000;
const RETRY_MS = 60 * 60_000;

export interface RetentionJob {
  /**
   * Anonymises now; resolves to what changed (undefined when it failed, or the job was stopped before it finished:
   * what is left is done by the next run). A call during a run shares it.
   */
  runOnce(): Promise<RetentionResult | undefined>;
  /** Runs now and then every day. */
  start(): void;
  /** No batch starts after this (the database may be closed next); a run in progress ends after its batch. */
  stop(): void;
}

/** Lets timers and I/O (webhooks, the web chat) run before the next batch. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createRetentionJob(deps: {
  sqlite: Database.Database;
  retentionDays: number;
  logger: Logger;
  clock?: () => number;
  /** Rows per transaction (tests make it small). */
  batchRows?: number;
}): RetentionJob {
  const clock = deps.clock ?? Date.now;
  const batchRows = deps.batchRows ?? RETENTION_BATCH_ROWS;
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let stopped = false;
  let running: Promise<RetentionResult | undefined> | undefined;

  function schedule(ms: number) {
    timer = setTimeout(() => void runAndSchedule(), ms);
    timer.unref?.();
  }

  async function runAndSchedule() {
    const result = await job.runOnce();
    if (!stopped) schedule(result ? DAY_MS : RETRY_MS);
  }

  async function run(): Promise<RetentionResult | undefined> {
    const cutoff = clock() - deps.retentionDays * DAY_MS;
    const batches = anonymiseInBatches(deps.sqlite, cutoff, batchRows);
    let sinceYield = 0;
    try {
      for (;;) {
        if (stopped) {
          batches.return(undefined as never);
          deps.logger.info('retention: stopped with the assistant; the next run does the rest');
          return undefined;
        }
        const next = batches.next();
        if (next.done) {
          const result = next.value;
          if (Object.values(result).some((n) => n > 0))
            deps.logger.info(
              { ...result, retentionDays: deps.retentionDays },
              'retention: anonymised transcripts older than the retention period',
            );
          return result;
        }
        sinceYield += next.value;
        if (sinceYield >= batchRows) {
          sinceYield = 0;
          await yieldToEventLoop();
        }
      }
    } catch (error) {
      deps.logger.error({ err: error }, 'retention failed; trying again in an hour');
      return undefined;
    }
  }

  const job: RetentionJob = {
    runOnce() {
      running ??= run().finally(() => {
        running = undefined;
      });
      return running;
    },
    start() {
      if (started) return;
      started = true;
      stopped = false;
      void runAndSchedule();
    },
    stop() {
      stopped = true;
      started = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
  return job;
}
