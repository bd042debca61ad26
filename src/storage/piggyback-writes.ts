/**
 * Small writes that ride on the next transaction someone else commits.
 *
 * Why: under load the delivery worker committed its "sent" marks (a few rows each time) in transactions of their
 * own, a third of all commits, while the dialog runner committed a batch every few milliseconds anyway. A commit
 * costs more than the rows in it (the WAL frames of the pages the tails of the outbox indexes share, written once
 * per commit). A write added here runs at the start of the next transaction that takes it aboard (the dialog
 * runner's), or, if none does by the next check phase of the event loop, in a transaction of its own: it waits no
 * longer than it did before.
 *
 * A write's promise resolves after the commit that holds it, and rejects if that write failed (its own statement
 * rolled back alone; the rest of the transaction goes on). If the transaction it rode on rolls back, it waits again.
 */
import { isDatabaseBusy } from './database-busy.js';
import type { Store } from './store.js';

interface Rider {
  write(): void;
  resolve(): void;
  reject(error: unknown): void;
}

/** The writes taken into one transaction: settle them when it ends. */
export interface Boarding {
  committed(): void;
  rolledBack(): void;
}

export interface PiggybackWrites {
  /** Runs `write` in the next transaction that takes it aboard; resolves after that transaction's commit. */
  add(write: () => void): Promise<void>;
  /** Runs the waiting writes inside the caller's transaction. Call committed() or rolledBack() when it ends. */
  board(): Boarding;
}

const NOTHING_ABOARD: Boarding = { committed() {}, rolledBack() {} };
/** Retries of a transaction of its own while another connection holds the database (about a minute in all). */
const BUSY_ATTEMPTS = 30;

export function createPiggybackWrites(store: Pick<Store, 'transaction'>): PiggybackWrites {
  let waiting: Rider[] = [];
  let scheduled = false;
  /** A transaction of its own is being tried (it goes on while writes wait, retries included). */
  let committing = false;

  function schedule() {
    if (scheduled || committing) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void commitAlone();
    });
  }

  function board(): Boarding {
    if (waiting.length === 0) return NOTHING_ABOARD;
    const riders = waiting;
    waiting = [];
    const failures = new Map<Rider, unknown>();
    for (const rider of riders) {
      try {
        rider.write();
      } catch (error) {
        // A locked database fails the whole transaction: everything waits again.
        if (isDatabaseBusy(error)) {
          waiting = riders.concat(waiting);
          schedule();
          throw error;
        }
        failures.set(rider, error);
      }
    }
    return {
      committed() {
        for (const rider of riders) {
          if (failures.has(rider)) rider.reject(failures.get(rider));
          else rider.resolve();
        }
      },
      rolledBack() {
        waiting = riders.concat(waiting);
        schedule();
      },
    };
  }

  async function commitAlone() {
    committing = true;
    try {
      await commitWaiting();
    } finally {
      committing = false;
    }
  }

  async function commitWaiting() {
    for (let attempt = 0; waiting.length > 0; attempt++) {
      let boarding: Boarding = NOTHING_ABOARD;
      try {
        store.transaction(() => {
          boarding = board();
        });
      } catch (error) {
        boarding.rolledBack();
        if (!isDatabaseBusy(error) || attempt >= BUSY_ATTEMPTS) {
          const failed = waiting;
          waiting = [];
          for (const rider of failed) rider.reject(error);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 2000)));
        continue;
      }
      boarding.committed();
      return;
    }
  }

  return {
    add(write) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ write, resolve, reject });
        schedule();
      });
    },
    board,
  };
}
