/**
 * A web chat session nobody used for WEB_SESSION_IDLE_MS is forgotten on the server exactly as «Закончить разговор
 * и удалить переписку» forgets it (/forget and its «Да, удалить»), not only hidden on the device.
 *
 * The server does it, not the page: the page runs again only if the same browser comes back, and a public
 * computer's browser is usually just closed; its conversation would then stay on the server, out of reach of its
 * owner, who can no longer ask for it to be deleted (the session id lived only in that browser). A conversation
 * that reached the console (a consultant ticket or a complaint, open or done) stays for retention: see idleSessions.
 */

import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { encodePayload } from '../../dialogs/payloads.js';
import type { InboundSink } from '../../messaging/delivery.js';
import { idleSessions } from '../../storage/sqlite-idle-sessions.js';
import { WEB_SESSION_IDLE_MS } from './web-chat-page.js';

const SWEEP_EVERY_MS = 5 * 60_000;
const BATCH = 200;

/** What /forget and its «Да, удалить» do, as two events of the session (`eventId` makes their ids). */
export async function forgetWebSession(inbound: InboundSink, sessionId: string, eventId: string) {
  const base = { platform: 'web' as const, userId: sessionId, chatId: sessionId, receivedAt: Date.now() };
  await inbound.accept({ ...base, eventId: `${eventId}-q`, kind: 'command', command: 'forget', args: '' });
  return inbound.accept({
    ...base,
    eventId: `${eventId}-y`,
    kind: 'button',
    payload: encodePayload({ a: 'forget', confirm: true }),
  });
}

export interface WebSessionExpiry {
  /** Forgets the sessions idle for too long now; resolves to how many. */
  runOnce(): Promise<number>;
  /** Runs now and then every few minutes. */
  start(): void;
  stop(): void;
}

export function createWebSessionExpiry(deps: {
  sqlite: Database.Database;
  inbound: InboundSink;
  logger: Logger;
  clock?: () => number;
  idleMs?: number;
}): WebSessionExpiry {
  const clock = deps.clock ?? Date.now;
  const idleMs = deps.idleMs ?? WEB_SESSION_IDLE_MS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  /**
   * Only quiet the server heard is counted: after the server was down for hours, the page may have been used all
   * along (typing, messages waiting to be sent), so a session is forgotten only once the server has been up for
   * the whole idle time.
   */
  const upSince = clock();

  async function sweep(): Promise<number> {
    let forgotten = 0;
    const cutoff = clock() - idleMs;
    if (cutoff < upSince) return 0;
    try {
      for (const session of idleSessions(deps.sqlite, 'web', cutoff, BATCH)) {
        // The citizen's id and last activity make the event ids: the same session found twice before its
        // events were processed is forgotten once.
        await forgetWebSession(
          deps.inbound,
          session.platformUserId,
          `expired-${session.citizenId}-${session.lastSeenAt}`,
        );
        forgotten++;
      }
      if (forgotten > 0) deps.logger.info({ forgotten }, 'web chat: sessions idle too long forgotten');
    } catch (error) {
      deps.logger.error({ err: error }, 'web chat session expiry failed; trying again later');
    }
    return forgotten;
  }

  const job: WebSessionExpiry = {
    runOnce() {
      running ??= sweep().finally(() => {
        running = undefined;
      });
      return running;
    },
    start() {
      if (timer) return;
      void job.runOnce();
      timer = setInterval(() => void job.runOnce(), SWEEP_EVERY_MS);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
  return job;
}
