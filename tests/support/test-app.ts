/** Builds the real app for tests: a throwaway database, the project's data, quiet logs, short retry delays. */
import pino from 'pino';
import { type App, type AppOptions, createApp } from '../../src/app/create-app.js';
import { type AppConfig, loadConfig } from '../../src/config/config.js';

export function testConfig(overrides: Partial<AppConfig> = {}, env: NodeJS.ProcessEnv = {}): AppConfig {
  return { ...loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: ':memory:', ...env }), ...overrides };
}

export function createTestApp(overrides: Partial<AppConfig> = {}, options: AppOptions = {}): Promise<App> {
  return createApp(testConfig(overrides), {
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    watchKnowledge: false,
    delivery: { baseBackoffMs: 50, maxBackoffMs: 500, pollIntervalMs: 50 },
    ...options,
  });
}
