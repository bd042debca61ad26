/**
 * Number variables are written in plain decimal digits. Read through Number(), PORT=0x10 started on port 16, and
 * 1e3, " 3000 " (and a value of spaces only, which is 0) were taken too (operator audit, item 15).
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { problems } from '../../support/config-problems.js';

/** Each whole-number variable, a good value and where loadConfig puts it. */
const WHOLE: [name: string, good: string, read: (env: NodeJS.ProcessEnv) => unknown][] = [
  ['PORT', '3917', (env) => loadConfig(env).port],
  ['DATABASE_BUSY_TIMEOUT_MS', '250', (env) => loadConfig(env).operations.databaseBusyTimeoutMs],
  ['RETENTION_DAYS', '30', (env) => loadConfig(env).operations.retentionDays],
  ['FLOOD_MESSAGES_PER_MINUTE', '0', (env) => loadConfig(env).operations.floodMessagesPerMinute],
  ['SHUTDOWN_TIMEOUT_MS', '25000', (env) => loadConfig(env).operations.shutdownTimeoutMs],
  ['VK_GROUP_ID', '77', (env) => loadConfig({ VK_GROUP_TOKEN: 'x'.repeat(20), ...env }).vk?.groupId],
  ['CONSOLE_LOGIN_ATTEMPTS', '7', (env) => loadConfig(env).console.loginAttemptsPerMinute],
  ['QUEUE_MAX_PER_CONSULTANT', '3', (env) => loadConfig(env).queue.maxPerConsultant],
];

/** Each variable that may have a fraction (a rate, hours, minutes, a confidence). */
const FRACTIONAL: [name: string, good: string, read: (env: NodeJS.ProcessEnv) => unknown][] = [
  [
    'TELEGRAM_PER_CHAT_PER_SECOND',
    '0.5',
    (env) => loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc', ...env }).telegram?.limits?.perChatPerSecond,
  ],
  [
    'TELEGRAM_GLOBAL_PER_SECOND',
    '25',
    (env) => loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc', ...env }).telegram?.limits?.globalPerSecond,
  ],
  ['CONSOLE_SESSION_HOURS', '1.5', (env) => loadConfig(env).console.sessionHours],
  ['CONSOLE_LOW_CONFIDENCE', '0.65', (env) => loadConfig(env).console.lowConfidence],
  ['QUEUE_UNATTENDED_MINUTES', '20', (env) => loadConfig(env).queue.unattendedMinutes],
  ['QUEUE_DEFAULT_WAIT_MINUTES', '7.5', (env) => loadConfig(env).queue.defaultWaitMinutes],
];

/** The value as a message shows it: quoted when it has spaces (or is nothing but spaces). */
const shown = (value: string) => (/^[\x21-\x7e]+$/.test(value) ? value : JSON.stringify(value));

/** What Number() takes and a person did not mean as a plain number. */
const NOT_PLAIN = [
  '0x10',
  '0o17',
  '0b11',
  '1e3',
  ' 3000 ',
  '3000 ',
  '\t30',
  '   ',
  '+30',
  '1_000',
  'Infinity',
];

describe('number variables: plain decimal digits only', () => {
  it.each(WHOLE)('%s takes plain digits (leading zeros are still decimal)', (name, good, read) => {
    expect(read({ [name]: good })).toBe(Number(good));
    expect(read({ [name]: `0${good}` })).toBe(Number(good));
  });

  it.each(WHOLE)('%s refuses hexadecimal, octal, binary, exponents, signs, spaces and fractions', (name) => {
    for (const value of [...NOT_PLAIN, '3.0', '3.5', '-0']) {
      const p = problems({ [name]: value });
      expect(p, `${name}=${JSON.stringify(value)}`).toHaveLength(1);
      // Which variable, what is wrong (the value as given, spaces made visible), what it needs.
      expect(p[0]?.startsWith(`${name}=${shown(value)} `), p[0]).toBe(true);
      expect(p[0]).toMatch(/is not a whole number in plain decimal digits; .+ such as \d+$/);
    }
  });

  it('PORT=0x10 no longer starts on port 16: the message says what PORT needs', () => {
    expect(problems({ PORT: '0x10' })).toEqual([
      'PORT=0x10 is not a whole number in plain decimal digits; PORT needs a port from 0 to 65535, such as 3000',
    ]);
    expect(problems({ PORT: ' 3000 ' })).toEqual([
      'PORT=" 3000 " is not a whole number in plain decimal digits; PORT needs a port from 0 to 65535, such as 3000',
    ]);
  });

  it('a value in digits out of range keeps its range message', () => {
    expect(problems({ PORT: '65536' })).toEqual(['PORT must be between 0 and 65535']);
    expect(problems({ VK_GROUP_ID: '0', VK_GROUP_TOKEN: 'x'.repeat(20) })).toEqual([
      'VK_GROUP_ID must be the numeric id of the community (1 or more)',
    ]);
  });

  it.each(FRACTIONAL)('%s takes a plain decimal number, with a fraction or without', (name, good, read) => {
    expect(read({ [name]: good })).toBe(Number(good));
  });

  it.each(FRACTIONAL)('%s refuses what is not a plain decimal number', (name) => {
    for (const value of [...NOT_PLAIN, '1.', '.5', '1,5', '-0']) {
      const p = problems({ [name]: value });
      expect(p, `${name}=${JSON.stringify(value)}`).toHaveLength(1);
      expect(p[0]?.startsWith(`${name}=${shown(value)} `), p[0]).toBe(true);
      expect(p[0]).toMatch(/is not a plain decimal number; .+ such as \d+(\.\d+)?$/);
    }
  });

  it('TRUST_PROXY: a number of proxies is plain digits too (a list may have spaces after its commas)', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).operations.trustProxy).toBe(2);
    for (const value of [' 1', '1 ', '\t2'])
      expect(problems({ TRUST_PROXY: value })).toEqual([
        expect.stringMatching(
          /^TRUST_PROXY=".+" has spaces around the number; give the digits only, such as 1$/,
        ),
      ]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.2' }).operations.trustProxy).toEqual([
      '10.0.0.1',
      '10.0.0.2',
    ]);
  });
});
