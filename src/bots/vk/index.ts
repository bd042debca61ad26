/**
 * VK adapter: the only door from the rest of the program to node-vk-bot-api.
 *
 * The composition root calls `createVkChannel` when VK_GROUP_TOKEN and VK_GROUP_ID are set, then
 * `registerRoutes(server)` before listening (Callback API mode only), `start()` after, and `stop()` at shutdown.
 * The sender keeps working after `stop()`, so the outbox can be flushed.
 *
 * Modules: vk-library (loads node-vk-bot-api, wraps its defects), vk-api-client (its `api()` redirected, typed
 * errors), vk-errors (VK error codes → retry/blocked/rejected), vk-long-poll + long-poll-backoff (our poll loop),
 * vk-callback-route (POST /webhooks/vk), vk-update-handler + event-to-incoming (VK updates → IncomingEvent),
 * client-capabilities (which keyboards a person's client shows), vk-sender + render-vk + vk-keyboard +
 * split-message + random-id (OutgoingMessage → messages.send/edit), vk-channel (wires them into a Channel).
 */
import type { VkConfig } from '../../config/config.js';
import type { Channel, ChannelDeps } from '../channel.js';
import { createVkChannelWithOptions, type VkChannelOptions } from './vk-channel.js';

export type { VkChannelOptions } from './vk-channel.js';

/** Creates the VK channel (Long Poll or Callback API, from `config.mode`); `options` only tune timings. */
export function createVkChannel(config: VkConfig, deps: ChannelDeps, options?: VkChannelOptions): Channel {
  return createVkChannelWithOptions(config, deps, options);
}
