import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { problems } from '../../support/config-problems.js';

describe('configuration', () => {
  it('runs locally with no variables at all: web chat on, no messengers', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, webChat: true, telegram: undefined, vk: undefined });
    expect(config.databasePath).toMatch(/var\/assistant\.sqlite$/);
  });

  it('Telegram: polling by default, webhook needs PUBLIC_URL and a secret', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc' }).telegram).toEqual({
      token: '123:abc',
      apiRoot: 'https://api.telegram.org',
      limits: { perChatPerSecond: 1, globalPerSecond: 30 },
      mode: 'polling',
    });
    const p = problems({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_MODE: 'webhook' });
    expect(p.join('\n')).toMatch(/TELEGRAM_MODE=webhook, so PUBLIC_URL is needed/);
    expect(p.join('\n')).toMatch(/TELEGRAM_WEBHOOK_SECRET/);
    expect(
      loadConfig({
        TELEGRAM_BOT_TOKEN: '123:abc',
        TELEGRAM_MODE: 'webhook',
        PUBLIC_URL: 'https://bot.example.org/',
        TELEGRAM_WEBHOOK_SECRET: 'a-long-enough-secret',
        TELEGRAM_API_ROOT: 'http://127.0.0.1:9000',
      }).telegram,
    ).toMatchObject({
      mode: 'webhook',
      publicUrl: 'https://bot.example.org',
      apiRoot: 'http://127.0.0.1:9000',
    });
  });

  it("Telegram's webhook: PUBLIC_URL must be an address Telegram calls (https, port 443, 80, 88 or 8443)", () => {
    const webhook = {
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: 'a-long-enough-secret',
    };
    expect(problems({ ...webhook, PUBLIC_URL: 'http://bot.example.org' })).toEqual([
      'PUBLIC_URL=http://bot.example.org is not https; Telegram calls webhooks only over https (a proxy with a certificate in front of PORT)',
    ]);
    expect(problems({ ...webhook, PUBLIC_URL: 'https://bot.example.org:3000/' })).toEqual([
      'PUBLIC_URL=https://bot.example.org:3000 has port 3000; Telegram calls webhooks only on ports 443, 80, 88 and 8443',
    ]);
    for (const ok of [
      'https://bot.example.org',
      'https://bot.example.org:8443/assistant',
      'https://[::1]:88',
    ])
      expect(problems({ ...webhook, PUBLIC_URL: ok })).toEqual([]);
    // A local Bot API server or a test fake calls whatever it is given.
    expect(
      problems({
        ...webhook,
        PUBLIC_URL: 'http://127.0.0.1:3000',
        TELEGRAM_API_ROOT: 'http://127.0.0.1:9000',
      }),
    ).toEqual([]);
  });

  it("Telegram: the send limits default to Telegram's own; 0 turns one off (benchmarks against a fake)", () => {
    expect(
      loadConfig({
        TELEGRAM_BOT_TOKEN: '123:abc',
        TELEGRAM_PER_CHAT_PER_SECOND: '0',
        TELEGRAM_GLOBAL_PER_SECOND: '100',
      }).telegram?.limits,
    ).toEqual({ perChatPerSecond: Number.POSITIVE_INFINITY, globalPerSecond: 100 });
    expect(problems({ TELEGRAM_GLOBAL_PER_SECOND: '-1' })).toEqual([
      'TELEGRAM_GLOBAL_PER_SECOND=-1 is not a plain decimal number; TELEGRAM_GLOBAL_PER_SECOND needs messages a second overall (0: no limit), such as 30',
    ]);
  });

  it('VK: token and id go together; callback mode needs its codes; the API version is current', () => {
    expect(problems({ VK_GROUP_TOKEN: 'x'.repeat(20) })).toEqual([expect.stringMatching(/VK_GROUP_ID/)]);
    expect(loadConfig({ VK_GROUP_TOKEN: 'x'.repeat(20), VK_GROUP_ID: '77' }).vk).toMatchObject({
      mode: 'longpoll',
      groupId: 77,
      apiVersion: '5.199',
      apiRoot: 'https://api.vk.com',
    });
    expect(
      problems({ VK_GROUP_TOKEN: 'x'.repeat(20), VK_GROUP_ID: '77', VK_MODE: 'callback' }).join('\n'),
    ).toMatch(/VK_CONFIRMATION_CODE[\s\S]*VK_CALLBACK_SECRET/);
  });

  it('lists every wrong variable at once, by name', () => {
    const p = problems({ PORT: 'eighty', TELEGRAM_MODE: 'push', TELEGRAM_BOT_TOKEN: 'nonsense' });
    expect(p).toHaveLength(3);
    expect(p.join('\n')).toMatch(/PORT/);
    expect(p.join('\n')).toMatch(/TELEGRAM_MODE must be polling or webhook/);
    expect(p.join('\n')).toMatch(/TELEGRAM_BOT_TOKEN looks wrong/);
  });
});
