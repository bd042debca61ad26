/**
 * Bots Long Poll loop (https://dev.vk.com/api/bots-long-poll/getting-started), our own rather than
 * node-vk-bot-api's `startPolling`, which (PLATFORMS.md) retries in a hot loop when VK is down, cannot be stopped
 * while a request is waiting, sends its first request without `ts` (events in between are lost), and moves `ts`
 * on before the updates are handled (an update whose hand-over fails is lost). Here:
 *
 * - `groups.getLongPollServer` and `a_check` go through the library's API client and axios (redirected, our
 *   API version, bounded time, abortable);
 * - every failure waits an exponential, capped back-off; repeated `failed` answers do too;
 * - `failed: 1` continues with the new ts; `failed: 2` gets a new key and keeps our ts; `failed: 3` gets a new
 *   key and ts (VK's documented handling);
 * - `ts` moves on only after every update of a batch was accepted by the inbound sink (redeliveries are
 *   de-duplicated by event id there), so nothing is lost when the sink fails for a while;
 * - `stop()` aborts the waiting request and the back-off, and resolves once the batch in hand is handed over.
 */
import type { Logger } from 'pino';
import { Backoff, type BackoffOptions } from './long-poll-backoff.js';
import type { VkApiClient } from './vk-api-client.js';
import { classifyVkFailure, VkApiError } from './vk-errors.js';

export interface LongPollOptions {
  api: VkApiClient;
  groupId: number;
  /** Seconds VK holds a request open when there is nothing new (VK allows up to 90; 25 is customary). */
  waitSeconds: number;
  backoff: Partial<BackoffOptions>;
  /** Hands an answer's updates over; throws when they could not be stored (the batch is then fetched again later). */
  handleBatch(updates: readonly unknown[]): Promise<void>;
  logger: Logger;
}

export interface LongPoll {
  /** Starts the loop; resolves after the first attempt to reach the server (whether it succeeded or not). */
  start(): Promise<void>;
  /** Idempotent. */
  stop(): Promise<void>;
  /** Whether VK answered the loop's last request (getLongPollServer or a_check). */
  readonly connected: boolean;
}

interface Session {
  server: string;
  key: string;
  ts: string;
}

interface CheckAnswer {
  ts?: unknown;
  updates?: unknown;
  failed?: unknown;
}

/** An empty answer faster than this did not wait for events (VK holds the request for `wait` seconds). */
const MIN_EMPTY_ANSWER_MS = 100;

const asTs = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;

export function createLongPoll(options: LongPollOptions): LongPoll {
  const { api, logger } = options;
  const abort = new AbortController();
  const backoff = new Backoff(options.backoff);
  let connected = false;
  let loop: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let firstAttempt: (() => void) | undefined;

  async function fetchSession(keepTs: string | undefined): Promise<Session> {
    const response = await api.call<{ server?: unknown; key?: unknown; ts?: unknown }>(
      'groups.getLongPollServer',
      { group_id: options.groupId },
      { signal: abort.signal },
    );
    const ts = asTs(response?.ts);
    if (typeof response?.server !== 'string' || typeof response.key !== 'string' || ts === undefined) {
      throw new Error('groups.getLongPollServer answered without server, key or ts');
    }
    return { server: response.server, key: response.key, ts: keepTs ?? ts };
  }

  async function run(): Promise<void> {
    let session: Session | undefined;
    /** ts to continue from after fetching a new key (failed: 2, or a network error). */
    let keepTs: string | undefined;
    /**
     * Answers that moved nothing (`failed`, or an empty batch returned at once instead of after `wait`) since the
     * last real batch. One is normal protocol; a run of them is a misbehaving server and gets the back-off too.
     */
    let idleInARow = 0;
    const idleAnswer = () => {
      idleInARow += 1;
      return idleInARow > 1 ? backoff.wait(abort.signal) : Promise.resolve();
    };
    while (!abort.signal.aborted) {
      let step = 'getLongPollServer';
      try {
        if (!session) {
          session = await fetchSession(keepTs);
          keepTs = undefined;
          connected = true;
        }
        firstAttempt?.();
        step = 'a_check';
        const askedAt = Date.now();
        const answer = (await api.longPoll(
          session.server,
          { act: 'a_check', key: session.key, ts: session.ts, wait: options.waitSeconds },
          { signal: abort.signal, timeoutMs: (options.waitSeconds + 10) * 1000 },
        )) as CheckAnswer | null;
        connected = true;
        if (answer === null || typeof answer !== 'object')
          throw new Error('long-poll server answered without JSON');
        if (answer.failed !== undefined) {
          const failed = Number(answer.failed);
          const newTs = asTs(answer.ts);
          logger.info({ failed }, 'VK long poll asks to refresh');
          if (failed === 1 && newTs !== undefined) session.ts = newTs;
          else if (failed === 2) {
            keepTs = session.ts;
            session = undefined;
          } else session = undefined; // 3 (or unknown): new key and ts
          await idleAnswer();
          continue;
        }
        const ts = asTs(answer.ts);
        if (!Array.isArray(answer.updates) || ts === undefined)
          throw new Error('long-poll answer without updates/ts');
        step = 'handing over updates';
        if (answer.updates.length > 0) await options.handleBatch(answer.updates);
        session.ts = ts;
        if (answer.updates.length === 0 && Date.now() - askedAt < MIN_EMPTY_ANSWER_MS) {
          await idleAnswer();
        } else {
          idleInARow = 0;
          backoff.reset();
        }
      } catch (error) {
        firstAttempt?.();
        if (abort.signal.aborted) break;
        if (step !== 'handing over updates') connected = false;
        if (step === 'a_check' && session) {
          // The server may have moved: ask for it again, but continue from the same ts.
          keepTs = session.ts;
          session = undefined;
        }
        const attempt = backoff.attempts + 1;
        if (step === 'handing over updates') {
          logger.error({ err: error, attempt }, 'VK updates not stored; fetching them again after back-off');
        } else if (
          error instanceof VkApiError &&
          (error.code === 5 || classifyVkFailure(error).kind !== 'retry')
        ) {
          // Not a network problem: the token or the community's settings. Say what to check.
          logger.error(
            { code: error.code, vkMessage: error.vkMessage, step, attempt },
            error.code === 5
              ? 'VK rejected the token (check VK_GROUP_TOKEN); retrying with back-off'
              : "VK refused the long poll (check VK_GROUP_ID, the token's rights and that Bots Long Poll API is on); retrying with back-off",
          );
        } else {
          logger.warn({ err: error, step, attempt }, 'VK long poll failed; retrying with back-off');
        }
        await backoff.wait(abort.signal);
      }
    }
    connected = false;
  }

  return {
    start() {
      if (loop) return Promise.resolve();
      const first = new Promise<void>((resolve) => {
        firstAttempt = () => {
          firstAttempt = undefined;
          resolve();
        };
      });
      loop = run().catch((error: unknown) =>
        logger.error({ err: error }, 'VK long poll loop ended unexpectedly'),
      );
      return Promise.race([first, loop]);
    },
    stop() {
      stopping ??= (async () => {
        abort.abort();
        await loop;
      })();
      return stopping;
    },
    get connected() {
      return connected;
    },
  };
}
