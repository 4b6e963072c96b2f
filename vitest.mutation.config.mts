import { defineConfig } from 'vitest/config';

/**
 * The fast, in-process tests that guard the mutated modules (stryker.config.mjs): no host, no Azurite,
 * no browser, so each mutant runs in well under a second. The slow HTTP tests still guard the same code in `npm test`.
 */
export default defineConfig({
  test: {
    include: [
      'tests/domain/booking-rules.test.ts',
      'tests/domain/refund-boundaries.test.ts',
      'tests/domain/seat-rules.test.ts',
      'tests/domain/money-and-time.test.ts',
      'tests/bookings/service.test.ts',
      'tests/bookings/hold-sweep-markers.test.ts',
      'tests/http/validate.test.ts',
      'tests/store/conditions.test.ts',
      'tests/assistant/orchestration.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
