/**
 * Retention: what citizens wrote and were told is kept for RETENTION_DAYS, then anonymised in place. Texts are
 * replaced, free-text fields cleared, and people not heard from since lose their messenger ids (a returning person
 * starts as a new citizen); what statistics need stays: rows, times, directions, kinds, outcomes, topics, regions,
 * ratings, statuses. Work in progress is left alone (pending events and outbox items, open tickets).
 *
 * Plain SQL over the SQLite connection, in batches: each transaction changes at most a batch of rows, so the first
 * run over a year of history (a million rows or more) never holds the database, or the event loop of a caller that
 * yields between batches (src/app/retention-job.ts), for seconds. The tables that grow with every message are read
 * by primary key from where the last run stopped (retention_marks, see the schema), the others as a whole; the result
 * is the same as one transaction's, and running it again changes nothing.
 */
import type Database from 'better-sqlite3';

/** What an anonymised text reads (like PRIVATE_TRANSCRIPT_TEXT, a marker for staff, not a message to citizens). */
export const ANONYMISED_TEXT = '[anonymised]';
/** What an anonymised outbox message reads: that text as an OutgoingMessage's JSON (a test keeps the two equal). */
export const ANONYMISED_MESSAGE_JSON = '{"text":[{"type":"paragraph","spans":[{"text":"[anonymised]"}]}]}';

/**
 * Rows a transaction changes at most. On a year of 1 M events (scripts/bench/retention-blocking.ts, a loaded 2-core
 * machine) a batch took ~8 ms at the median; the slowest were the citizens' (their rows scattered over the table),
 * 60–130 ms. 1,000 rows made more commits for the same longest batch, 5,000 a longer one.
 */
export const RETENTION_BATCH_ROWS = 2000;

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

/** Anonymises everything older than `cutoff` at once, batch after batch (see anonymiseInBatches). */
export function anonymiseBefore(
  sqlite: Database.Database,
  cutoff: number,
  batchRows = RETENTION_BATCH_ROWS,
): RetentionResult {
  const batches = anonymiseInBatches(sqlite, cutoff, batchRows);
  for (;;) {
    const next = batches.next();
    if (next.done) return next.value;
  }
}

/**
 * The work as a sequence of transactions: each `next()` commits one that changed at most `batchRows` rows, and
 * yields how many it changed; the generator returns the totals. Between two batches the caller may let other work
 * run: a row written meanwhile is either in a later batch or, being new, not old enough.
 */
