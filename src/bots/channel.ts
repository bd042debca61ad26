/**
 * What every messenger adapter gives the composition root. The adapter owns its library (grammY,
 * node-vk-bot-api); the rest of the program only sees this interface, incoming events and outgoing messages.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Translator } from '../i18n/translator.js';
import type { InboundSink, PlatformSender } from '../messaging/delivery.js';
import type { Platform } from '../messaging/incoming-event.js';

export interface Channel {
  readonly platform: Platform;
  /** Used by the delivery worker for every outgoing message of this platform. */
  readonly sender: PlatformSender;
  /** Adds webhook routes to the server; called before the server listens. */
  registerRoutes?(server: FastifyInstance): void;
  /** Starts taking updates (polling, or registering the webhook) and sets the bot's commands. */
  start(): Promise<void>;
  /** Stops taking updates; resolves when in-flight updates were handed to the inbound sink. Idempotent. */
  stop(): Promise<void>;
  /** For /readyz: whether the messenger answered recently. */
  isConnected(): boolean;
}

/** What the composition root hands every adapter. */
export interface ChannelDeps {
  inbound: InboundSink;
  logger: Logger;
  translator: Translator;
}
