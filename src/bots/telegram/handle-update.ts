/**
 * Telegram updates in, IncomingEvents handed to the inbound sink: a getUpdates batch at once (long polling), or one
 * update through grammY's middleware (webhook).
 *
 * Replies never go out from here (the core writes them to the outbox). What does go out directly is best effort
 * and never fails the update: the answer that stops a pressed button's spinner (in webhook mode, that of a stored
 * press goes in the webhook's response instead), the "typing…" indicator (only when the answer is late:
 * typing-indicator.ts), and the apology when a polled event could not be stored.
 */
import type { Api, Context, MiddlewareFn } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import { localeFromLanguageCode } from '../../i18n/locale.js';
import type { Translator } from '../../i18n/translator.js';
import { type AcceptStatus, acceptAll, type InboundSink } from '../../messaging/delivery.js';
import type { IncomingEvent } from '../../messaging/incoming-event.js';
import { withTimeout } from './api-signal.js';
import { describeApiError, loggableError } from './telegram-errors.js';
import { updateChatId, updateToEvent, updateType } from './update-to-event.js';

/** Events after which the person waits for an answer, so "typing…" is shown. */
const TYPING_KINDS = new Set<IncomingEvent['kind']>(['start', 'text', 'command', 'button']);

export interface UpdateHandlerOptions {
  inbound: InboundSink;
  /** Already bound to the platform; each update adds its chat and update ids. */
  logger: Logger;
  translator: Translator;
  now: () => number;
  /** Pauses between attempts to store an event; attempts = length + 1. */
  acceptRetryDelaysMs: readonly number[];
  /** Abort a best-effort API call after this long. */
  callTimeoutMs: number;
  /** Registers a best-effort call so that stopping can wait for it. */
  track: (task: Promise<unknown>) => void;
  /** The person in this chat now waits for an answer ("typing…" if it is late). */
  expectReply: (chatId: string) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Stops the spinner of a pressed button at once, before the update is stored or waits behind others of the chat. */
export function answerButtonPress(options: UpdateHandlerOptions, api: Api, update: Update): void {
  const query = update.callback_query;
  if (!query) return;
  options.track(
    withTimeout(options.callTimeoutMs, (signal) =>
      api.answerCallbackQuery(query.id, undefined, signal),
    ).catch((error: unknown) =>
      options.logger.warn(
        { chatId: updateChatId(update), reason: describeApiError(error) },
        'could not answer a button press',
      ),
    ),
  );
}

/** Tries `store` again after each of the option's pauses; the last failure is thrown. */
async function withRetry<T>(options: UpdateHandlerOptions, log: Logger, store: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await store();
    } catch (error) {
      const delay = options.acceptRetryDelaysMs[attempt];
      if (delay === undefined) throw error;
      log.warn(
        { err: loggableError(error), attempt: attempt + 1 },
        'could not store the event; trying again',
      );
      await sleep(delay);
    }
  }
}

function bestEffort(options: UpdateHandlerOptions, task: Promise<unknown>, log: Logger, what: string): void {
  options.track(
    task.catch((error: unknown) => log.warn({ reason: describeApiError(error) }, `could not send ${what}`)),
  );
}

/** Nothing was stored, so a person in a private chat (the only ones served) is asked to send it again. */
function apologise(options: UpdateHandlerOptions, api: Api, update: Update, log: Logger): void {
  const chatId = updateChatId(update);
  const chatType = update.message?.chat.type ?? update.callback_query?.message?.chat.type;
  if (!chatId || chatType !== 'private') return;
  const from = update.message?.from ?? update.callback_query?.from;
  const text = options.translator.t(localeFromLanguageCode(from?.language_code), 'errors.not_saved_retry');
  bestEffort(
    options,
    withTimeout(options.callTimeoutMs, (signal) => api.sendMessage(chatId, text, undefined, signal)),
    log,
    'the apology',
  );
}

/**
 * Long polling: stores one getUpdates answer with one call to the sink (one commit when it can take many), retried
 * like a single update; resolves once everything is stored (the poller confirms the batch after that). When it
 * cannot be stored, each person is asked to send it again.
 */
export function createBatchHandler(
  options: UpdateHandlerOptions,
  api: Api,
): (updates: Update[]) => Promise<void> {
  return async (updates) => {
    for (const update of updates) answerButtonPress(options, api, update);
    const now = options.now();
    const mapped: { update: Update; event: IncomingEvent }[] = [];
    for (const update of updates) {
      const mapping = updateToEvent(update, now);
      if (mapping.kind === 'ignored')
        options.logger.debug({ updateId: update.update_id, reason: mapping.reason }, 'update ignored');
      else mapped.push({ update, event: mapping.event });
    }
    if (mapped.length === 0) return;
    let statuses: AcceptStatus[];
    try {
      statuses = await withRetry(options, options.logger, () =>
        acceptAll(
          options.inbound,
          mapped.map((m) => m.event),
        ),
      );
    } catch (error) {
      for (const { update } of mapped) {
        const log = options.logger.child({ chatId: updateChatId(update), updateId: update.update_id });
        log.error({ err: loggableError(error), update: updateType(update) }, 'update could not be stored');
        apologise(options, api, update, log);
      }
      return;
    }
    mapped.forEach(({ update, event }, i) => {
      if (statuses[i] === 'duplicate')
        options.logger.info(
          { chatId: event.chatId, updateId: update.update_id, kind: event.kind },
          'update delivered again; already stored',
        );
      else if (TYPING_KINDS.has(event.kind)) options.expectReply(event.chatId);
    });
  };
}

/**
 * Webhook mode: hands each update to the inbound sink, retrying storage a few times with back-off. A pressed button
 * is answered by the route, in its 200 response, once the press is stored; here only when it could not be.
 */
export function handleUpdates(options: UpdateHandlerOptions): MiddlewareFn<Context> {
  const { inbound } = options;

  return async (ctx) => {
    const update = ctx.update;
    const chatId = updateChatId(update);
    const log = options.logger.child({ chatId, updateId: update.update_id });
    try {
      const mapping = updateToEvent(update, options.now());
      if (mapping.kind === 'ignored') {
        log.debug({ reason: mapping.reason }, 'update ignored');
        return;
      }
      const { event } = mapping;
      const status = await withRetry(options, log, () => inbound.accept(event));
      if (status === 'duplicate') {
        log.info({ kind: event.kind }, 'update delivered again; already stored');
        return;
      }
      log.debug({ kind: event.kind }, 'event stored');
      if (TYPING_KINDS.has(event.kind)) options.expectReply(event.chatId);
    } catch (error) {
      log.error({ err: loggableError(error), update: updateType(update) }, 'update could not be stored');
      // A stored press is answered in the webhook's response (telegram-webhook.ts); this one is answered now, so
      // that its spinner stops while Telegram delivers it again.
      answerButtonPress(options, ctx.api, update);
      // The webhook answers 500 and Telegram delivers the update again (long polling, where a fetched update is
      // gone, tells the person instead: createBatchHandler).
      throw error;
    }
  };
}
