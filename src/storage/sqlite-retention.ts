/**
 * Retention: what citizens wrote and were told is kept for RETENTION_DAYS, then anonymised in place. Texts are
 * replaced, free-text fields cleared, and people not heard from since lose their messenger ids (a returning person
 * starts as a new citizen); what statistics need stays: rows, times, directions, kinds, outcomes, topics, regions,
 * ratings, statuses. Work in progress is left alone (pending events and outbox items, open tickets).
 *
 * Plain SQL over the SQLite connection, one transaction; running it again changes nothing.
 */
import type Database from 'better-sqlite3';
import { parseRichText } from '../messaging/rich-text.js';

/** What an anonymised text reads (like PRIVATE_TRANSCRIPT_TEXT, a marker for staff, not a message to citizens). */
export const ANONYMISED_TEXT = '[anonymised]';

export interface RetentionResult {
  /** Transcript lines whose text was replaced. */
  messages: number;
  /** Stored incoming events reduced to kind, platform and time. */
  inboundEvents: number;
  /** Delivered (or given-up) outbox messages whose content was replaced. */
  outbox: number;
  /** Complaints whose description and wish were replaced, and history notes cleared. */
  complaints: number;
  /** Consultant notes, rating comments and proposed FAQ questions cleared. */
  consoleTexts: number;
  /** Citizens not seen since the cutoff whose messenger ids and dialog state were removed. */
  citizens: number;
}

export function anonymiseBefore(sqlite: Database.Database, cutoff: number): RetentionResult {
  const anonymisedMessage = JSON.stringify({ text: parseRichText(ANONYMISED_TEXT) });
  const run = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params).changes;
  return sqlite
    .transaction(() => {
      const messages = run(
        'UPDATE messages SET text = ? WHERE created_at < ? AND text != ?',
        ANONYMISED_TEXT,
        cutoff,
        ANONYMISED_TEXT,
      );
      // The event JSON holds the words and the person's ids; processed events are never read again.
      const inboundEvents = run(
        `UPDATE inbound_events
           SET event = json_object('kind', json_extract(event, '$.kind'), 'platform', platform,
                                   'eventId', event_id, 'receivedAt', received_at, 'anonymised', json('true'))
         WHERE received_at < ? AND status != 'pending' AND json_extract(event, '$.anonymised') IS NULL`,
        cutoff,
      );
      const outbox = run(
        `UPDATE outbox SET message = ?, last_error = NULL
         WHERE created_at < ? AND status != 'pending' AND message != ?`,
        anonymisedMessage,
        cutoff,
        anonymisedMessage,
      );
      const complaints = run(
        'UPDATE complaints SET description = ?, wish = ? WHERE updated_at < ? AND description != ?',
        ANONYMISED_TEXT,
        ANONYMISED_TEXT,
        cutoff,
        ANONYMISED_TEXT,
      );
      run('UPDATE complaint_events SET note = NULL WHERE created_at < ? AND note IS NOT NULL', cutoff);
      const consoleTexts =
        run(
          `UPDATE ticket_events SET text = ? WHERE kind = 'note' AND created_at < ? AND text != ?`,
          ANONYMISED_TEXT,
          cutoff,
          ANONYMISED_TEXT,
        ) +
        run(
          `UPDATE handoffs SET rating_comment = NULL
           WHERE created_at < ? AND status != 'open' AND rating_comment IS NOT NULL`,
          cutoff,
        ) +
        run(
          'UPDATE faq_proposals SET question = ? WHERE created_at < ? AND question != ?',
          ANONYMISED_TEXT,
          cutoff,
          ANONYMISED_TEXT,
        );
      // People gone quiet: no open ticket, nothing waiting to be processed or sent.
      const quiet = `SELECT id FROM citizens c
         WHERE c.last_seen_at < @cutoff AND c.platform_user_id NOT LIKE 'anonymised:%'
           AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.citizen_id = c.id AND h.status = 'open')
           AND NOT EXISTS (SELECT 1 FROM inbound_events e WHERE e.citizen_id = c.id AND e.status = 'pending')
           AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.citizen_id = c.id AND o.status = 'pending')`;
      run(`DELETE FROM dialog_states WHERE citizen_id IN (${quiet})`, { cutoff });
      const citizens = run(
        `UPDATE citizens SET platform_user_id = 'anonymised:' || id, chat_id = '', active = 0
         WHERE id IN (${quiet})`,
        { cutoff },
      );
      return { messages, inboundEvents, outbox, complaints, consoleTexts, citizens };
    })
    .immediate();
}
