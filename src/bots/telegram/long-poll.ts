/**
 * Long polling that confirms nothing before it is stored.
 *
 * Telegram forgets the updates of one getUpdates answer when the next call asks for a higher offset. This loop
 * asks for the next batch only after `handleBatch` resolved, i.e. after the whole batch is stored. (@grammyjs/runner,
 * used before, asks for the next batch while its handlers still run, so a crash between its next call and our store
 * lost updates; and it handed us updates one by one, so each cost a commit of its own.)
 *
 * Errors: 401 (token revoked) and 409 (a webhook was set, or another poller runs) end the loop by rejecting (the
 * channel's supervisor sets up again); 429 waits retry_after; anything else (network, 5xx) is retried every
 * `retryIntervalMs`, forever, until stopped. The connection monitor, an API transformer, logs loss and recovery.
 */
import type { Api } from 'grammy';
import { GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import { apiSignal, withTimeout } from './api-signal.js';
import { pause } from './pause.js';

export interface LongPollOptions {
  api: Api;
  timeoutSeconds: number;
  allowedUpdates: readonly string[];
  /** Pause after a failed getUpdates (network error, 5xx). */
  retryIntervalMs: number;
  /** Most updates per call (Telegram allows 1–100). */
  limit?: number;
  /** Stores a batch. Rejecting stops polling without confirming the batch (Telegram sends it again). */
  handleBatch(updates: Update[]): Promise<void>;
  /** Stops the loop: an open getUpdates is cancelled; a batch being stored is finished first. */
  signal: AbortSignal;
}

/** Errors after which polling again is pointless until set up again. */
function isUnrecoverable(error: unknown): boolean {
  return error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409);
}

/** Polls until `signal` aborts (resolves) or an unrecoverable error (rejects). */
export async function longPoll(options: LongPollOptions): Promise<void> {
  const { api, signal } = options;
  let offset = 0;
  while (!signal.aborted) {
    let updates: Update[];
    try {
      updates = await api.getUpdates(
        {
          offset,
          limit: options.limit ?? 100,
          timeout: options.timeoutSeconds,
          allowed_updates: [...options.allowedUpdates] as never,
        },
        apiSignal(signal),
      );
    } catch (error) {
      if (signal.aborted) return;
      if (isUnrecoverable(error)) throw error;
      const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
      await pause(retryAfter !== undefined ? retryAfter * 1000 : options.retryIntervalMs, signal);
      continue;
    }
    if (updates.length === 0) continue;
    await options.handleBatch(updates);
    offset = updates[updates.length - 1]!.update_id + 1;
  }
  if (offset > 0) await confirm(api, offset, options.timeoutSeconds);
}

/**
 * Tells Telegram the last batch is stored, so that it is not sent again after a restart (it would only be
 * de-duplicated). Best effort: a getUpdates that returns at once; what it returns is above the offset, so it is not
 * confirmed and comes again.
 */
async function confirm(api: Api, offset: number, timeoutSeconds: number): Promise<void> {
  try {
    await withTimeout(Math.min(timeoutSeconds, 2) * 1000, (signal) =>
      api.getUpdates({ offset, limit: 1, timeout: 0 }, signal),
    );
  } catch {
    // Not confirmed: the batch comes again after the restart and is recognised by its update_id.
  }
}
