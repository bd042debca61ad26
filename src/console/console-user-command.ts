/**
 * `npm run console:user -- <command>`: console accounts from the command line, against the database of
 * DATABASE_URL (the assistant may be running; SQLite in WAL mode allows it).
 *
 *   add <login> --role consultant|supervisor|curator [--name "Имя Фамилия"]   prints the new password on its last line
 *   password <login>                                                           a new password (last line); ends sessions
 *   disable <login> | enable <login>                                           no login / login again
 *   list
 */
import { loadConfig } from '../config/config.js';
import { createSqliteConsoleStore } from '../storage/sqlite-console-store.js';
import { createSqliteStore } from '../storage/sqlite-store.js';
import { AccountError, createAccount, resetPassword } from './auth/accounts.js';
import type { PasswordCost } from './auth/passwords.js';
import { isRole, ROLES } from './console-store.js';

export const USAGE = `Usage:
  npm run console:user -- add <login> --role ${ROLES.join('|')} [--name "Full name"]
  npm run console:user -- password <login>
  npm run console:user -- disable <login>
  npm run console:user -- enable <login>
  npm run console:user -- list`;

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Runs one command; returns the exit code. */
export async function runConsoleUser(
  argv: string[],
  io: CommandIo,
  options: { env?: NodeJS.ProcessEnv; cost?: PasswordCost } = {},
): Promise<number> {
  const [command, login] = argv;
  if (!command || command === 'help' || command === '--help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig(options.env ?? process.env);
  const store = createSqliteStore(config.databasePath);
  try {
    const accounts = createSqliteConsoleStore(store.sqlite);
    switch (command) {
      case 'add': {
        const role = option(argv, '--role');
        if (!login || login.startsWith('--') || !isRole(role)) {
          io.err(`add needs a login and --role ${ROLES.join('|')}\n${USAGE}`);
          return 2;
        }
        const name = option(argv, '--name');
        const { account, password } = await createAccount(
          accounts,
          { login, role, ...(name ? { displayName: name } : {}) },
          { now: Date.now(), ...(options.cost ? { cost: options.cost } : {}) },
        );
        io.out(
          `Created ${account.role} "${account.login}" (${account.displayName}) in ${config.databasePath}.`,
        );
        io.out('Console: /console on the assistant server. The password is shown once:');
        io.out(password);
        return 0;
      }
      case 'password': {
        if (!login) {
          io.err(USAGE);
          return 2;
        }
        const password = await resetPassword(accounts, login, options.cost ? { cost: options.cost } : {});
        if (!password) {
          io.err(`no account "${login}"`);
          return 1;
        }
        io.out(`New password for "${login}" (their open sessions are ended). Shown once:`);
        io.out(password);
        return 0;
      }
      case 'disable':
      case 'enable': {
        const account = login ? accounts.accounts.byLogin(login) : undefined;
        if (!account) {
          io.err(`no account "${login ?? ''}"`);
          return 1;
        }
        accounts.accounts.update(account.id, { active: command === 'enable' });
        if (command === 'disable') accounts.sessions.deleteOf(account.id);
        io.out(`${command === 'enable' ? 'Enabled' : 'Disabled'} "${login}".`);
        return 0;
      }
      case 'list': {
        for (const a of accounts.accounts.list())
          io.out(`${a.login}\t${a.role}\t${a.active ? 'active' : 'disabled'}\t${a.displayName}`);
        return 0;
      }
      default:
        io.err(`unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof AccountError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    store.close();
  }
}
