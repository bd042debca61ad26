/**
 * Sends (or edits) one neutral message in a Telegram chat for the delivery worker.
 *
 * The sender itself never retries and never sleeps: it makes each API call once and tells the worker what a
 * failure means through DeliveryError (retry / blocked / rejected). Two recoveries are local because they cannot
 * succeed by waiting: HTML that Telegram cannot parse is re-sent as plain text, and a message that cannot be edited
 * is sent anew.
 *
 * A long message becomes several Telegram messages. If one of the later parts fails with a retryable error, the
 * parts already sent are remembered (in memory, for a while, by the worker's idempotency key) so that the worker's
 * retry sends only the rest and the person does not read the first part twice.
 */
import { createHash } from 'node:crypto';
import type { Api } from 'grammy';
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from 'grammy/types';
import type { Logger } from 'pino';
import type { PlatformSender, SendOptions, SendResult } from '../../messaging/delivery.js';
import { DeliveryError } from '../../messaging/delivery.js';
import type { OutgoingMessage } from '../../messaging/outgoing-message.js';
import type { RichText } from '../../messaging/rich-text.js';
import type { ApiSignal } from './api-signal.js';
import { withTimeout } from './api-signal.js';
import {
  renderInlineKeyboard,
  renderLocationKeyboard,
  renderTelegramHtml,
  renderTelegramPlain,
} from './render-telegram.js';
import { splitRichText, TELEGRAM_MAX_TEXT_LENGTH } from './split-message.js';
import {
  describeApiError,
  isCannotEdit,
  isCannotParseEntities,
  isNotModified,
  toDeliveryError,
} from './telegram-errors.js';
import { TELEGRAM_LIMITS } from './telegram-limits.js';

export interface TelegramSenderOptions {
  /** Bound to the platform already. */
  logger: Logger;
  /** Throw on a button Telegram would reject instead of leaving it out (development). */
  strictButtons: boolean;
  /** Abort one API call after this long (the worker then retries). */
  callTimeoutMs: number;
  /** Label of the "share my location" reply-keyboard button. */
  locationButtonLabel: () => string;
  maxTextLength?: number;
  /** Called when a message to the chat goes out (the "typing…" indicator is no longer needed). */
  onSending?: (chatId: string) => void;
  /** What the delivery worker keeps to; default TELEGRAM_LIMITS. */
  limits?: PlatformSender['limits'];
}

type Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup;

interface Part {
  text: RichText;
  markup?: Markup;
}

interface Progress {
  sentIds: string[];
  expiresAt: number;
}

const PROGRESS_TTL_MS = 15 * 60_000;
const PROGRESS_MAX_ENTRIES = 1_000;

function progressKey(chatId: string, message: OutgoingMessage, options: SendOptions): string {
  // The worker's idempotency key names one outbox message exactly; without it, the content does.
  const identity =
    options.idempotencyKey ?? createHash('sha256').update(JSON.stringify(message)).digest('base64url');
  return `${chatId}\u0000${options.editMessageId ?? ''}\u0000${identity}`;
}

