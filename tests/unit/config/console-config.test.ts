/** The console and queue variables: defaults, local mode, and messages an operator can act on. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/config.js';

function problems(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.join('\n');
  }
}

describe('console and queue configuration', () => {
  it('defaults: console on, demo consultant only in local mode, the shipped working hours', () => {
    const local = loadConfig({});
    expect(local.console).toEqual({
      enabled: true,
      sessionHours: 12,
      secureCookies: false,
      loginAttemptsPerMinute: 5,
      demoAccount: true,
      lowConfidence: 0.7,
    });
    expect(local.queue).toMatchObject({
      autoAssign: false,
      maxPerConsultant: 5,
      unattendedMinutes: 15,
      defaultWaitMinutes: 10,
    });
    expect(local.queue.workingHoursFile).toMatch(/data\/console\/working-hours\.yaml$/);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc' }).console.demoAccount).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', CONSOLE_DEMO_ACCOUNT: 'false' }).console).toMatchObject({
      secureCookies: true,
      demoAccount: false,
    });
  });

  it('auto makes no demo consultant in production: its password would go to the logs and it reads transcripts', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).console.demoAccount).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', CONSOLE_DEMO_ACCOUNT: 'auto' }).console.demoAccount).toBe(
      false,
    );
    expect(loadConfig({ NODE_ENV: 'production', CONSOLE_DEMO_ACCOUNT: 'true' }).console.demoAccount).toBe(
      true,
    );
    expect(loadConfig({ NODE_ENV: 'development' }).console.demoAccount).toBe(true);
  });

  it('names the variable and what it needs', () => {
    const text = problems({
      CONSOLE_SESSION_HOURS: '0',
      CONSOLE_LOGIN_ATTEMPTS: 'many',
      CONSOLE_LOW_CONFIDENCE: '2',
      QUEUE_MAX_PER_CONSULTANT: '0',
      QUEUE_AUTO_ASSIGN: 'maybe',
      CONSOLE_DEMO_ACCOUNT: 'yes please',
    });
    expect(text).toMatch(/CONSOLE_SESSION_HOURS must be at least 1/);
    expect(text).toMatch(
      /CONSOLE_LOGIN_ATTEMPTS=many is not a whole number in plain decimal digits; CONSOLE_LOGIN_ATTEMPTS needs failed attempts a minute from 1 to 100, such as 5/,
    );
    expect(text).toMatch(/CONSOLE_LOW_CONFIDENCE must be between 0 and 1/);
    expect(text).toMatch(/QUEUE_MAX_PER_CONSULTANT must be at least 1/);
    expect(text).toMatch(/QUEUE_AUTO_ASSIGN: must be true or false/);
    expect(text).toMatch(/CONSOLE_DEMO_ACCOUNT must be auto, true or false/);
  });

  it('a broken working-hours file fails the start with the file and the line of trouble', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hours-'));
    try {
      const file = join(dir, 'hours.yaml');
      writeFileSync(
        file,
        'timezone: Europe/Moscow\nweek: { mon: "9 to 6", tue: null, wed: null, thu: null, fri: null, sat: null, sun: null }\n',
      );
      const text = problems({ QUEUE_WORKING_HOURS_FILE: file });
      expect(text).toMatch(
        /QUEUE_WORKING_HOURS_FILE \(.*hours\.yaml\): week\.mon: "9 to 6" is not a range like 09:00-18:00/,
      );
      expect(problems({ QUEUE_WORKING_HOURS_FILE: join(dir, 'missing.yaml') })).toMatch(
        /cannot read the file/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
