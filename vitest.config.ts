import { defineConfig } from 'vitest/config';

// The repository's development layout keeps the data beside the project; the
// global setup runs in this process, so the default is set here, not per worker.
process.env.DATA_DIR ??= '../shared/data';
process.env.LOG_LEVEL ??= 'warn';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Tests that need the internet are named *.online.test.ts and run only on demand.
    exclude: ['src/**/*.online.test.ts', 'node_modules'],
    globalSetup: ['src/test-helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2 } },
  },
});
