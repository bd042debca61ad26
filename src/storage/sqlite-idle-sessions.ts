/**
 * Conversations of one platform nobody has used since a cutoff (the web chat's sessions expire: see
 * src/bots/web/web-session-expiry.ts). A conversation that reached the console, a consultant ticket or a complaint,
 * open or done, is not one of them, whatever its last message: it is the console's record (the ticket page, waits,
 * ratings, the complaints list) and goes only by retention, as a messenger's conversation does.
 *
 * Plain SQL over the SQLite connection, like sqlite-retention.ts: a question over every citizen that no repository
 * of the store port asks.
 */
import type Database from 'better-sqlite3';
import type { Platform } from '../messaging/incoming-event.js';

export interface IdleSession {
  citizenId: number;
  /** The platform's user id (the web chat's session id). */
  platformUserId: string;
  lastSeenAt: number;
}

/**
 * Citizens of `platform` who wrote something (a citizen who only got the goodbye of /forget is not one), have no
 * message still waiting to be processed, and of whom neither a message nor a reply is newer than `cutoff`, oldest
 * first.
 */
export function idleSessions(
  sqlite: Database.Database,
  platform: Platform,
  cutoff: number,
  limit: number,
): IdleSession[] {
  return sqlite
    .prepare(
      `SELECT c.id AS citizenId, c.platform_user_id AS platformUserId, c.last_seen_at AS lastSeenAt
         FROM citizens c
        WHERE c.platform = @platform AND c.last_seen_at < @cutoff AND c.platform_user_id NOT LIKE 'anonymised:%'
          AND EXISTS (SELECT 1 FROM inbound_events e WHERE e.citizen_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM inbound_events e WHERE e.citizen_id = c.id AND e.status = 'pending')
          AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.citizen_id = c.id AND o.created_at >= @cutoff)
          AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.citizen_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM complaints k WHERE k.citizen_id = c.id)
        ORDER BY c.last_seen_at
        LIMIT @limit`,
    )
    .all({ platform, cutoff, limit }) as IdleSession[];
}
