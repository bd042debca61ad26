/**
 * Creating console accounts and setting their passwords: shared by the console service and `npm run console:user`.
 */
import type { Account, ConsoleStore, Role } from '../console-store.js';
import { generatePassword, hashPassword, type PasswordCost } from './passwords.js';

/** Logins: 2–40 latin letters, digits, dots, dashes and underscores (they go into logs and URLs). */
export const LOGIN_PATTERN = /^[A-Za-z0-9._-]{2,40}$/;

export class AccountError extends Error {
  override readonly name = 'AccountError';
}

export async function createAccount(
  store: ConsoleStore,
  input: { login: string; displayName?: string; role: Role; password?: string },
  options: { now: number; cost?: PasswordCost },
): Promise<{ account: Account; password: string }> {
  if (!LOGIN_PATTERN.test(input.login))
    throw new AccountError(`login "${input.login}": use 2–40 latin letters, digits, ".", "-" or "_"`);
  if (store.accounts.byLogin(input.login)) throw new AccountError(`login "${input.login}" already exists`);
  const password = input.password ?? generatePassword();
  const account = store.accounts.create({
    login: input.login,
    displayName: input.displayName?.trim() || input.login,
    role: input.role,
    passwordHash: await hashPassword(password, options.cost),
    now: options.now,
  });
  return { account, password };
}

/** Sets a new (generated unless given) password and ends the account's sessions; undefined if no such login. */
export async function resetPassword(
  store: ConsoleStore,
  login: string,
  options: { password?: string; cost?: PasswordCost } = {},
): Promise<string | undefined> {
  const account = store.accounts.byLogin(login);
  if (!account) return undefined;
  const password = options.password ?? generatePassword();
  store.accounts.update(account.id, { passwordHash: await hashPassword(password, options.cost) });
  store.sessions.deleteOf(account.id);
  return password;
}
