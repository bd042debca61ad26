/**
 * Typed VK failures and what they mean for delivery.
 *
 * VK answers errors as `{error: {error_code, error_msg}}` with HTTP 200; transport failures (refused, reset,
 * timeout, 5xx) never reach VK's logic at all. The delivery worker only needs to know: retry, blocked, rejected.
 */
import type { DeliveryFailure } from '../../messaging/delivery.js';

/** VK answered with an error object. */
export class VkApiError extends Error {
  override readonly name = 'VkApiError';
  constructor(
    readonly method: string,
    readonly code: number,
    readonly vkMessage: string,
  ) {
    super(`${method}: VK error ${code}: ${vkMessage}`);
  }
}

/** The request did not get a VK answer (connection refused/reset, timeout, HTTP 5xx, unreadable body). */
export class VkTransportError extends Error {
  override readonly name = 'VkTransportError';
  constructor(
    readonly method: string,
    readonly detail: string,
    readonly httpStatus?: number,
  ) {
    super(`${method}: ${detail}`);
  }
}

/** Error codes (https://dev.vk.com/reference/errors) grouped by what the delivery worker should do. */
const RETRY_AFTER_MS: Record<number, number> = {
  1: 5_000, // unknown error: try later
  5: 60_000, // authorization failed: the token is wrong or revoked; keep messages until an operator fixes it
  6: 1_000, // too many requests per second
  9: 10_000, // flood control
  10: 5_000, // internal server error
  29: 60_000, // rate limit reached
};
/** The person cannot receive our messages: 900 blacklist, 901 no permission, 902 privacy settings. */
const BLOCKED = new Set([900, 901, 902]);
/** No permission / access denied: for messages.send this means the person or community closed messages. */
const NO_PERMISSION = new Set([7, 15]);

/** Maps any error from a send/edit call to the delivery worker's terms. */
export function classifyVkFailure(error: unknown): DeliveryFailure {
  if (error instanceof VkTransportError) {
    return { kind: 'retry', reason: error.message };
  }
  if (error instanceof VkApiError) {
    const retryAfterMs = RETRY_AFTER_MS[error.code];
    if (retryAfterMs !== undefined) return { kind: 'retry', reason: error.message, retryAfterMs };
    if (BLOCKED.has(error.code)) return { kind: 'blocked', reason: error.message };
    if (NO_PERMISSION.has(error.code) && error.method === 'messages.send') {
      return { kind: 'blocked', reason: error.message };
    }
    return { kind: 'rejected', reason: error.message };
  }
  // A programming error of ours: do not loop on it.
  return { kind: 'rejected', reason: error instanceof Error ? error.message : String(error) };
}
