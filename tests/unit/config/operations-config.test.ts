/** Operations variables, the DATA_DIR check, and `.env.example` documenting every variable the code reads. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES, loadConfig } from '../../../src/config/config.js';
import { problems } from '../../support/config-problems.js';

describe('operations configuration', () => {
  it('a misspelt NODE_ENV=production is refused: it would quietly run as development (console cookies over http)', () => {
    for (const value of ['prod', 'Production', 'PRODUCTION', 'production ', 'productoin'])
      expect(problems({ NODE_ENV: value })).toEqual([
        `NODE_ENV=${value} looks like a misspelt production; it must be exactly production (anything else runs as development)`,
      ]);
    expect(loadConfig({ NODE_ENV: 'production' }).env).toBe('production');
    for (const value of ['development', 'test', 'staging'])
      expect(loadConfig({ NODE_ENV: value }).env).toBe(value);
  });

  it('defaults: a year of transcripts, 20 messages a minute, a 5 s lock wait, /metrics open, 8 s to shut down', () => {
    expect(loadConfig({}).operations).toEqual({
      databaseBusyTimeoutMs: 5000,
      retentionDays: 365,
      floodMessagesPerMinute: 20,
      metricsToken: undefined,
      shutdownTimeoutMs: 8000,
      trustProxy: false,
    });
    expect(
      loadConfig({
        RETENTION_DAYS: '30',
        FLOOD_MESSAGES_PER_MINUTE: '0',
        DATABASE_BUSY_TIMEOUT_MS: '250',
        METRICS_TOKEN: 'scrape-me-0123456789',
        SHUTDOWN_TIMEOUT_MS: '25000',
      }).operations,
    ).toEqual({
      databaseBusyTimeoutMs: 250,
      retentionDays: 30,
      floodMessagesPerMinute: 0,
      metricsToken: 'scrape-me-0123456789',
      shutdownTimeoutMs: 25000,
      trustProxy: false,
    });
  });

  it("TRUST_PROXY: no proxy unless told, then a number of hops or the proxies' addresses and ranges", () => {
    const trust = (value: string) => loadConfig({ TRUST_PROXY: value }).operations.trustProxy;
    expect(trust('')).toBe(false);
    expect(trust('0')).toBe(false);
    expect(trust('1')).toBe(1);
    expect(trust('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(trust(' 10.0.0.0/8, 192.168.1.10 ,::1, fd00::/8,loopback,')).toEqual([
      '10.0.0.0/8',
      '192.168.1.10',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    expect(problems({ TRUST_PROXY: 'true' })).toEqual([
      expect.stringMatching(
        /^TRUST_PROXY=true would believe any client's X-Forwarded-For; give the number of proxies/,
      ),
    ]);
    expect(problems({ TRUST_PROXY: '10.0.0.0/33, nginx' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY must be .*; not an address or range: 10\.0\.0\.0\/33, nginx$/),
    ]);
    expect(problems({ TRUST_PROXY: '99' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY must be at most 10 proxies/),
    ]);
  });

  it('says which variable is wrong, what is wrong and what it needs', () => {
    const p = problems({
      RETENTION_DAYS: 'a year',
      FLOOD_MESSAGES_PER_MINUTE: '-5',
      DATABASE_BUSY_TIMEOUT_MS: '10',
      METRICS_TOKEN: 'short',
      SHUTDOWN_TIMEOUT_MS: '500',
      LOG_LEVEL: 'verbose',
      PORT: '70000',
    });
    expect(p).toEqual([
      'PORT must be between 0 and 65535',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      'DATABASE_BUSY_TIMEOUT_MS must be at least 100',
      'RETENTION_DAYS="a year" is not a whole number in plain decimal digits; RETENTION_DAYS needs a number of days from 1 to 3650, such as 365',
      'FLOOD_MESSAGES_PER_MINUTE=-5 is not a whole number in plain decimal digits; FLOOD_MESSAGES_PER_MINUTE needs messages a minute from 0 (no limit) to 10000, such as 20',
      'SHUTDOWN_TIMEOUT_MS must be at least 1000',
      'METRICS_TOKEN must be 16–256 printable characters without spaces',
    ]);
  });

  it('refuses a DATA_DIR that is not the knowledge base, once, naming the variable', () => {
    expect(problems({ DATA_DIR: './no-such-folder' })).toEqual([
      expect.stringMatching(/^DATA_DIR=\.\/no-such-folder is not a folder .*topics\.yaml/),
    ]);
    expect(problems({ DATA_DIR: './src' })).toEqual([
      'DATA_DIR=./src has no topics.yaml; point it at the knowledge base folder (./data)',
    ]);
  });

  it('.env.example documents every variable the configuration reads, with a comment', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    const lines = example.split('\n');
    const documented = new Map<string, number>();
    lines.forEach((line, i) => {
      const match = /^([A-Z][A-Z0-9_]*)=/.exec(line);
      if (match) documented.set(match[1]!, i);
    });
    const missing = ENV_VARIABLES.filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
    for (const name of ENV_VARIABLES) {
      // The line before a variable explains it (a comment), possibly for a group of variables.
      let i = documented.get(name)! - 1;
      while (i >= 0 && /^[A-Z][A-Z0-9_]*=/.test(lines[i]!)) i--;
      expect(lines[i], `${name} has an explanation`).toMatch(/^#/);
    }
    // And nothing documented that nobody reads (the terminal chat's own variables aside).
    const chatOnly = ['CHAT_DATABASE_URL', 'CHAT_USER_ID', 'CHAT_LANG'];
    expect([...documented.keys()].filter((n) => !ENV_VARIABLES.includes(n) && !chatOnly.includes(n))).toEqual(
      [],
    );
  });
});
