/**
 * `npm run console:user -- add <login> --role consultant|supervisor|curator`: creates a console account and prints a
 * generated password on its last line. Also `password <login>`, `disable`/`enable <login>`, `list`.
 * See src/console/console-user-command.ts.
 */
import { ConfigError } from '../src/config/config.js';
import { runConsoleUser } from '../src/console/console-user-command.js';

try {
  process.exitCode = await runConsoleUser(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
    process.exitCode = 2;
  } else throw error;
}
