import { defineConfig } from 'vitest/config';

/**
 * Tests that drive a real browser, kill and restart child processes, or push load through the fake Bot API: they
 * measure time under load, so `npm test` runs them one file at a time after the rest (two cores in CI).
 */
const SERIAL = [
  'tests/e2e/console/console-browser.test.ts',
  'tests/e2e/web/web-chat-browser.test.ts',
  'tests/e2e/telegram/crash-restart.test.ts',
  'tests/e2e/telegram/api-faults-under-load.test.ts',
  'tests/e2e/bench/bench-smoke.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: the e2e suites start servers and bots; keep parallelism modest.
    maxWorkers: 2,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'parallel', include: ['tests/**/*.test.ts'], exclude: SERIAL } },
      { extends: true, test: { name: 'serial', include: SERIAL, fileParallelism: false } },
    ],
  },
});
