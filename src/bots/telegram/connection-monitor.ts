/**
 * Watches every Bot API call to tell /readyz whether Telegram answered recently, and logs when the connection is
 * lost and when it comes back (once each, not once per failed long poll).
 */
import type { Transformer } from 'grammy';
import type { Logger } from 'pino';
import { describeApiError } from './telegram-errors.js';

export interface ConnectionMonitor {
  /** Installed on the bot's API: observes each call without changing it. */
  readonly transformer: Transformer;
  /** Counts a webhook call from Telegram as contact too. */
  markContact(): void;
  isConnected(): boolean;
}

export interface ConnectionMonitorOptions {
  logger: Logger;
  now: () => number;
  /**
   * Contact older than this no longer counts (long polling talks to Telegram at least every poll timeout).
   * Infinity for webhooks, where an idle bot may not hear from Telegram for hours.
   */
  staleAfterMs: number;
}

export function createConnectionMonitor(options: ConnectionMonitorOptions): ConnectionMonitor {
  let lastContactAt: number | undefined;
  let failing = false;

  const succeeded = () => {
    lastContactAt = options.now();
    if (failing) options.logger.info('Telegram API reachable again');
    failing = false;
  };
  const failed = (method: string, reason: string) => {
    if (!failing) options.logger.warn({ method, reason }, 'Telegram API unreachable');
    failing = true;
  };

  const transformer: Transformer = async (prev, method, payload, signal) => {
    try {
      const response = await prev(method, payload, signal);
      // A 4xx answer is still an answer; 5xx means Telegram is having trouble.
      if (response.ok || response.error_code < 500) succeeded();
      else failed(method, `${response.error_code} ${response.description}`);
      return response;
    } catch (error) {
      // A call we cancelled ourselves (stopping) says nothing about the connection; a timeout does.
      const reason = (signal as { reason?: { name?: string } } | undefined)?.reason;
      const cancelled = signal?.aborted && reason?.name !== 'TimeoutError';
      if (!cancelled) failed(method, describeApiError(error));
      throw error;
    }
  };

  return {
    transformer,
    markContact: succeeded,
    isConnected() {
      return !failing && lastContactAt !== undefined && options.now() - lastContactAt <= options.staleAfterMs;
    },
  };
}
