import { defineConfig } from 'vitest/config';
import { CiSkipCheck } from './tests/support/ci-skips';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
    // Under CI=true a skipped test fails the run, except the Azure SQL contract suite (tests/support/ci-skips.ts).
    reporters: ['default', new CiSkipCheck()],
  },
});
