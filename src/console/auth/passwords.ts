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
 * OWASP lists scrypt settings of equal strength that trade memory for rounds; of them, N = 2^15, r = 8, p = 3: about
 * 0.3 s and 32 MiB per hash on these 2-core machines. Its first line (N = 2^17, r = 8, p = 1) took 128 MiB per hash,
 * and four logins at once lifted the process's memory by 512 MB, far past the assistant's budget. 32 MiB is also
 * glibc's largest mmap threshold: the buffer is mapped for each hash and given back after it, while the smaller
 * settings (16 or 8 MiB) stay behind in each libuv thread's malloc arena (up to 4 × 16 MiB, measured). Tests pass a
 * lower cost when they create accounts.
 */
export const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 3 } as const;
export type PasswordCost = { N: number; r: number; p: number };
const KEY_LENGTH = 32;
const SALT_BYTES = 16;
/** The most memory a stored hash may ask for: hashes made at OWASP's N = 2^17 before still verify. */
const MAX_HASH_MEMORY = 128 * 2 ** 17 * 8;
/** Hashes computed at once; the rest wait their turn (~0.3 s each), so logins take one hash's memory at most. */
const CONCURRENT_HASHES = 1;

/** The memory scrypt needs for one hash (its V array; OpenSSL runs the p lanes one after another). */
const hashMemory = (cost: PasswordCost) => 128 * cost.N * cost.r;

let running = 0;
const waiting: (() => void)[] = [];

async function scrypt(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
  if (running >= CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    const options: ScryptOptions = { ...cost, maxmem: hashMemory(cost) * 2 };
    return await new Promise((resolve, reject) =>
      scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) =>
        err ? reject(err) : resolve(key),
      ),
    );
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export async function hashPassword(password: string, cost: PasswordCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  cost: PasswordCost;
  salt: Buffer;
  key: Buffer;
}

/** The parts of a stored hash; undefined when it is malformed or asks for more memory than a hash may take. */
function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((v) => Number.isInteger(v) && v > 0) || hashMemory({ N, r, p }) > MAX_HASH_MEMORY)
    return undefined;
  const key = Buffer.from(parts[5]!, 'base64url');
  if (key.length !== KEY_LENGTH) return undefined;
  return { cost: { N, r, p }, salt: Buffer.from(parts[4]!, 'base64url'), key };
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash (never throws). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parseHash(stored);
  if (!hash) return false;
  const actual = await scrypt(password, hash.salt, hash.cost);
  return timingSafeEqual(actual, hash.key);
}

/** True when `stored` was made with other settings than `cost` (rehash it at the next successful login). */
export function needsRehash(stored: string, cost: PasswordCost = DEFAULT_COST): boolean {
  const hash = parseHash(stored);
  return !hash || hash.cost.N !== cost.N || hash.cost.r !== cost.r || hash.cost.p !== cost.p;
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
