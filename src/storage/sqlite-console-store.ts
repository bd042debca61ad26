/**
 * The SQLite implementation of the console's storage port (`src/console/console-store.ts`), on the same connection
 * as the main store so that console actions join its transactions. The tables are in `schema.ts` and migrated with
 * the rest.
 */
import type Database from 'better-sqlite3';
import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type {
  Account,
  ConsoleStore,
  ConversationDay,
  EntryReactions,
  FaqProposal,
  TicketEvent,
  TicketFigures,
  TicketSummary,
  WeakAnswer,
} from '../console/console-store.js';
import * as schema from './schema.js';

type AccountRow = typeof schema.consultants.$inferSelect;

function toAccount(row: AccountRow): Account {
  const { passwordHash: _hidden, ...rest } = row;
  return rest as Account;
}

/** The ticket list with what the console shows; `where` filters `h`. */
const TICKET_SELECT = sql`
  SELECT h.id, h.citizen_id AS citizenId, c.platform, c.locale, c.region, h.reason, h.priority, h.status,
         h.created_at AS createdAt, h.closed_at AS closedAt, h.assigned_to AS assignedTo, a.display_name AS assignedName,
         h.assigned_at AS assignedAt, h.first_response_at AS firstResponseAt, h.alerted_at AS alertedAt,
         h.resolution, h.closed_by AS closedBy, h.rating, h.rating_comment AS ratingComment,
         COALESCE(
           (SELECT m.text FROM messages m WHERE m.citizen_id = h.citizen_id AND m.author = 'citizen' AND m.kind = 'text'
              AND m.created_at <= h.created_at AND COALESCE(m.detail, '') <> 'intent:human'
              ORDER BY m.id DESC LIMIT 1),
           (SELECT m.text FROM messages m WHERE m.citizen_id = h.citizen_id AND m.author = 'citizen' AND m.kind = 'text'
              AND m.created_at > h.created_at ORDER BY m.id ASC LIMIT 1),
           (SELECT m.text FROM messages m WHERE m.citizen_id = h.citizen_id AND m.author = 'citizen' AND m.kind = 'text'
              AND m.created_at <= h.created_at ORDER BY m.id DESC LIMIT 1)
         ) AS firstMessage,
         (SELECT MAX(m.created_at) FROM messages m WHERE m.citizen_id = h.citizen_id AND m.author = 'citizen') AS lastCitizenAt
  FROM handoffs h
  JOIN citizens c ON c.id = h.citizen_id
  LEFT JOIN consultants a ON a.id = h.assigned_to`;

