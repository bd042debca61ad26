/**
 * `npm run chat`: the assistant in a terminal, as a citizen would see it.
 *
 * Interactive in a terminal. When standard input is not a terminal it reads one citizen message per line and prints
 * every reply; buttons are printed as `[label]` lines, and a line `[label]` presses that button. So anyone can script
 * a conversation:  printf '/start\nкакие документы на ЕП\n' | npm run -s chat
 *
 * Runs the same app as `npm start` (without HTTP and messengers) on a throwaway in-memory database unless
 * CHAT_DATABASE_URL names a file.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { createApp } from '../src/app/create-app.js';
import { createLogger } from '../src/app/logger.js';
import { createCliSender, findButton } from '../src/bots/cli/cli-sender.js';
import { ConfigError, databasePathFromUrl, loadConfig } from '../src/config/config.js';
import type { IncomingEvent } from '../src/messaging/incoming-event.js';
import { parseCommand } from '../src/messaging/incoming-event.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({ ...process.env, TELEGRAM_BOT_TOKEN: '', VK_GROUP_TOKEN: '', VK_GROUP_ID: '' });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  config = {
    ...config,
    webChat: false,
    databasePath: databasePathFromUrl(process.env.CHAT_DATABASE_URL ?? ':memory:'),
  };
  const interactive = process.stdin.isTTY === true;
  const write = (text: string) => process.stdout.write(text);
  const sender = createCliSender(write);
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', pino.destination(2));
  const app = await createApp(config, { logger, senders: [sender], http: false, watchKnowledge: false });
  await app.start();
  const userId = process.env.CHAT_USER_ID ?? 'local-citizen';

  const send = async (line: string) => {
    const base = {
      eventId: randomUUID(),
      platform: 'cli' as const,
      userId,
      chatId: userId,
      receivedAt: Date.now(),
      languageCode: process.env.CHAT_LANG ?? 'ru',
    };
    let event: IncomingEvent;
    const press = /^\[(.+)\]$/.exec(line.trim());
    if (press) {
      const button = findButton(sender.shownButtons, press[1]!);
      if (!button) {
        write(`(no button "${press[1]}" on screen)\n\n`);
        return;
      }
      event = { ...base, kind: 'button', payload: button.payload };
    } else {
      const command = parseCommand(line);
      event = command
        ? command.command === 'start'
          ? { ...base, kind: 'start' }
          : { ...base, kind: 'command', ...command }
        : { ...base, kind: 'text', text: line };
    }
    if (!interactive) write(`> ${line}\n`);
    await app.runner.accept(event);
    await app.runner.idle();
    await app.delivery.flush(10_000);
  };

  const rl = createInterface({ input: process.stdin, terminal: interactive });
  if (interactive) {
    write('Type a message as a citizen would. [label] presses a button. Ctrl+D to leave.\n\n');
    await send('/start');
    rl.setPrompt('> ');
    rl.prompt();
  }
  // Lines are handled strictly one after another, each with all its replies printed.
  let chain = Promise.resolve();
  rl.on('line', (line) => {
    chain = chain.then(async () => {
      if (line.trim() !== '') await send(line);
      if (interactive) rl.prompt();
    });
  });
  await new Promise<void>((resolve) => rl.once('close', resolve));
  await chain;
  await app.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`chat failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
