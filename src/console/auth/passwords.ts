/**
 * Console passwords: scrypt (node:crypto), a memory-hard slow hash, with a random salt per password and a
 * constant-time comparison. Stored as `scrypt$N$r$p$salt$hash` (base64url) so the cost can be raised later while old
 * hashes still verify. Generated passwords are random and readable (no look-alike characters).
 */
import {
  randomBytes,
  randomInt,
  type ScryptOptions,
  scrypt as scryptCallback,
  timingSafeEqual,
} from 'node:crypto';

/**
 * OWASP's minimum for scrypt (N = 2^17, r = 8, p = 1): about 0.5 s and 128 MiB per hash on these 2-core machines.
 * Logins are rare and rate-limited, so that is affordable; tests pass a lower cost when they create accounts.
 */
export const DEFAULT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
export type PasswordCost = { N: number; r: number; p: number };
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

function scrypt(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r * 2 };
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, cost: PasswordCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash (never throws). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((v) => Number.isInteger(v) && v > 0) || N > 2 ** 20) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await scrypt(password, salt, { N, r, p });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password that verifies nothing: a login with an unknown name is checked against it, so that
 * "no such user" takes as long as "wrong password" and names cannot be probed by timing.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 16 characters from 55 (about 92 bits): printed once by `console:user`. */
export function generatePassword(length = 16): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** What the console requires of a password set by hand. */
export const MIN_PASSWORD_LENGTH = 10;
