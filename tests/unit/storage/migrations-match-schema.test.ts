/**
 * The schema in src/storage/schema.ts and the committed migrations (drizzle/) say the same: a column or index
 * changed in the schema without `npm run db:generate` would never reach a deployed database.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string | undefined;

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const migrations = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.sql'));

it('drizzle-kit finds nothing to generate from the schema beyond the committed migrations', () => {
  dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  const out = join(dir, 'drizzle');
  cpSync(join(ROOT, 'drizzle'), out, { recursive: true });
  const config = join(dir, 'drizzle.config.mjs');
  // drizzle-kit takes `out` relative to the working directory, even when it is given an absolute path.
  const settings = { dialect: 'sqlite', schema: './src/storage/schema.ts', out: relative(ROOT, out) };
  writeFileSync(config, `export default ${JSON.stringify(settings)};\n`);
  execFileSync(join(ROOT, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', config], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  expect(migrations(out)).toEqual(migrations(join(ROOT, 'drizzle')));
});
