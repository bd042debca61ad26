/**
 * Every foreign key has an index on its child columns: deleting a parent row (a citizen's /forget cascades through
 * all their records) then looks the children up instead of scanning each table, which on a year of messages held
 * the event loop for seconds.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { expect, it } from 'vitest';

it('looks up the rows of every foreign key through an index (no table scans on a cascade)', () => {
  const sqlite = new Database(':memory:');
  migrate(drizzle(sqlite), { migrationsFolder: 'drizzle' });
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
    )
    .pluck()
    .all() as string[];
  const plans: Record<string, string> = {};
  for (const table of tables) {
    const keys = sqlite.prepare(`PRAGMA foreign_key_list(${table})`).all() as { id: number; from: string }[];
    const byKey = new Map<number, string[]>();
    for (const k of keys) byKey.set(k.id, [...(byKey.get(k.id) ?? []), k.from]);
    for (const columns of byKey.values()) {
      const where = columns.map((c) => `"${c}" = ?`).join(' AND ');
      const plan = sqlite
        .prepare(`EXPLAIN QUERY PLAN DELETE FROM "${table}" WHERE ${where}`)
        .all(...columns.map(() => 1)) as { detail: string }[];
      plans[`${table}(${columns.join(', ')})`] = plan.map((p) => p.detail).join('; ');
    }
  }
  expect(Object.keys(plans).length).toBeGreaterThan(5);
  const scans = Object.entries(plans).filter(([, plan]) => !/^SEARCH /.test(plan));
  expect(scans).toEqual([]);
  sqlite.close();
});
