/**
 * The real app writing real log lines while it processes a citizen's message full of personal data, including a
 * failure whose database error quotes the message: nothing of it reaches the log.
 */
import { Writable } from 'node:stream';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app/create-app.js';
import { createLogger } from '../../../src/app/logger.js';
import { testConfig } from '../../support/test-app.js';
import { waitFor } from '../../support/wait-for.js';

const SECRETS = [
  '+7 (912) 345-67-89',
  '89123456789',
  '123-456-789 01',
  '4510 123456',
  'maria.ivanova@mail.ru',
  '2202 2012 3456 7890',
];
const MESSAGE = `Здравствуйте, я Мария, тел ${SECRETS[0]} или ${SECRETS[1]}, СНИЛС ${SECRETS[2]}, паспорт ${SECRETS[3]}, почта ${SECRETS[4]}, карта ${SECRETS[5]}. Положено ли мне единое пособие?`;

let app: App | undefined;
afterEach(() => app?.stop());

async function start() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  app = await createApp(testConfig(), {
    logger: createLogger('trace', stream),
    http: false,
    watchKnowledge: false,
    delivery: { baseBackoffMs: 50, maxBackoffMs: 500, pollIntervalMs: 50 },
  });
  return { app, lines };
}

const event = (n: number, text: string) => ({
  kind: 'text' as const,
  text,
  eventId: `log-${n}`,
  platform: 'web' as const,
  userId: 'log-citizen',
  chatId: 'log-citizen',
  receivedAt: Date.now(),
});

describe('logs of a processed message with personal data', () => {
  it('carry none of it, at trace level, also when the database error quotes the message', async () => {
    const { app, lines } = await start();
    await app.start();
    expect(await app.runner.accept(event(1, MESSAGE))).toBe('accepted');
    await app.runner.idle();
    // A database that refuses the transcript line and quotes it in the error, as SQLite and drizzle do.
    (
      app.store as unknown as { sqlite: Database.Database }
    ).sqlite.exec(`CREATE TRIGGER refuse_transcript BEFORE INSERT ON messages WHEN NEW.direction = 'in'
      BEGIN SELECT RAISE(ABORT, 'refused: ' || NEW.text); END`);
    await app.runner.accept(event(2, MESSAGE));
    await app.runner.idle();
    await waitFor(
      () => lines.some((l) => l.includes('processing an incoming event failed')),
      'the failure logged',
    );
    const failure = JSON.parse(lines.find((l) => l.includes('processing an incoming event failed'))!) as {
      err: { message: string };
    };
    // The error is there for the operator, with the personal data taken out.
    expect(failure.err.message).toContain('refused: Здравствуйте, я Мария, тел [phone]');
    expect(failure.err.message).toContain('[snils]');
    const all = lines.join('\n');
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/912.?345.?67.?89/);
    expect(lines.length).toBeGreaterThanOrEqual(2);
  });
});
