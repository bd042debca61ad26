/**
 * Runs a messenger channel in a worker thread of its own, behind the same Channel interface.
 *
 * Why: under load the messenger's side of the work (HTTP to the Bot API, grammY's calls, parsing getUpdates
 * answers, rendering replies, answering button presses) took about a quarter of the one thread's CPU, next to the
 * storing and the dialog engine. In a thread of its own it runs on the second core.
 *
 * What stays the same: the channel's code (channel-host.ts builds the real one); an update is confirmed to the
 * messenger only after the main thread has stored it (the thread's inbound sink waits for the main thread's
 * answer); the delivery worker, the outbox and the database stay on the main thread.
 *
 * When the thread dies (a bug), the sends in flight fail as "retry" (the delivery worker tries them again), and a
 * new thread is started and set going; updates it had fetched but not confirmed are fetched again and recognised
 * as already stored.
 */
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { TelegramConfig } from '../../config/config.js';
import { textTable } from '../../i18n/text-table.js';
import {
  acceptAll,
  DeliveryError,
  type PlatformSender,
  type SendOptions,
  type SendResult,
} from '../../messaging/delivery.js';
import type { OutgoingMessage } from '../../messaging/outgoing-message.js';
import type { Channel, ChannelDeps } from '../channel.js';
import type { TelegramChannelOptions } from '../telegram/telegram-channel.js';
import { TELEGRAM_LIMITS } from '../telegram/telegram-limits.js';
import { createMessageBatch } from './message-batch.js';
import { createPendingCalls } from './pending-calls.js';
import {
  errorInfo,
  type FromThread,
  type SendRequest,
  type ThreadSpec,
  type ToThread,
  toError,
} from './thread-messages.js';

const RESPAWN_DELAY_MS = 1_000;
/**
 * The thread's own heap. Its live set is ~12 MB (grammY, pino, our Telegram modules, what is in flight); without
 * limits V8 sizes it like the main thread's and it held ~30 MB. It is a third busy, so collecting more often costs
 * little.
 */
const THREAD_HEAP = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 };

/** Options can cross to a thread only without functions (a test's clock, a label callback). */
export function canRunInThread(options: TelegramChannelOptions): boolean {
  return Object.values(options).every((value) => typeof value !== 'function');
}

