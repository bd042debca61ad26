import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { expect } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/storage/sqlite-store.js';

/**
 * A database in `dir` made by the migrations before the one tagged `tag` (an existing installation before an
 * upgrade); returns it open, for rows the older schema held. Opening it with createSqliteStore then applies the rest.
 */
export function databaseBefore(dir: string, tag: string): { path: string; db: Database.Database } {
  const older = join(dir, 'drizzle');
  cpSync(MIGRATIONS_DIR, older, { recursive: true });
  const journalPath = join(older, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  const path = join(dir, 'assistant.sqlite');
  const db = new Database(path);
  migrate(drizzle(db), { migrationsFolder: older });
  return { path, db };
}
