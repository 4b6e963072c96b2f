import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost, tempDir, type TestHost } from '../support/host';

/** Output arrives on its own schedule; wait for it rather than for the response. */
async function waitForOutput(host: TestHost, pattern: RegExp): Promise<void> {
  for (let i = 0; i < 50 && !pattern.test(host.output()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(host.output()).toMatch(pattern);
}

describe('the local host', () => {
  it('reads local.settings.json like func (the environment wins), logs one line per request, and stops cleanly on SIGINT', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(
      path.join(dataDir, 'local.settings.json'),
      JSON.stringify({ IsEncrypted: false, Values: { SEED_SAMPLE_DATA: 'false', BOOKING_HOLD_MINUTES: '7', LOG_REQUESTS: 'false' } }),
    );
    const host = await startHost({ dataDir, env: { LOG_REQUESTS: 'true' } });
    expect(host.output()).toContain(`settings:  ${path.join(dataDir, 'local.settings.json')}`);
    expect(host.output()).toContain('(0 flights)');
    await host.fetch('/flights?limit=1');
    await host.fetch('/flights/number/CA1001');
    await waitForOutput(host, /GET \/api\/flights 200 \d+\.\dms/);
    await waitForOutput(host, /GET \/api\/flights\/number\/\{flight_number\} 404 \d+\.\dms/);
    expect(await host.stop('SIGINT')).toBe(0);
    expect(host.output()).toContain('SIGINT: shutting down');
  });

  it('generates a function key when none is set, keeps it under DATA_DIR (owner-only) and requires the same one after a restart', async () => {
    const dataDir = tempDir();
    const first = await startHost({ dataDir, env: { FUNCTIONS_API_KEY: '' } });
    const key = /function key: (\S+) \(generated, kept in (\S+)\)/.exec(first.output());
    expect(key).toBeTruthy();
    const [, printed, file] = key!;
    expect(path.dirname(path.dirname(file!))).toBe(fs.realpathSync(dataDir));
    expect(fs.statSync(file!).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file!, 'utf8').trim()).toBe(printed);
    expect((await first.fetch('/bookings')).status).toBe(401);
    expect((await first.fetch('/bookings', { headers: { 'x-functions-key': printed! } })).status).toBe(200);
    expect((await first.fetch(`/bookings?code=${encodeURIComponent(printed!)}`)).status).toBe(200);
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await startHost({ dataDir, env: { FUNCTIONS_API_KEY: '' } });
    expect(second.output()).toContain(`function key: ${printed} (kept in ${file})`);
    expect((await second.fetch('/bookings', { headers: { 'x-functions-key': printed! } })).status).toBe(200);
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 60_000);

  it('serves the same functions from several worker processes and stops them all', async () => {
    const host = await startHost({ env: { FUNCTIONS_WORKER_PROCESS_COUNT: '2' } });
    expect(host.output()).toContain('in 2 worker processes');
    const statuses = await Promise.all(Array.from({ length: 20 }, () => host.fetch('/health').then((r) => r.status)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(await host.stop('SIGTERM')).toBe(0);
  }, 60_000);
});

describe('health', () => {
  it('is 503 unhealthy, naming the database, when the database cannot be reached — and the host keeps serving', async () => {
    const host = await startHost({ env: { DATABASE_URL: 'mssql://app:secret@127.0.0.1:9/flights' } });
    expect(host.output()).toContain('UNREACHABLE');
    const response = await host.fetch('/health');
    expect(response.status).toBe(503);
    const health = (await response.json()) as { status: string; checks: Record<string, { status: string; detail: string }> };
    expect(health.status).toBe('unhealthy');
    expect(health.checks.database!.status).toBe('fail');
    expect(JSON.stringify(health)).not.toContain('secret');
    expect((await host.fetch('/airports?q=PEK')).status).toBe(200);
    const search = await host.fetch('/flights?limit=1');
    expect(search.status).toBe(503);
    expect(search.headers.get('retry-after')).toBe('5');
    expect(await search.text()).not.toContain('secret');
    await host.stop();
  }, 60_000);
});
