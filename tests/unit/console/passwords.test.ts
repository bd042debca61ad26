/**
 * Console passwords: what a login costs the process (memory), and that hashes of other settings still verify.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from '../../../src/console/auth/passwords.js';

const PASSWORDS_MODULE = join(import.meta.dirname, '../../../src/console/auth/passwords.ts');

/** Resident memory (MB) of a fresh process around `logins` password checks at once at the default cost. */
function memoryOfLogins(logins: number): { before: number; peak: number; after: number } {
  const script = `
    import { readFileSync } from 'node:fs';
    const { hashPassword, verifyPassword } = await import(${JSON.stringify(PASSWORDS_MODULE)});
    const mb = (field) => Number(new RegExp(field + ':\\\\s+(\\\\d+)').exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
    const stored = await hashPassword('correct horse battery');
    const before = mb('VmHWM');
    const results = await Promise.all(Array.from({ length: ${logins} }, () => verifyPassword('correct horse battery', stored)));
    if (!results.every(Boolean)) throw new Error('a correct password did not verify');
    process.stdout.write(JSON.stringify({ before, peak: mb('VmHWM'), after: mb('VmRSS') }));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as { before: number; peak: number; after: number };
}

describe('console passwords', () => {
  it.runIf(process.platform === 'linux')(
    'six logins at once lift the memory by less than 48 MB and give it back (one hash at N=2^17 took 128 MB)',
    () => {
      const { before, peak, after } = memoryOfLogins(6);
      expect(peak - before).toBeLessThan(48);
      expect(after - before).toBeLessThan(16);
    },
    30_000,
  );

  it('a password verifies at the default cost; a wrong one, a malformed hash and an oversized cost do not', async () => {
    const stored = await hashPassword('Пароль для консоли');
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(await verifyPassword('Пароль для консоли', stored)).toBe(true);
    expect(await verifyPassword('Пароль для консолИ', stored)).toBe(false);
    expect(await verifyPassword('Пароль для консоли', 'scrypt$32768$8$3$abc')).toBe(false);
    // 1 GiB of memory per check: refused without computing it.
    const oversized = stored.replace('scrypt$32768$8$3$', 'scrypt$1048576$8$1$');
    expect(await verifyPassword('Пароль для консоли', oversized)).toBe(false);
  }, 20_000);

  it('hashes made at the older cost still verify and are marked for rewriting', async () => {
    const older = await hashPassword('старый пароль', { N: 2048, r: 8, p: 1 });
    expect(await verifyPassword('старый пароль', older)).toBe(true);
    expect(needsRehash(older)).toBe(true);
    expect(needsRehash(older, { N: 2048, r: 8, p: 1 })).toBe(false);
    expect(needsRehash('not a hash')).toBe(true);
  });
});
