/**
 * Runs retention (see src/storage/sqlite-retention.ts) at start and then daily. A failure (a locked database) is
 * logged and tried again in an hour; the job never stops the assistant.
 */
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { anonymiseBefore, type RetentionResult } from '../storage/sqlite-retention.js';

const DAY_MS = 24 * 60 * 60_000;
const RETRY_MS = 60 * 60_000;

export interface RetentionJob {
  /** Anonymises now; returns what changed (undefined when it failed). */
  runOnce(): RetentionResult | undefined;
  /** Runs now and then every day. */
  start(): void;
  stop(): void;
}

export function createRetentionJob(deps: {
  sqlite: Database.Database;
  retentionDays: number;
  logger: Logger;
  clock?: () => number;
}): RetentionJob {
  const clock = deps.clock ?? Date.now;
  let timer: NodeJS.Timeout | undefined;

  function schedule(ms: number) {
    timer = setTimeout(() => {
      schedule(job.runOnce() ? DAY_MS : RETRY_MS);
    }, ms);
    timer.unref?.();
  }

  const job: RetentionJob = {
    runOnce() {
      const cutoff = clock() - deps.retentionDays * DAY_MS;
      try {
        const result = anonymiseBefore(deps.sqlite, cutoff);
        const changed = Object.values(result).some((n) => n > 0);
        if (changed)
          deps.logger.info(
            { ...result, retentionDays: deps.retentionDays },
            'retention: anonymised transcripts older than the retention period',
          );
        return result;
      } catch (error) {
        deps.logger.error({ err: error }, 'retention failed; trying again in an hour');
        return undefined;
      }
    },
    start() {
      if (timer) return;
      schedule(job.runOnce() ? DAY_MS : RETRY_MS);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
  return job;
}
