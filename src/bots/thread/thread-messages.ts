/**
 * What the main thread and a messenger thread say to each other (see channel-thread.ts). Plain data only: every
 * message crosses the thread boundary by structured clone.
 */
import type { TelegramConfig } from '../../config/config.js';
import type { TextTable } from '../../i18n/text-table.js';
import type { AcceptStatus, DeliveryFailure, SendOptions, SendResult } from '../../messaging/delivery.js';
import type { IncomingEvent } from '../../messaging/incoming-event.js';
import type { OutgoingMessage } from '../../messaging/outgoing-message.js';
import type { TelegramChannelOptions } from '../telegram/telegram-channel.js';

/** What the thread is started with (its workerData). */
export interface ThreadSpec {
  config: TelegramConfig;
  /** Without functions: only numbers and flags cross the boundary. */
  options: TelegramChannelOptions;
  /** The main logger's level: lines below it are not even sent over. */
  logLevel: string;
  /** The texts the channel may need (its command menu, an apology), rendered by the main thread's translator. */
  texts: TextTable;
}

/** One send: `message` as a string is the outbox's stored JSON, read in the thread. */
export interface SendRequest {
  id: number;
  chatId: string;
  message: OutgoingMessage | string;
  options: SendOptions;
}

/**
 * How one send ended: its result, or its error, with `failure` when the sender said what went wrong (a
 * DeliveryError; the delivery worker judges anything else).
 */
export type SendOutcome =
  | { id: number; result: SendResult }
  | { id: number; failure?: DeliveryFailure; error: ErrorInfo };

/** An error as it crosses the boundary (its class does not). */
export interface ErrorInfo {
  name: string;
  message: string;
}

export type ToThread =
  | { t: 'start' }
  | { t: 'stop' }
  /** The sends asked for in one turn of the main thread's event loop (a delivery tick's), together. */
  | { t: 'send'; sends: SendRequest[] }
  | { t: 'accepted'; id: number; statuses: AcceptStatus[] }
  | { t: 'acceptFailed'; id: number; error: ErrorInfo };

export type FromThread =
  | { t: 'started' }
  | { t: 'startFailed'; error: ErrorInfo }
  | { t: 'stopped' }
  /** How the sends that ended in one turn of the thread's event loop ended, together. */
  | { t: 'sent'; outcomes: SendOutcome[] }
  | { t: 'accept'; id: number; events: IncomingEvent[] }
  | { t: 'connected'; value: boolean }
  /** One JSON log line, already redacted by the thread's logger (createLogger). */
  | { t: 'log'; line: string };

/** The error again on this side of the boundary: its name and message, not its class. */
export function toError(info: ErrorInfo): Error {
  const error = new Error(info.message);
  error.name = info.name;
  return error;
}

export function errorInfo(error: unknown): ErrorInfo {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}
