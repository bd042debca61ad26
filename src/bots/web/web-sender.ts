/**
 * The local web chat's "messenger". Delivering a message means marking it sent and waking the browsers that
 * long-poll for that chat; the page reads the messages from the outbox (ids are the outbox ids, which is also
 * what an edit refers to).
 */
import { EventEmitter } from 'node:events';
import type { PlatformSender } from '../../messaging/delivery.js';

export interface WebSender extends PlatformSender {
  /** Resolves when a message for `chatId` is delivered, or after `timeoutMs`. */
  waitForMessage(chatId: string, timeoutMs: number, signal?: AbortSignal): Promise<void>;
}

export function createWebSender(): WebSender {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  return {
    platform: 'web',
    limits: { perChatPerSecond: 1000, globalPerSecond: 10_000 },
    async send() {
      return { platformMessageIds: [] };
    },
    // The browsers are woken once the worker marked the row sent, so a woken reader sees it.
    marked(chatId) {
      events.emit(chatId);
    },
    waitForMessage(chatId, timeoutMs, signal) {
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          events.off(chatId, done);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        events.on(chatId, done);
        signal?.addEventListener('abort', done);
      });
    },
  };
}