export function createSqliteConsoleStore(sqlite: Database.Database): ConsoleStore {
  const db = drizzle(sqlite, { schema });
  const { consultants, consoleSessions, ticketEvents, faqProposals } = schema;
  const tickets = (where: ReturnType<typeof sql>, tail: ReturnType<typeof sql> = sql``) =>
    db.all<TicketSummary>(sql`${TICKET_SELECT} WHERE ${where} ${tail}`);
  const latestTicket = sqlite.prepare(
    'SELECT id, status, closed_at AS closedAt FROM handoffs WHERE citizen_id = ? ORDER BY id DESC LIMIT 1',
  );

  const proposalSelect = () =>
    db
      .select({
        id: faqProposals.id,
        citizenId: faqProposals.citizenId,
        handoffId: faqProposals.handoffId,
        messageId: faqProposals.messageId,
        question: faqProposals.question,
        answer: faqProposals.answer,
        topic: faqProposals.topic,
        status: faqProposals.status,
        proposedBy: faqProposals.proposedBy,
        proposedByName: consultants.displayName,
        createdAt: faqProposals.createdAt,
        decidedBy: faqProposals.decidedBy,
        decidedAt: faqProposals.decidedAt,
      })
      .from(faqProposals)
      .leftJoin(consultants, eq(consultants.id, faqProposals.proposedBy));

  return {
    accounts: {
      create(a) {
        const row = db
          .insert(consultants)
          .values({
            login: a.login,
            displayName: a.displayName,
            role: a.role,
            passwordHash: a.passwordHash,
            createdAt: a.now,
          })
          .returning()
          .get();
        return toAccount(row);
      },
      get(id) {
        const row = db.select().from(consultants).where(eq(consultants.id, id)).get();
        return row ? toAccount(row) : undefined;
      },
      byLogin(login) {
        const row = db.select().from(consultants).where(eq(consultants.login, login)).get();
        return row ? { ...toAccount(row), passwordHash: row.passwordHash } : undefined;
      },
      list() {
        return db.select().from(consultants).orderBy(asc(consultants.displayName)).all().map(toAccount);
      },
      update(id, patch) {
        if (Object.keys(patch).length > 0)
          db.update(consultants).set(patch).where(eq(consultants.id, id)).run();
      },
    },
    sessions: {
      create(idHash, consultantId, now, expiresAt) {
        db.insert(consoleSessions).values({ id: idHash, consultantId, createdAt: now, expiresAt }).run();
      },
      find(idHash, now) {
        const row = db
          .select({ account: consultants, expiresAt: consoleSessions.expiresAt })
          .from(consoleSessions)
          .innerJoin(consultants, eq(consultants.id, consoleSessions.consultantId))
          .where(and(eq(consoleSessions.id, idHash), gt(consoleSessions.expiresAt, now)))
          .get();
        return row?.account.active
          ? { account: toAccount(row.account), expiresAt: row.expiresAt }
          : undefined;
      },
      delete(idHash) {
        db.delete(consoleSessions).where(eq(consoleSessions.id, idHash)).run();
      },
      deleteOf(consultantId) {
        db.delete(consoleSessions).where(eq(consoleSessions.consultantId, consultantId)).run();
      },
      deleteExpired(now) {
        return db.delete(consoleSessions).where(lt(consoleSessions.expiresAt, now)).run().changes;
      },
    },
    tickets: {
      open: () => tickets(sql`h.status = 'open'`, sql`ORDER BY h.id`),
      get: (id) => tickets(sql`h.id = ${id}`)[0],
      finished: (limit) =>
        tickets(
          sql`h.status IN ('closed', 'cancelled')`,
          sql`ORDER BY COALESCE(h.closed_at, h.created_at) DESC LIMIT ${limit}`,
        ),
      // Asked after every event of every citizen (console-service onCitizenEvent): prepared once, no joins.
      latestOf: (citizenId) =>
        latestTicket.get(citizenId) as Pick<TicketSummary, 'id' | 'status' | 'closedAt'> | undefined,
      openCountByConsultant() {
        const rows = db.all<{ id: number; n: number }>(
          sql`SELECT assigned_to AS id, COUNT(*) AS n FROM handoffs WHERE status = 'open' AND assigned_to IS NOT NULL GROUP BY assigned_to`,
        );
        return new Map(rows.map((r) => [r.id, r.n]));
      },
    },
    events: {
      add(e) {
        return db
          .insert(ticketEvents)
          .values({
            handoffId: e.handoffId,
            kind: e.kind,
            actorId: e.actorId,
            targetId: e.targetId ?? null,
            text: e.text ?? null,
            createdAt: e.now,
          })
          .returning({ id: ticketEvents.id })
          .get().id;
      },
      list(handoffId) {
        return db.all<TicketEvent>(sql`
          SELECT e.id, e.handoff_id AS handoffId, e.kind, e.actor_id AS actorId, a.display_name AS actorName,
                 e.target_id AS targetId, t.display_name AS targetName, e.text, e.created_at AS createdAt
          FROM ticket_events e
          LEFT JOIN consultants a ON a.id = e.actor_id
          LEFT JOIN consultants t ON t.id = e.target_id
          WHERE e.handoff_id = ${handoffId}
          ORDER BY e.id`);
      },
    },
    proposals: {
      add(p) {
        const row = db
          .insert(faqProposals)
          .values({
            citizenId: p.citizenId,
            handoffId: p.handoffId,
            messageId: p.messageId,
            question: p.question,
            answer: p.answer,
            topic: p.topic,
            proposedBy: p.proposedBy,
            createdAt: p.createdAt,
          })
          .onConflictDoNothing()
          .returning({ id: faqProposals.id })
          .get();
        return row?.id;
      },
      get(id) {
        return proposalSelect().where(eq(faqProposals.id, id)).get() as FaqProposal | undefined;
      },
      list(status) {
        const q = proposalSelect();
        return (status ? q.where(eq(faqProposals.status, status)) : q)
          .orderBy(desc(faqProposals.id))
          .all() as FaqProposal[];
      },
      byMessage(messageIds) {
        if (messageIds.length === 0) return new Map();
        const rows = proposalSelect()
          .where(inArray(faqProposals.messageId, [...messageIds]))
          .all() as FaqProposal[];
        return new Map(rows.map((r) => [r.messageId, r]));
      },
      decide(id, status, by, now) {
        db.update(faqProposals)
          .set({ status, decidedBy: by, decidedAt: now })
          .where(eq(faqProposals.id, id))
          .run();
      },
    },
    reports: {
      conversationDays(from, to, offsetMs) {
        return db.all<ConversationDay>(sql`
          WITH days AS (
            SELECT DISTINCT m.citizen_id AS citizenId, c.platform AS platform,
                   CAST((m.created_at + ${offsetMs}) / 86400000 AS INTEGER) AS day
            FROM messages m JOIN citizens c ON c.id = m.citizen_id
            WHERE m.author = 'citizen' AND m.created_at >= ${from} AND m.created_at < ${to}
          ),
          marked AS (
            SELECT d.day, d.platform,
                   EXISTS (SELECT 1 FROM handoffs h WHERE h.citizen_id = d.citizenId
                             AND CAST((h.created_at + ${offsetMs}) / 86400000 AS INTEGER) = d.day) AS handedOff,
                   EXISTS (SELECT 1 FROM messages a WHERE a.citizen_id = d.citizenId AND a.outcome = 'answer'
                             AND CAST((a.created_at + ${offsetMs}) / 86400000 AS INTEGER) = d.day) AS answered
            FROM days d
          )
          SELECT day, platform, COUNT(*) AS conversations,
                 SUM(CASE WHEN answered AND NOT handedOff THEN 1 ELSE 0 END) AS resolvedByAssistant,
                 SUM(handedOff) AS handedOff
          FROM marked GROUP BY day, platform ORDER BY day, platform`);
      },
      tickets(from, to) {
        return db.all<TicketFigures>(sql`
          SELECT h.created_at AS createdAt, h.taken_at AS takenAt, h.first_response_at AS firstResponseAt,
                 h.status, h.rating, c.platform
          FROM handoffs h JOIN citizens c ON c.id = h.citizen_id
          WHERE h.created_at >= ${from} AND h.created_at < ${to}`);
      },
      topTopics(from, to, limit) {
        return db.all<{ topic: string; count: number }>(sql`
          SELECT topic, COUNT(*) AS count FROM messages
          WHERE author = 'citizen' AND topic IS NOT NULL AND created_at >= ${from} AND created_at < ${to}
          GROUP BY topic ORDER BY count DESC, topic LIMIT ${limit}`);
      },
      weakAnswers(from, to, lowConfidence, limit) {
        return db.all<WeakAnswer>(sql`
          SELECT id, text, outcome, detail, confidence, topic, created_at AS createdAt FROM messages
          WHERE author = 'citizen' AND kind = 'text' AND created_at >= ${from} AND created_at < ${to}
            AND (outcome IN ('clarify', 'refuse')
                 OR (outcome = 'handoff' AND (detail IN ('search:not_sure', 'failed_searches')
                                              OR (detail IS NULL AND confidence IS NOT NULL)))
                 OR (outcome = 'answer' AND confidence IS NOT NULL AND confidence < ${lowConfidence}))
          ORDER BY id DESC LIMIT ${limit}`);
      },
      entryReactions(from, to) {
        const byEntry = new Map<string, EntryReactions>();
        const row = (entryId: string) => {
          let r = byEntry.get(entryId);
          if (!r) {
            r = { entryId, answers: 0, helpful: 0, notHelpful: 0, notUnderstood: 0 };
            byEntry.set(entryId, r);
          }
          return r;
        };
        for (const m of db.all<{ entryId: string; answers: number; notUnderstood: number }>(sql`
          SELECT entry_id AS entryId, SUM(outcome = 'answer') AS answers,
                 SUM(detail = 'intent:not_understood') AS notUnderstood
          FROM messages
          WHERE author = 'citizen' AND entry_id IS NOT NULL AND created_at >= ${from} AND created_at < ${to}
            AND (outcome = 'answer' OR detail = 'intent:not_understood')
          GROUP BY entry_id`)) {
          Object.assign(row(m.entryId), { answers: m.answers, notUnderstood: m.notUnderstood });
        }
        for (const f of db.all<{ entryId: string; helpful: number; notHelpful: number }>(sql`
          SELECT entry_id AS entryId, SUM(helpful) AS helpful, SUM(NOT helpful) AS notHelpful
          FROM feedback WHERE created_at >= ${from} AND created_at < ${to} GROUP BY entry_id`)) {
          Object.assign(row(f.entryId), { helpful: f.helpful, notHelpful: f.notHelpful });
        }
        return [...byEntry.values()];
      },
    },
  };
}
