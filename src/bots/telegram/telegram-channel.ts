/**
 * The Telegram channel: one grammY bot that takes updates by long polling (long-poll.ts: a batch is stored before
 * it is confirmed) or by webhook (grammY middleware, one update per request), and a sender for the delivery worker.
 *
 * Lifecycle. `start()` makes one attempt to reach Telegram (getMe, then deleteWebhook or setWebhook, then the
 * command menus). A refused token fails `start()` loudly, since nothing will work until the operator fixes it;
 * any other failure is logged and retried in the background so the rest of the assistant starts anyway. While
 * polling, a supervisor sets up again and restarts the poller when it gives up (409 Conflict when someone set a
 * webhook, 401 when the token was revoked; network errors the poller retries itself): it never dies for good. `stop()` stops fetching,
 * waits for updates in flight to reach the inbound sink, and leaves no timers behind.
 */
import { sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { TelegramConfig } from '../../config/config.js';
import type { Locale } from '../../i18n/locale.js';
import type { Channel, ChannelDeps } from '../channel.js';
import { apiSignal, withTimeout } from './api-signal.js';
import { createConnectionMonitor } from './connection-monitor.js';
import type { UpdateHandlerOptions } from './handle-update.js';
import { createBatchHandler, handleUpdates } from './handle-update.js';
import { leanFetch } from './lean-fetch.js';
import { longPoll } from './long-poll.js';
import { pause } from './pause.js';
import { describeApiError, isTokenRejected, loggableError } from './telegram-errors.js';
import { createTelegramSender } from './telegram-sender.js';
import { registerWebhookRoute, WEBHOOK_PATH } from './telegram-webhook.js';
import { createTypingIndicator } from './typing-indicator.js';
import { updateChatId } from './update-to-event.js';

/** Only what we serve; edited messages, channel posts and the like are never fetched. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** Most "typing…" indicators per second (a courtesy; Telegram's own budget for a bot is about 30 calls/s). */
const TYPING_PER_SECOND = 20;

/**
 * The bot's command menu, in this order; descriptions are `commands.<name>` in the locale files. The services'
 * commands (benefits, where, complaint, status) are those their flows declare in `src/dialogs/flows/`.
 */
export const BOT_COMMANDS = [
  'start',
  'menu',
  'benefits',
  'where',
  'complaint',
  'status',
  'help',
  'operator',
  'lang',
  'privacy',
  'forget',
] as const;

/** Tuning knobs. Defaults suit production; tests shorten the waits. */
export interface TelegramChannelOptions {
  /** Long-poll timeout of getUpdates, in seconds. Default 30. */
  pollTimeoutSeconds?: number;
  /** Pause between failed getUpdates calls, in milliseconds. Default 1,000. */
  pollRetryIntervalMs?: number;
  /** Back-off for re-trying setup and restarting the poller: first and longest pause. Default 1 s … 60 s. */
  restartDelayMs?: { first: number; max: number };
  /** Pauses between attempts to store an incoming event. Default 250, 1,000, 4,000 ms. */
  acceptRetryDelaysMs?: readonly number[];
  /** Abort one Bot API call (send, edit, answer) after this long. Default 30,000 ms. */
  callTimeoutMs?: number;
  /** Throw on a button Telegram would reject instead of leaving it out. Default: NODE_ENV is not production. */
  strictButtons?: boolean;
  /** Show "typing…" when no answer was sent this long after a message (ms). Default 1,000. */
  typingDelayMs?: number;
  /** Label of the "share my location" button. Default: `buttons.share_location` in Russian when the key exists. */
  locationButtonLabel?: () => string;
  now?: () => number;
}

/** The token was refused by Telegram: a configuration error the operator has to fix. */
export class TelegramTokenRejectedError extends Error {
  override readonly name = 'TelegramTokenRejectedError';
  constructor(reason: string) {
    super(`Telegram refused TELEGRAM_BOT_TOKEN (${reason}). Check the token with @BotFather.`);
  }
}

export function createTelegramChannel(
  config: TelegramConfig,
  deps: ChannelDeps,
  options: TelegramChannelOptions = {},
): Channel {
  // The composition root may already have bound the platform; binding it twice would print the key twice.
  const log = deps.logger.bindings().platform ? deps.logger : deps.logger.child({ platform: 'telegram' });
  const now = options.now ?? Date.now;
  const pollTimeoutSeconds = options.pollTimeoutSeconds ?? 30;
  const restartDelay = options.restartDelayMs ?? { first: 1_000, max: 60_000 };
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;

  const monitor = createConnectionMonitor({
    logger: log,
    now,
    staleAfterMs: config.mode === 'polling' ? pollTimeoutSeconds * 1000 + 30_000 : Number.POSITIVE_INFINITY,
  });
  const bot = new Bot(config.token, {
    client: {
      apiRoot: config.apiRoot,
      // grammY waits 500 s by default; a long poll on a silently dead connection would hang that long.
      timeoutSeconds: pollTimeoutSeconds + 15,
      // node:http directly instead of node-fetch: its per-call machinery cost more CPU than the call (lean-fetch.ts).
      fetch: leanFetch as unknown as typeof fetch,
    },
  });
  bot.api.config.use(monitor.transformer);

  /** Best-effort calls (answers, "typing", apologies) and updates in flight: stop() waits for them. */
  const background = new Set<Promise<unknown>>();
  const track = (task: Promise<unknown>) => {
    background.add(task);
    const forget = () => background.delete(task);
    task.then(forget, forget);
  };

  const typing = createTypingIndicator({
    delayMs: options.typingDelayMs ?? 1_000,
    perSecond: TYPING_PER_SECOND,
    now,
    show: (chatId) =>
      track(
        withTimeout(callTimeoutMs, (signal) =>
          bot.api.sendChatAction(chatId, 'typing', undefined, signal),
        ).catch((error: unknown) =>
          log.warn({ chatId, reason: describeApiError(error) }, 'could not send typing'),
        ),
      ),
  });

  const handlerOptions: UpdateHandlerOptions = {
    inbound: deps.inbound,
    logger: log,
    translator: deps.translator,
    now,
    acceptRetryDelaysMs: options.acceptRetryDelaysMs ?? [250, 1_000, 4_000],
    callTimeoutMs,
    track,
    expectReply: typing.expect,
  };
  bot.use(async (_ctx, next) => {
    const task = next();
    track(task.catch(() => undefined));
    await task;
  });
  // Webhook requests: updates of one chat are handled in order; different chats concurrently.
  bot.use(sequentialize((ctx) => updateChatId(ctx.update)));
  bot.use(handleUpdates(handlerOptions));
  // Last line of defence for the poller: the middleware catches its own errors, so this only logs bugs.
  bot.catch((error) =>
    log.error({ err: loggableError(error), updateId: error.ctx.update.update_id }, 'update handler failed'),
  );

  // The neutral message carries no label and the sender does not know the person's language: Russian, from the
  // locale file when the key exists; a pin otherwise (Telegram needs some text on the button).
  let locationLabel: string | undefined;
  const locationButtonLabel =
    options.locationButtonLabel ??
    (() => {
      locationLabel ??= deps.translator.keys('ru').includes('buttons.share_location')
        ? deps.translator.t('ru', 'buttons.share_location')
        : '📍';
      return locationLabel;
    });

  const sender = createTelegramSender(bot.api, {
    logger: log.child({ component: 'sender' }),
    strictButtons: options.strictButtons ?? process.env.NODE_ENV !== 'production',
    callTimeoutMs,
    locationButtonLabel,
    onSending: typing.answered,
    ...(config.limits ? { limits: config.limits } : {}),
  });

  let state: 'idle' | 'running' | 'stopped' = 'idle';
  const lifetime = new AbortController();
  let polling: { stop: AbortController; done: Promise<void> } | undefined;
  const storeBatch = createBatchHandler(handlerOptions, bot.api);
  let supervisor: Promise<void> | undefined;
  let commandsSet = false;
  let stopping: Promise<void> | undefined;

  function commandsFor(locale: Locale): BotCommand[] {
    return BOT_COMMANDS.map((command) => ({
      command,
      description: deps.translator.t(locale, `commands.${command}`),
    }));
  }

  async function setCommands(abort: AbortSignal): Promise<void> {
    const signal = apiSignal(abort);
    // Russian is the default menu (no language_code) as well as the menu for Russian-language clients.
    await bot.api.setMyCommands(commandsFor('ru'), undefined, signal);
    await bot.api.setMyCommands(commandsFor('ru'), { language_code: 'ru' }, signal);
    await bot.api.setMyCommands(commandsFor('en'), { language_code: 'en' }, signal);
  }

  /** One attempt to reach Telegram and register how we take updates. */
  async function setUp(abort: AbortSignal): Promise<void> {
    const signal = apiSignal(abort);
    bot.botInfo = await bot.api.getMe(signal);
    if (config.mode === 'webhook') {
      await bot.api.setWebhook(
        `${config.publicUrl}${WEBHOOK_PATH}`,
        { secret_token: config.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] },
        signal,
      );
    } else {
      // getUpdates answers 409 Conflict while a webhook is set.
      await bot.api.deleteWebhook({ drop_pending_updates: false }, signal);
    }
    if (!commandsSet) {
      try {
        await setCommands(abort);
        commandsSet = true;
      } catch (error) {
        // The command menu is a convenience: go on, and try again at the next setup.
        log.warn({ reason: describeApiError(error) }, 'could not set the command menu');
      }
    }
  }

  function startPolling(): Promise<void> {
    const stop = new AbortController();
    const done = longPoll({
      api: bot.api,
      timeoutSeconds: pollTimeoutSeconds,
      allowedUpdates: ALLOWED_UPDATES,
      retryIntervalMs: options.pollRetryIntervalMs ?? 1_000,
      signal: stop.signal,
      handleBatch: (updates) => {
        const stored = storeBatch(updates);
        track(stored.catch(() => undefined));
        return stored;
      },
    });
    polling = { stop, done };
    return done;
  }

  /** Keeps setup and polling going until stop(). Never rejects. */
  async function supervise(ready: boolean): Promise<void> {
    const signal = lifetime.signal;
    let delay = restartDelay.first;
    const backOff = async () => {
      await pause(delay, signal);
      delay = Math.min(delay * 2, restartDelay.max);
    };
    while (state === 'running') {
      if (!ready) {
        try {
          await setUp(signal);
          ready = true;
          log.info({ mode: config.mode }, 'connected to Telegram');
        } catch (error) {
          if (signal.aborted) break;
          log.warn(
            { reason: describeApiError(error), retryInMs: delay },
            'Telegram setup failed; trying again',
          );
          await backOff();
          continue;
        }
      }
      if (config.mode === 'webhook') return;
      const started = now();
      try {
        await startPolling();
      } catch (error) {
        log.error({ reason: describeApiError(error) }, 'long polling stopped; restarting');
      }
      polling = undefined;
      if (state !== 'running') break;
      // A poller that ran for a while before failing starts over with short pauses.
      if (now() - started > restartDelay.max) delay = restartDelay.first;
      // Set up again: a 409 means someone registered a webhook, which deleteWebhook clears.
      ready = false;
      await backOff();
    }
  }

  return {
    platform: 'telegram',
    sender,

    registerRoutes(server) {
      if (config.mode !== 'webhook') return;
      registerWebhookRoute(server, {
        secret: config.webhookSecret,
        logger: log,
        isAccepting: () => state === 'running' && bot.isInited(),
        handleUpdate: (update) => bot.handleUpdate(update),
        onContact: monitor.markContact,
      });
    },

    async start() {
      if (state !== 'idle') return;
      state = 'running';
      let ready = false;
      try {
        await setUp(lifetime.signal);
        ready = true;
        log.info({ mode: config.mode, bot: bot.botInfo.username }, 'connected to Telegram');
      } catch (error) {
        if (lifetime.signal.aborted) return; // stopped while starting
        if (isTokenRejected(error)) {
          state = 'stopped';
          throw new TelegramTokenRejectedError(describeApiError(error));
        }
        log.warn({ reason: describeApiError(error) }, 'Telegram is not reachable yet; will keep trying');
      }
      supervisor = supervise(ready);
    },

    stop() {
      stopping ??= (async () => {
        state = 'stopped';
        lifetime.abort();
        typing.stop();
        polling?.stop.abort();
        await polling?.done.catch(() => undefined);
        await supervisor;
        // Updates in flight reach the inbound sink; best-effort calls finish or time out.
        while (background.size > 0) await Promise.allSettled([...background]);
      })();
      return stopping;
    },

    isConnected: () => state === 'running' && monitor.isConnected(),
  };
}