export function* anonymiseInBatches(
  sqlite: Database.Database,
  cutoff: number,
  batchRows = RETENTION_BATCH_ROWS,
): Generator<number, RetentionResult, void> {
  const params = { cutoff, limit: batchRows, text: ANONYMISED_TEXT, message: ANONYMISED_MESSAGE_JSON };
  /** `UPDATE table SET …` for the rows `where` picks, a batch at a time; returns how many it changed in all. */
  function* batched(table: string, set: string, where: string): Generator<number, number, void> {
    const statement = sqlite.prepare(
      `UPDATE ${table} SET ${set} WHERE id IN (SELECT id FROM ${table} WHERE ${where} LIMIT @limit)`,
    );
    const once = sqlite.transaction(() => statement.run(params).changes);
    let total = 0;
    for (;;) {
      const changed = once.immediate();
      total += changed;
      if (changed > 0) yield changed;
      if (changed < batchRows) return total;
    }
  }

  /**
   * The same for a table whose rows come in time order: read by id from the table's mark, a batch at a time, up to
   * the first row not yet old enough. The mark moves over rows done or anonymised; it stops before an old row still
   * `pending` (work in progress, left alone), which the next run reads again, with every row after it.
   */
  function* fromMark(
    table: string,
    time: string,
    set: string,
    done: string,
    pending = '0',
  ): Generator<number, number, void> {
    const mark = sqlite.prepare('SELECT last_id FROM retention_marks WHERE name = ?').pluck();
    // Only the id, the time and the status are read to find the batch's range; the rows are changed by range.
    const read = sqlite.prepare(
      `SELECT id, ${time} < @cutoff AS old, ${pending} AS pending
         FROM ${table} WHERE id > @after ORDER BY id LIMIT @limit`,
    );
    const update = sqlite.prepare(
      `UPDATE ${table} SET ${set}
        WHERE id > @after AND id <= @last AND ${time} < @cutoff AND NOT (${pending}) AND NOT (${done})`,
    );
    const saveMark = sqlite.prepare(
      `INSERT INTO retention_marks (name, last_id) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id`,
    );
    type Row = { id: number; old: number; pending: number };
    const once = sqlite.transaction((after: number, stuck: boolean) => {
      let last = after;
      let marked = stuck ? undefined : after;
      let seen = 0;
      let caughtUp = false;
      // Iterated, not fetched whole: a run with nothing to do reads one row a table.
      for (const row of read.iterate({ ...params, after }) as IterableIterator<Row>) {
        seen += 1;
        if (!row.old) {
          caughtUp = true;
          break;
        }
        last = row.id;
        if (row.pending) stuck = true;
        if (!stuck) marked = row.id;
      }
      if (seen < batchRows) caughtUp = true;
      const changed = last > after ? update.run({ ...params, after, last }).changes : 0;
      if (marked !== undefined && marked > after) saveMark.run(table, marked);
      return { changed, last, stuck, caughtUp };
    });
    let after = (mark.get(table) as number | undefined) ?? 0;
    let stuck = false;
    let total = 0;
    for (;;) {
      const batch = once.immediate(after, stuck);
      total += batch.changed;
      if (batch.changed > 0) yield batch.changed;
      if (batch.caughtUp) return total;
      ({ last: after, stuck } = batch);
    }
  }

  const messages = yield* fromMark('messages', 'created_at', 'text = @text', 'text = @text');
  // The event JSON holds the words and the person's ids; processed events are never read again.
  const inboundEvents = yield* fromMark(
    'inbound_events',
    'received_at',
    `event = json_object('kind', json_extract(event, '$.kind'), 'platform', platform,
                         'eventId', event_id, 'receivedAt', received_at, 'anonymised', json('true'))`,
    `json_extract(event, '$.anonymised') IS NOT NULL`,
    `status = 'pending'`,
  );
  const outbox = yield* fromMark(
    'outbox',
    'created_at',
    'message = @message, last_error = NULL',
    'message = @message',
    `status = 'pending'`,
  );
  const complaints = yield* batched(
    'complaints',
    'description = @text, wish = @text',
    'updated_at < @cutoff AND description != @text',
  );
  yield* batched('complaint_events', 'note = NULL', 'created_at < @cutoff AND note IS NOT NULL');
  const consoleTexts =
    (yield* batched(
      'ticket_events',
      'text = @text',
      `kind = 'note' AND created_at < @cutoff AND text != @text`,
    )) +
    (yield* batched(
      'handoffs',
      'rating_comment = NULL',
      `created_at < @cutoff AND status != 'open' AND rating_comment IS NOT NULL`,
    )) +
    (yield* batched('faq_proposals', 'question = @text', 'created_at < @cutoff AND question != @text'));

  // People gone quiet: no open ticket, nothing waiting to be processed or sent. A batch's ids are picked once and
  // both their dialog states and their ids go in the same transaction. The few citizens with work in progress are
  // listed once per batch from the indexes of pending rows: looking at each old citizen's events and messages
  // (tens each, scattered over the year) took ~0.3 s a batch on a year of 1 M events.
  const quiet = sqlite.prepare(
    `SELECT id FROM citizens c
      WHERE c.last_seen_at < @cutoff AND c.platform_user_id NOT LIKE 'anonymised:%'
        AND c.id NOT IN (SELECT citizen_id FROM handoffs WHERE status = 'open')
        AND c.id NOT IN (SELECT citizen_id FROM inbound_events WHERE status = 'pending')
        AND c.id NOT IN (SELECT citizen_id FROM outbox WHERE status = 'pending')
      LIMIT @limit`,
  );
  const dropStates = sqlite.prepare(
    'DELETE FROM dialog_states WHERE citizen_id IN (SELECT value FROM json_each(?))',
  );
  const forget = sqlite.prepare(
    `UPDATE citizens SET platform_user_id = 'anonymised:' || id, chat_id = '', active = 0
      WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const forgetBatch = sqlite.transaction(() => {
    const ids = JSON.stringify(quiet.pluck().all({ cutoff, limit: batchRows }));
    dropStates.run(ids);
    return forget.run(ids).changes;
  });
  let citizens = 0;
  for (;;) {
    const changed = forgetBatch.immediate();
    citizens += changed;
    if (changed > 0) yield changed;
    if (changed < batchRows) break;
  }
  return { messages, inboundEvents, outbox, complaints, consoleTexts, citizens };
}
