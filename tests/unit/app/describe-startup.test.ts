/** What `npm start` prints: which channels are on, in which mode, and where the console and the endpoints are. */
import { describe, expect, it } from 'vitest';
import { describeStartup } from '../../../src/app/describe-startup.js';
import { loadConfig } from '../../../src/config/config.js';

describe('startup summary', () => {
  it('local mode: web chat, messengers off with the variables that turn them on, console with the demo login', () => {
    const text = describeStartup(loadConfig({ PORT: '3000' }), 'http://0.0.0.0:3000', {
      demo: { login: 'demo', password: 'pw-123' },
    });
    expect(text.split('\n')).toEqual([
      'Social welfare assistant is running.',
      '  Web chat:  http://localhost:3000/',
      '  Telegram:  off (set TELEGRAM_BOT_TOKEN)',
      '  VK:        off (set VK_GROUP_TOKEN and VK_GROUP_ID)',
      '  Console:   http://localhost:3000/console',
      '  Demo consultant: login demo, password pw-123 (new at every start)',
      expect.stringMatching(/^ {2}Database: {2}\/.*var\/assistant\.sqlite$/),
      '  Health:    http://localhost:3000/healthz, http://localhost:3000/readyz',
      '  Metrics:   http://localhost:3000/metrics (open; set METRICS_TOKEN when the port is public)',
      '  Limits:    20 messages a minute per citizen; transcripts anonymised after 365 days',
    ]);
  });

  it('production: Telegram webhook, VK callback, web chat and console off, protected metrics', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_MODE: 'webhook',
      PUBLIC_URL: 'https://bot.example.org',
      TELEGRAM_WEBHOOK_SECRET: 'a-long-enough-secret',
      VK_GROUP_TOKEN: 'x'.repeat(20),
      VK_GROUP_ID: '77',
      VK_MODE: 'callback',
      VK_CONFIRMATION_CODE: 'abc123',
      VK_CALLBACK_SECRET: 'vk-secret',
      WEB_CHAT: 'false',
      CONSOLE_ENABLED: 'false',
      METRICS_TOKEN: 'scrape-token-0123456789',
      FLOOD_MESSAGES_PER_MINUTE: '0',
      RETENTION_DAYS: '90',
    });
    const text = describeStartup(config, 'http://[::]:8080');
    expect(text).toContain('  Web chat:  off (WEB_CHAT=false)');
    expect(text).toContain('  Telegram:  webhook at https://bot.example.org/webhooks/telegram');
    expect(text).toContain('  VK:        Callback API at http://localhost:8080/webhooks/vk');
    expect(text).toContain('  Console:   off (CONSOLE_ENABLED=false)');
    expect(text).toContain('  Metrics:   http://localhost:8080/metrics (bearer token: METRICS_TOKEN)');
    expect(text).toContain('  Limits:    no flood limit; transcripts anonymised after 90 days');
    expect(text).not.toContain('scrape-token');
  });

  it('polling and long poll name the API they talk to', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: '123:abc',
      VK_GROUP_TOKEN: 'x'.repeat(20),
      VK_GROUP_ID: '77',
    });
    const text = describeStartup(config, 'http://127.0.0.1:3000');
    expect(text).toContain('  Telegram:  long polling (https://api.telegram.org)');
    expect(text).toContain('  VK:        long poll (https://api.vk.com)');
  });
});
