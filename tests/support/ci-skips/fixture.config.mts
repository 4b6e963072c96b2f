import { defineConfig } from 'vitest/config';

/** The skip check over two fixture files: one skip allowed by this list, one not unless FIXTURE_ALLOW_ALL is set. */
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['*.fixture.ts'],
    reporters: [
      'default',
      [
        new URL('../ci-skips.ts', import.meta.url).pathname,
        {
          allowed: [
            { file: 'allowed.fixture.ts', suite: 'Azure SQL', reason: 'no server' },
            ...(process.env.FIXTURE_ALLOW_ALL ? [{ file: 'unexpected.fixture.ts', suite: '', reason: 'allowed for this run' }] : []),
          ],
        },
      ],
    ],
  },
});
