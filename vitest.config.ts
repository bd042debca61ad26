import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: the e2e suites start servers and bots; keep parallelism modest.
    maxWorkers: 2,
    pool: 'forks',
  },
});