export function createTelegramSender(api: Api, options: TelegramSenderOptions): PlatformSender {
  const max = options.maxTextLength ?? TELEGRAM_MAX_TEXT_LENGTH;
  const progress = new Map<string, Progress>();
  const log = options.logger;

  function remember(key: string, sentIds: string[]): void {
    const now = Date.now();
    for (const [k, p] of progress)
      if (p.expiresAt < now || progress.size >= PROGRESS_MAX_ENTRIES) progress.delete(k);
    progress.set(key, { sentIds, expiresAt: now + PROGRESS_TTL_MS });
  }

  /** Splits the text and decides which part carries which keyboard. */
  function plan(chatId: string, message: OutgoingMessage): Part[] {
    const texts = splitRichText(message.text, max);
    if (texts.every((t) => t.length === 0)) {
      throw new DeliveryError({ kind: 'rejected', reason: 'message has no text (Telegram needs some)' });
    }
    const inline = renderInlineKeyboard(message.buttons, {
      strict: options.strictButtons,
      onDropped: (reason) => log.error({ chatId, reason }, 'button left out'),
    });
    let location = message.requestLocation
      ? renderLocationKeyboard(options.locationButtonLabel())
      : undefined;
    // One Telegram message holds one keyboard. With both kinds, the location keyboard goes with the first part
    // and the buttons with the last; a one-part message is split before its last paragraph to make two parts.
    if (location && inline && texts.length === 1) {
      const only = texts[0]!;
      if (only.length >= 2) {
        texts.splice(0, 1, only.slice(0, -1), only.slice(-1));
      } else {
        log.warn(
          { chatId },
          'message with buttons and a location request has one paragraph: location button left out',
        );
        location = undefined;
      }
    }
    const parts: Part[] = texts.map((text) => ({ text }));
    if (location && inline) {
      parts[0]!.markup = location;
      parts[parts.length - 1]!.markup = inline;
    } else {
      parts[parts.length - 1]!.markup = inline ?? location;
    }
    return parts;
  }

  /** One API call under the call timeout. */
  const timed = <T>(call: (signal: ApiSignal) => Promise<T>) => withTimeout(options.callTimeoutMs, call);

  async function sendPart(chatId: string, part: Part): Promise<string> {
    const common = { reply_markup: part.markup, link_preview_options: { is_disabled: true } };
    try {
      const sent = await timed((signal) =>
        api.sendMessage(chatId, renderTelegramHtml(part.text), { ...common, parse_mode: 'HTML' }, signal),
      );
      return String(sent.message_id);
    } catch (error) {
      if (!isCannotParseEntities(error)) throw error;
      log.warn(
        { chatId, reason: describeApiError(error) },
        'Telegram could not parse our HTML; sending plain text',
      );
      const sent = await timed((signal) =>
        api.sendMessage(chatId, renderTelegramPlain(part.text), common, signal),
      );
      return String(sent.message_id);
    }
  }

  /** Edits a message in place; false when it cannot be edited (the caller sends a new one). */
  async function editPart(chatId: string, messageId: number, part: Part): Promise<boolean> {
    const markup = part.markup as InlineKeyboardMarkup | undefined;
    const common = { reply_markup: markup, link_preview_options: { is_disabled: true } };
    const attempt = async (text: string, html: boolean) => {
      try {
        await timed((signal) =>
          api.editMessageText(
            chatId,
            messageId,
            text,
            html ? { ...common, parse_mode: 'HTML' } : common,
            signal,
          ),
        );
      } catch (error) {
        // Pressing the same button twice renders the same message: nothing to change is a success.
        if (!isNotModified(error)) throw error;
      }
    };
    try {
      try {
        await attempt(renderTelegramHtml(part.text), true);
      } catch (error) {
        if (!isCannotParseEntities(error)) throw error;
        log.warn(
          { chatId, reason: describeApiError(error) },
          'Telegram could not parse our HTML; editing with plain text',
        );
        await attempt(renderTelegramPlain(part.text), false);
      }
      return true;
    } catch (error) {
      if (!isCannotEdit(error)) throw error;
      log.info({ chatId, reason: describeApiError(error) }, 'message cannot be edited; sending a new one');
      return false;
    }
  }

  return {
    platform: 'telegram',
    limits: options.limits ?? TELEGRAM_LIMITS,
    async send(chatId, message, sendOptions): Promise<SendResult> {
      options.onSending?.(chatId);
      const parts = plan(chatId, message);
      const key = progressKey(chatId, message, sendOptions);
      const sentIds = [...(progress.get(key)?.sentIds ?? [])];
      progress.delete(key);
      const editId = Number(sendOptions.editMessageId);
      try {
        for (let i = sentIds.length; i < parts.length; i++) {
          const part = parts[i]!;
          // Reply keyboards (the location button) cannot be attached by an edit.
          const editable =
            i === 0 &&
            Number.isSafeInteger(editId) &&
            editId > 0 &&
            !(part.markup && 'keyboard' in part.markup);
          if (editable && (await editPart(chatId, editId, part))) sentIds.push(String(editId));
          else sentIds.push(await sendPart(chatId, part));
        }
      } catch (error) {
        const failure = toDeliveryError(error);
        if (failure.failure.kind === 'retry' && sentIds.length > 0) remember(key, sentIds);
        throw failure;
      }
      return { platformMessageIds: sentIds };
    },
  };
}
