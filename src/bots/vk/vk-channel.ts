/**
 * The VK channel: node-vk-bot-api (wrapped, see vk-library.ts) behind the neutral Channel interface.
 *
 * Long Poll (default) runs our own loop over the library's API client (vk-long-poll.ts); Callback API mode adds
 * `POST /webhooks/vk` to the server (vk-callback-route.ts). Both hand updates to the inbound sink through one
 * handler; replies leave through the sender, called by the delivery worker.
 */
import type { FastifyInstance } from 'fastify';
import type { VkConfig } from '../../config/config.js';
import type { Channel, ChannelDeps } from '../channel.js';
import { createCapabilitiesCache } from './client-capabilities.js';
import type { BackoffOptions } from './long-poll-backoff.js';
import { createVkApiClient } from './vk-api-client.js';
import { registerVkCallbackRoute, VK_CALLBACK_PATH } from './vk-callback-route.js';
import { createLibraryBot } from './vk-library.js';
import { createLongPoll, type LongPoll } from './vk-long-poll.js';
import { createVkSender } from './vk-sender.js';
import { createUpdateHandler } from './vk-update-handler.js';

/** Tuning knobs (tests make them short); production uses the defaults. */
export interface VkChannelOptions {
  /** Seconds the long-poll server holds a request (default 25). */
  longPollWaitSeconds?: number;
  /** Time limit of one API call (default 15 s). */
  requestTimeoutMs?: number;
  /** Back-off of the long-poll loop while VK is unreachable (default 1 s doubling up to 30 s). */
  backoff?: Partial<BackoffOptions>;
  /** How many people's client capabilities are remembered (default 10,000). */
  capabilitiesCacheSize?: number;
  /** Path of the Callback API route (default /webhooks/vk). */
  callbackPath?: string;
  now?: () => number;
}

export function createVkChannelWithOptions(
  config: VkConfig,
  deps: ChannelDeps,
  options: VkChannelOptions = {},
): Channel {
  // The composition root may already have bound the platform; do not write it twice into every line.
  const logger =
    deps.logger.bindings().platform === 'vk' ? deps.logger : deps.logger.child({ platform: 'vk' });
  const bot = createLibraryBot({
    token: config.token,
    groupId: config.groupId,
    ...(config.mode === 'callback'
      ? { confirmationCode: config.confirmationCode, callbackSecret: config.callbackSecret }
      : {}),
  });
  // Callback calls before start() are answered 503 (VK delivers them again later), like calls after stop().
  bot.stop();
  const api = createVkApiClient({
    bot,
    token: config.token,
    apiRoot: config.apiRoot,
    apiVersion: config.apiVersion,
    timeoutMs: options.requestTimeoutMs ?? 15_000,
  });
  const capabilities = createCapabilitiesCache(options.capabilitiesCacheSize);
  const inFlight = new Set<Promise<unknown>>();
  const track = (promise: Promise<unknown>) => {
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
  };
  const updates = createUpdateHandler({
    inbound: deps.inbound,
    api,
    capabilities,
    logger,
    groupId: config.groupId,
    now: options.now ?? Date.now,
    track,
  });
  const sender = createVkSender({ api, capabilities, logger });

  let state: 'created' | 'started' | 'stopped' = 'created';
  let poll: LongPoll | undefined;
  let stopping: Promise<void> | undefined;

  const channel: Channel = {
    platform: 'vk',
    sender,
    async start() {
      if (state !== 'created') return;
      state = 'started';
      if (config.mode === 'callback') {
        bot.start();
        logger.info(
          { mode: 'callback', path: options.callbackPath ?? VK_CALLBACK_PATH },
          'VK channel taking updates',
        );
        return;
      }
      poll = createLongPoll({
        api,
        groupId: config.groupId,
        waitSeconds: options.longPollWaitSeconds ?? 25,
        backoff: options.backoff ?? {},
        handleBatch: updates.batch,
        logger,
      });
      await poll.start();
      logger.info({ mode: 'longpoll', connected: poll.connected }, 'VK channel taking updates');
    },
    stop() {
      stopping ??= (async () => {
        state = 'stopped';
        bot.stop(); // the library's Callback handler ignores calls from now on (we answer 503)
        await poll?.stop();
        await Promise.all(inFlight);
        logger.info('VK channel stopped');
      })();
      return stopping;
    },
    isConnected() {
      if (state !== 'started') return false;
      if (poll) return poll.connected;
      return api.lastCallReachedVk() !== false;
    },
  };
  if (config.mode === 'callback') {
    channel.registerRoutes = (server: FastifyInstance) =>
      registerVkCallbackRoute(server, {
        bot,
        groupId: config.groupId,
        secret: config.callbackSecret,
        ...(options.callbackPath ? { path: options.callbackPath } : {}),
        handle: updates.one,
        track,
        logger,
      });
  }
  return channel;
}