/** The host module next to this one: .ts when running from source (tsx), .js when built. */
function startHost(spec: ThreadSpec): Worker {
  // V8's heap flags (--max-old-space-size and --max-semi-space-size on the command line, for the main thread) are
  // process-wide and win over a worker's resourceLimits: unset them, so that the worker's own limits apply. The main
  // thread's heap was sized at start and keeps its limits (checked: heap_size_limit and the young generation are
  // the same before and after).
  setFlagsFromString('--max-old-space-size=0');
  setFlagsFromString('--max-semi-space-size=0');
  // With its small young generation most of what a Bot API call allocates outlives a scavenge or two (the call is
  // in flight), so V8 took those allocation sites for long-lived and put their objects straight into the old space:
  // it filled with garbage and was collected four times a second. Without that (V8 flags are process-wide; the
  // main thread's collections did not change): 60 -> 27 full collections per bench run, peak RSS 179-204 ->
  // 172-178 MB in four alternating runs.
  setFlagsFromString('--no-allocation-site-pretenuring');
  const fromSource = import.meta.url.endsWith('.ts');
  const host = new URL(`./channel-host.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(host, { workerData: spec, resourceLimits: THREAD_HEAP });
  // A worker does not inherit the main thread's TypeScript loader: register tsx in it first.
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(host.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: spec, resourceLimits: THREAD_HEAP });
}

/** Re-logs a thread's line through the main logger (its level and destination). */
export function relogThreadLine(logger: Logger, line: string): void {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return;
  }
  const {
    level,
    msg,
    time: _time,
    service: _service,
    pid: _pid,
    hostname: _hostname,
    platform: _platform,
    ...rest
  } = record;
  const label = logger.levels.labels[Number(level)] ?? 'info';
  (logger[label as 'info'] ?? logger.info).call(logger, rest, String(msg ?? ''));
}

/** The channel, and its current thread (tests end it to check that a new one takes over). */
export interface ThreadedChannel extends Channel {
  readonly thread: Worker | undefined;
}

export function createTelegramThread(
  config: TelegramConfig,
  deps: ChannelDeps,
  options: TelegramChannelOptions = {},
): ThreadedChannel {
  const log = deps.logger;
  const spec: ThreadSpec = {
    config,
    options,
    logLevel: log.level,
    texts: textTable(deps.translator),
  };
  let worker: Worker | undefined;
  let state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle';
  let connected = false;
  const sends = createPendingCalls<SendResult>();
  let started: { resolve: () => void; reject: (e: Error) => void } | undefined;
  let stopped: (() => void) | undefined;
  let stopping: Promise<void> | undefined;

  /** Stores what a thread received and answers that thread (not a successor: its ids would mean other batches). */
  async function accept(thread: Worker, id: number, events: Parameters<typeof acceptAll>[1]) {
    let answer: ToThread;
    try {
      answer = { t: 'accepted', id, statuses: await acceptAll(deps.inbound, events) };
    } catch (error) {
      answer = { t: 'acceptFailed', id, error: errorInfo(error) };
    }
    if (thread === worker) thread.postMessage(answer);
  }

  function onMessage(thread: Worker, message: FromThread) {
    switch (message.t) {
      case 'accept':
        void accept(thread, message.id, message.events);
        break;
      case 'sent':
        for (const outcome of message.outcomes) {
          if ('result' in outcome) sends.resolve(outcome.id, outcome.result);
          else
            sends.reject(
              outcome.id,
              outcome.failure ? new DeliveryError(outcome.failure) : toError(outcome.error),
            );
        }
        break;
      case 'connected':
        connected = message.value;
        break;
      case 'log':
        relogThreadLine(log, message.line);
        break;
      case 'started':
        started?.resolve();
        started = undefined;
        break;
      case 'startFailed': {
        const error = toError(message.error);
        if (started) started.reject(error);
        else log.error({ err: error }, 'the new Telegram thread could not start');
        started = undefined;
        break;
      }
      case 'stopped':
        stopped?.();
        stopped = undefined;
        break;
    }
  }

  function spawn(): Worker {
    const thread = startHost(spec);
    // After stop() the thread only delivers what is left; it must not keep the process alive.
    if (state === 'stopping' || state === 'stopped') thread.unref();
    thread.on('message', (message: FromThread) => onMessage(thread, message));
    thread.on('error', (err) => log.error({ err }, 'the Telegram thread failed'));
    thread.on('exit', (code) => {
      if (worker !== thread) return;
      worker = undefined;
      connected = false;
      const reason = `the Telegram thread exited (${code})`;
      sends.rejectAll(new DeliveryError({ kind: 'retry', reason }));
      started?.reject(new Error(`${reason} while starting`));
      started = undefined;
      stopped?.();
      stopped = undefined;
      if (state !== 'running') return;
      log.error({ code }, 'the Telegram thread exited; starting a new one');
      setTimeout(() => {
        if (state !== 'running') return;
        // A send may have started one already.
        worker ??= spawn();
        worker.postMessage({ t: 'start' } satisfies ToThread);
      }, RESPAWN_DELAY_MS).unref();
    });
    return thread;
  }

  // The sends asked for in one turn of the event loop (a delivery tick's) cross together. The flush is a microtask:
  // it runs before any other event, so a thread's exit cannot come between a send and its flush.
  const queueSend = createMessageBatch<SendRequest>(queueMicrotask, (batch) => {
    worker ??= spawn();
    worker.postMessage({ t: 'send', sends: batch } satisfies ToThread);
  });

  function post(chatId: string, message: OutgoingMessage | string, sendOptions: SendOptions) {
    return sends.open((id) => queueSend({ id, chatId, message, options: sendOptions }));
  }

  const sender: PlatformSender = {
    platform: 'telegram',
    limits: config.limits ?? TELEGRAM_LIMITS,
    send(chatId, message, sendOptions) {
      return post(chatId, message, sendOptions);
    },
    sendStored(chatId, storedMessage, sendOptions) {
      return post(chatId, storedMessage, sendOptions);
    },
  };

  return {
    platform: 'telegram',
    sender,
    get thread() {
      return worker;
    },
    async start() {
      if (state !== 'idle') return;
      state = 'running';
      worker ??= spawn();
      const thread = worker;
      try {
        await new Promise<void>((resolve, reject) => {
          started = { resolve, reject };
          thread.postMessage({ t: 'start' } satisfies ToThread);
        });
      } catch (error) {
        state = 'stopped';
        await thread.terminate();
        throw error;
      }
    },
    stop() {
      stopping ??= (async () => {
        const thread = worker;
        if (state === 'idle' || !thread) {
          state = 'stopped';
          thread?.unref();
          return;
        }
        state = 'stopping';
        await new Promise<void>((resolve) => {
          stopped = resolve;
          thread.postMessage({ t: 'stop' } satisfies ToThread);
        });
        state = 'stopped';
        // Deliveries still go through the thread until the process ends; it must not keep the process alive.
        worker?.unref();
      })();
      return stopping;
    },
    isConnected: () => state === 'running' && connected,
  };
}
