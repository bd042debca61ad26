/**
 * What a failed Bot API call means for delivery. Telegram's descriptions are the only way to tell some 400s
 * apart ("message is not modified", "can't parse entities"), so they are matched here and nowhere else.
 */
import { BotError, GrammyError, HttpError } from 'grammy';
import { DeliveryError } from '../../messaging/delivery.js';

/** When Telegram does not say how long to wait after a 429, and for 401/404 (our configuration is broken). */
const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;
const MISCONFIGURED_WAIT_MS = 60_000;

export function isNotModified(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /message is not modified/i.test(error.description)
  );
}

export function isCannotParseEntities(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /can't parse entities/i.test(error.description)
  );
}

/** Any other 400 on an edit: the message is gone, too old, not ours, or not text. We send a new one instead. */
export function isCannotEdit(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400;
}

/** The token was refused (401) or is malformed (404 on every method). Retrying will not help. */
export function isTokenRejected(error: unknown): boolean {
  return error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404);
}

/**
 * Removes bot tokens from text. The network errors grammY wraps carry the request URL, which contains the token
 * (https://api.telegram.org/bot<token>/sendMessage); such text must not reach logs or the outbox.
 */
export function redactToken(text: string): string {
  return text.replace(/bot\d+:[\w-]+/g, 'bot<token>');
}

/** A short reason for logs and the outbox: no token, no message text. */
export function describeApiError(error: unknown): string {
  if (error instanceof GrammyError) return `${error.method}: ${error.error_code} ${error.description}`;
  if (error instanceof HttpError) {
    const cause = error.error as { name?: string; code?: string; message?: string } | undefined;
    return redactToken(
      `network: ${error.message} ${cause?.code ?? cause?.name ?? ''} ${cause?.message ?? ''}`.trim(),
    );
  }
  return redactToken(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}

/** An error as a log field, without the token that network errors carry in their URL. */
export function loggableError(error: unknown): { type: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: redactToken(String(error)) };
  // BotError (grammY's wrapper around a middleware error): describe what it wraps.
  const cause = error instanceof BotError ? error.error : error;
  return {
    type: cause instanceof Error ? cause.name : error.name,
    message: describeApiError(cause),
    ...(error.stack
      ? { stack: redactToken(cause instanceof Error && cause.stack ? cause.stack : error.stack) }
      : {}),
  };
}

/** Maps a failed send to what the delivery worker should do. */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const reason = describeApiError(error);
  if (error instanceof GrammyError) {
    const code = error.error_code;
    if (code === 429) {
      const seconds = error.parameters?.retry_after;
      const retryAfterMs = typeof seconds === 'number' ? seconds * 1000 : DEFAULT_RATE_LIMIT_WAIT_MS;
      // Flood control applies to the bot: other chats sent to meanwhile only earn more 429s and longer waits.
      return new DeliveryError({ kind: 'retry', reason, retryAfterMs, wholePlatform: true });
    }
    if (code >= 500) return new DeliveryError({ kind: 'retry', reason });
    // "bot was blocked by the user", "user is deactivated", "bot can't initiate conversation with a user":
    // all mean this person cannot get our messages until they write again.
    if (code === 403) return new DeliveryError({ kind: 'blocked', reason });
    // Our token or API address is wrong: the message is fine, so keep it for when the operator fixes the config.
    if (code === 401 || code === 404) {
      return new DeliveryError({ kind: 'retry', reason, retryAfterMs: MISCONFIGURED_WAIT_MS });
    }
    return new DeliveryError({ kind: 'rejected', reason });
  }
  // Network failures, timeouts and dropped connections: the message may or may not have arrived; try again.
  if (error instanceof HttpError) return new DeliveryError({ kind: 'retry', reason });
  return new DeliveryError({ kind: 'rejected', reason });
}
