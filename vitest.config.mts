import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
    // Under CI=true a skipped test fails the run, except the Azure SQL contract suite (tests/support/ci-skips.ts).
    reporters: ['default', './tests/support/ci-skips.ts'],
  },
});
