/**
 * The logger's own edges (the redactor's patterns are tested in tests/unit/messaging/personal-data.test.ts): the
 * message pino takes from an error when the call gives none, and the error's class kept for the operator.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/app/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('trace', stream), lines };
}

class SqliteError extends Error {
  readonly code = 'SQLITE_BUSY';
}

const PERSONAL = 'send failed for +7 912 345-67-89, ivan.petrov@mail.ru';

describe('the logger', () => {
  it('redacts the message pino takes from an error logged on its own', () => {
    const { logger, lines } = capture();
    logger.error(new Error(PERSONAL));
    logger.warn({ err: new Error(PERSONAL) });
    logger.warn({ err: new Error(PERSONAL), platform: 'telegram' });
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain('912 345');
      expect(line).not.toContain('ivan.petrov');
      const parsed = JSON.parse(line) as { msg: string; err: { message: string } };
      expect(parsed.msg).toBe('send failed for [phone], [e-mail]');
      expect(parsed.err.message).toBe('send failed for [phone], [e-mail]');
    }
  });

  it('keeps an explicit message and one given in the object', () => {
    const { logger, lines } = capture();
    logger.error(new Error(PERSONAL), 'delivery failed');
    logger.info({ msg: 'call 89123456789' });
    expect((JSON.parse(lines[0]!) as { msg: string }).msg).toBe('delivery failed');
    expect((JSON.parse(lines[1]!) as { msg: string }).msg).toBe('call [phone]');
  });

  it("keeps the error's class and code, so that an operator can tell a busy database from a bug", () => {
    const { logger, lines } = capture();
    logger.error({ err: new SqliteError('database is locked') }, 'processing failed');
    logger.error({ err: new TypeError('x is undefined') }, 'processing failed');
    const first = JSON.parse(lines[0]!) as { err: { type: string; code: string; message: string } };
    expect(first.err).toMatchObject({
      type: 'SqliteError',
      code: 'SQLITE_BUSY',
      message: 'database is locked',
    });
    expect((JSON.parse(lines[1]!) as { err: { type: string } }).err.type).toBe('TypeError');
  });
});
