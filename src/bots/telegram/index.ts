/**
 * Telegram adapter. This folder is the only place that imports grammY; the rest of the program sees the Channel.
 *
 * The composition root calls `createTelegramChannel` when TELEGRAM_BOT_TOKEN is set, `registerRoutes(server)` before
 * the server listens (webhook mode adds `POST /webhooks/telegram`), `start()` after, and `stop()` at shutdown.
 */
import type { TelegramConfig } from '../../config/config.js';
import type { Channel, ChannelDeps } from '../channel.js';
import type { TelegramChannelOptions } from './telegram-channel.js';
import { createTelegramChannel as createChannel } from './telegram-channel.js';

export type { TelegramChannelOptions } from './telegram-channel.js';
export { TelegramTokenRejectedError } from './telegram-channel.js';
export { WEBHOOK_PATH } from './telegram-webhook.js';

/** Creates the Telegram channel (long polling or webhook, from `config.mode`); `options` tune waits for tests. */
export function createTelegramChannel(
  config: TelegramConfig,
  deps: ChannelDeps,
  options: TelegramChannelOptions = {},
): Channel {
  return createChannel(config, deps, options);
}
