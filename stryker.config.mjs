// @ts-check
/**
 * Mutation testing (`npm run mutation`): StrykerJS plants small bugs in the modules that carry the
 * guarantees and runs the fast tests of vitest.mutation.config.mts against each; a mutant no test
 * notices "survives". `npm run mutation -- --smoke` mutates only the refund policy and the fares (CI).
 * The per-module summary is printed by mutation/summary.mjs from reports/mutation/mutation.json.
 */
const groups = {
  domain: ['lib/domain/fares.ts', 'lib/domain/refund-policy.ts', 'lib/domain/seats.ts', 'lib/domain/bookings.ts', 'lib/domain/money.ts', 'lib/domain/time.ts'],
  bookings: ['lib/bookings/*.ts'],
  http: ['lib/http/validate.ts'],
  store: ['lib/store/conditions.ts'],
  // decide(): which inbound message accepts which proposal.
  confirmation: ['agents/orchestrator/conversation.ts:56-66'],
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: Object.values(groups).flat(),
  coverageAnalysis: 'perTest',
  // A mutant in code that runs when a module loads (a constant table) is covered by every test, so each would
  // rerun the whole set: ~90 of them took as long as the other thousand. They are left out of the score.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  // Stryker rewrites the sandbox's tsconfig with TypeScript's JS API, which TypeScript 7 (the Go compiler) does not
  // have; vitest needs no tsconfig (no path aliases here), so name none and nothing is rewritten.
  tsconfigFile: 'no-tsconfig-for-stryker.json',
  timeoutMS: 3_000,
  // Anchored: an unanchored 'data' would also leave lib/domain/data out of the sandbox.
  ignorePatterns: ['/dist', '/data', '/docs', '/web', '/bench', '/reports', '/.stryker-tmp', '/postman', '/infra'],
};

export { groups };
