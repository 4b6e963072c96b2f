import { describe, expect, it } from 'vitest';
import { assertBuilt, runCli, stackTrace } from './run-cli';

/** No host here: every case fails before or at the first request. */
const down = { FLIGHTBOOK_URL: 'http://127.0.0.1:9/api', FLIGHTBOOK_KEY: 'k' };

describe('flightbook bad input', () => {
  it('an unknown command exits 2 with the usage line', async () => {
    assertBuilt();
    const result = await runCli(['fly', 'PEK'], { env: down });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("error: unknown command 'fly'");
    expect(result.stderr).toMatch(/^Usage: flightbook /m);
    expect(result.stderr).not.toMatch(stackTrace);
  });

  it('no command at all prints the help and exits 2', async () => {
    const result = await runCli([], { env: down });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Commands:');
  });

  it('a date it cannot read is one usage line, exit 2', async () => {
    const result = await runCli(['search', 'PEK', 'SHA', '--date', 'someday'], { env: down });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: option '-d, --date <date>' argument 'someday' is invalid\. not a date/)]);
  });

  it('an impossible calendar date is refused the same way', async () => {
    const result = await runCli(['book', 'CA1001', '--date', '2026-02-30', '--passenger', '张三'], { env: down });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/argument '2026-02-30' is invalid/);
  });

  it('a missing required option is a usage error', async () => {
    const result = await runCli(['book', 'CA1001', '--passenger', '张三'], { env: down });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe("error: required option '-d, --date <date>' not specified");
  });

  it('a server that is not running is one line naming npm start, exit 1', async () => {
    const result = await runCli(['search', 'PEK', 'SHA'], { env: down });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error: Cannot reach http://127.0.0.1:9/api; start it with npm start (or set --base-url / FLIGHTBOOK_URL)');
  });

  it('a reference that is no PNR is a usage error before any request', async () => {
    const result = await runCli(['show', 'NOT-A-PNR', '--last-name', '张'], { env: down });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('error: "NOT-A-PNR" is neither a booking id nor a 6-character booking reference (PNR)');
  });

  it('--help exits 0', async () => {
    const result = await runCli(['search', '--help'], { env: down });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: flightbook search');
  });
});
