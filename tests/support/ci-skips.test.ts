import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedInCi, ciIsSet } from './ci-skips';
import { repoRoot } from './host-process';

/** Runs the skip check over the fixture files (tests/support/ci-skips/) in a child vitest, as `npm test` runs under CI. */
function runFixtures(env: Record<string, string>) {
  const vitest = path.join(repoRoot, 'node_modules/vitest/vitest.mjs');
  const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'tests/support/ci-skips/fixture.config.mts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('no silent skips under CI', () => {
  it('a skipped suite fails the run under CI=true and names it; the documented exception is reported in the summary line', () => {
    const { status, output } = runFixtures({ CI: 'true' });
    expect(output).toContain('CI skip check: 1 tests ran; skipped as documented: allowed.fixture.ts "Azure SQL" (1 tests: no server); skipped unexpectedly: 1');
    expect(output).toContain('unexpected.fixture.ts › a browser test without its browser > would render a page');
    expect(status).toBe(1);
  }, 60_000);

  it('passes when every skip is allowed, and does nothing outside CI', () => {
    expect(runFixtures({ CI: 'true', FIXTURE_ALLOW_ALL: '1' }).status).toBe(0);
    const local = runFixtures({});
    expect(local.status).toBe(0);
    expect(local.output).not.toContain('CI skip check');
  }, 60_000);

  it('the only suite CI may skip is the Azure SQL contract suite', () => {
    expect(allowedInCi.map(({ file, suite }) => `${file} › ${suite}`)).toEqual(['tests/store/contract.test.ts › Azure SQL']);
    expect([ciIsSet({ CI: 'true' }), ciIsSet({ CI: '1' }), ciIsSet({ CI: 'false' }), ciIsSet({ CI: '' }), ciIsSet({})]).toEqual([true, true, false, false, false]);
  });
});
