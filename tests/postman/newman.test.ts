import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, useHost } from '../support/host';

// newman ships no types; this is the part of its run summary the test reads.
interface RunSummary {
  run: {
    stats: { items: { total: number }; requests: { total: number }; assertions: { total: number; failed: number } };
    failures: { source?: { name?: string }; error: { test?: string; message: string } }[];
  };
}
const newman = require('newman') as { run(options: object, callback: (error: Error | null, summary: RunSummary) => void): void };

const host = useHost();

function run(): Promise<RunSummary> {
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection: path.join(repoRoot, 'postman/flight-booking.postman_collection.json'),
        environment: path.join(repoRoot, 'postman/local.postman_environment.json'),
        envVar: [
          { key: 'baseUrl', value: host.baseUrl },
          { key: 'siteUrl', value: new URL(host.baseUrl).origin },
          { key: 'functionKey', value: host.key },
        ],
        timeoutRequest: 90_000,
      },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    );
  });
}

describe('Postman collection', () => {
  it('passes every assertion against a fresh host', async () => {
    const { run: result } = await run();
    const failures = result.failures.map((f) => `${f.source?.name ?? '?'}: ${f.error.test ?? ''} — ${f.error.message}`);
    expect(failures).toEqual([]);
    expect(result.stats.assertions.failed).toBe(0);
    // items, not requests: a pre-request script's pm.sendRequest (waiting for a terminate) counts as a request too.
    expect(result.stats.assertions.total).toBeGreaterThanOrEqual(result.stats.items.total);
  }, 180_000);
});
