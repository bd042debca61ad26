/**
 * Telling "the database is locked by someone else" apart from other failures. Another connection (a backup, the
 * sqlite3 shell, a second process by mistake) can hold SQLite's write lock; a write waits `busy_timeout` for it and
 * then fails with SQLITE_BUSY. Such a failure is worth retrying later, unlike a broken query.
 */

const BUSY_CODES = /^SQLITE_(?:BUSY|LOCKED)/;

/** True when `error` (or an error it wraps, e.g. drizzle's DrizzleQueryError) is SQLITE_BUSY or SQLITE_LOCKED. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && BUSY_CODES.test(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Thrown when the database cannot be opened at all: says which variable to check. */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(
      `Cannot open the database at ${path}: ${reason}. Check DATABASE_URL, and that its folder exists or can be created and is writable by the user running the assistant.`,
    );
  }
}
