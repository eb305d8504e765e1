import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Tests that need the internet are named *.online.test.ts and run only on demand.
    exclude: ['src/**/*.online.test.ts', 'node_modules'],
    globalSetup: ['src/test-helpers/global-setup.ts'],
    env: {
      // The repository's development layout keeps the data beside the project.
      DATA_DIR: process.env.DATA_DIR ?? '../shared/data',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2 } },
  },
});
