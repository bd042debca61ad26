/**
 * The grammY middleware of the adapter: one Telegram update in, one IncomingEvent handed to the inbound sink.
 *
 * Replies never go out from here (the core writes them to the outbox). What does go out directly is best effort
 * and never fails the update: the answer that stops a pressed button's spinner, the "typing…" indicator (only when
 * the answer is late: typing-indicator.ts), and the apology when the event could not be stored.
 */
import type { Context, MiddlewareFn } from 'grammy';
import type { Logger } from 'pino';
import type { Translator } from '../../i18n/translator.js';
import { localeFromLanguageCode } from '../../i18n/translator.js';
import type { AcceptStatus, InboundSink } from '../../messaging/delivery.js';
import type { IncomingEvent } from '../../messaging/incoming-event.js';
import { timeoutSignal } from './api-signal.js';
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
  /**
   * What to do when the event still cannot be stored: with long polling the update is gone once fetched, so the
   * person is told ('apologise'); a webhook answers 500 instead ('throw') and Telegram delivers the update again.
   */
  onAcceptFailure: 'apologise' | 'throw';
  /** Abort a best-effort API call after this long. */
  callTimeoutMs: number;
  /** Registers a best-effort call so that stopping can wait for it. */
  track: (task: Promise<unknown>) => void;
  /** The person in this chat now waits for an answer ("typing…" if it is late). */
  expectReply: (chatId: string) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Stops the spinner of a pressed button at once, before the update waits its turn behind others of the chat. */
export function answerCallbackQueries(options: UpdateHandlerOptions): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const query = ctx.update.callback_query;
    if (query) {
      options.track(
        ctx.api
          .answerCallbackQuery(query.id, undefined, timeoutSignal(options.callTimeoutMs))
          .catch((error: unknown) =>
            options.logger.warn(
              { chatId: updateChatId(ctx.update), reason: describeApiError(error) },
              'could not answer a button press',
            ),
          ),
      );
    }
    await next();
  };
}

/** Hands each update to the inbound sink, retrying storage a few times with back-off. */
export function handleUpdates(options: UpdateHandlerOptions): MiddlewareFn<Context> {
  const { inbound, translator } = options;

  async function acceptWithRetry(event: IncomingEvent, log: Logger): Promise<AcceptStatus> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await inbound.accept(event);
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

  function bestEffort(task: Promise<unknown>, log: Logger, what: string): void {
    options.track(
      task.catch((error: unknown) => log.warn({ reason: describeApiError(error) }, `could not send ${what}`)),
    );
  }

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
      const status = await acceptWithRetry(event, log);
      if (status === 'duplicate') {
        log.info({ kind: event.kind }, 'update delivered again; already stored');
        return;
      }
      log.debug({ kind: event.kind }, 'event stored');
      if (TYPING_KINDS.has(event.kind)) options.expectReply(event.chatId);
    } catch (error) {
      log.error({ err: loggableError(error), update: updateType(update) }, 'update could not be stored');
      if (options.onAcceptFailure === 'throw') throw error;
      // Only people in private chats are served, so only they hear about it.
      const chatType = update.message?.chat.type ?? update.callback_query?.message?.chat.type;
      if (chatId && chatType === 'private') {
        // Nothing was stored, so the person is asked to send it again rather than told it is saved.
        const text = translator.t(localeFromLanguageCode(ctx.from?.language_code), 'errors.not_saved_retry');
        bestEffort(
          ctx.api.sendMessage(chatId, text, undefined, timeoutSignal(options.callTimeoutMs)),
          log,
          'the apology',
        );
      }
    }
  };
}
