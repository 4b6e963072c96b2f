import type { Reporter, TestModule } from 'vitest/node';

/** A suite CI may skip, and why: matched by its file and the start of the test's full name. */
export interface AllowedSkip {
  file: string;
  suite: string;
  reason: string;
}

/** The documented exception: no SQL Server can run in CI, so the Azure SQL contract suite runs only when given one. */
export const allowedInCi: AllowedSkip[] = [
  { file: 'tests/store/contract.test.ts', suite: 'Azure SQL', reason: 'AZURE_SQL_TEST_CONNECTION_STRING not set (no SQL Server in CI)' },
];

export const ciIsSet = (env: NodeJS.ProcessEnv = process.env) => Boolean(env.CI) && !['false', '0'].includes(env.CI!.toLowerCase());

/**
 * Under CI, a skipped test fails the run unless an allowed suite owns it: a missing browser, a tool
 * or mount that is not there, a left-over `.only` or `.skip` cannot turn CI green silently. Prints
 * one summary line of what ran, what was allowed to skip and why.
 */
export default class CiSkipCheck implements Reporter {
  private readonly allowed: AllowedSkip[];
  private readonly enabled: boolean;

  /** vitest.config.mts names this file as a reporter; `allowed` replaces the list (the reporter's own test uses that). */
  constructor(options: { allowed?: AllowedSkip[] } = {}) {
    this.allowed = options.allowed ?? allowedInCi;
    this.enabled = ciIsSet();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (!this.enabled) return;
    const allowedCounts = new Map<AllowedSkip, number>();
    const unexpected: string[] = [];
    let ran = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        if (test.result().state !== 'skipped') {
          ran++;
          continue;
        }
        const allowed = this.allowed.find((a) => module.relativeModuleId === a.file && test.fullName.startsWith(a.suite));
        if (allowed) allowedCounts.set(allowed, (allowedCounts.get(allowed) ?? 0) + 1);
        else unexpected.push(`${module.relativeModuleId} › ${test.fullName}`);
      }
    }
    const allowedText = [...allowedCounts].map(([a, n]) => `${a.file} "${a.suite}" (${n} tests: ${a.reason})`).join('; ') || 'none';
    console.log(`CI skip check: ${ran} tests ran; skipped as documented: ${allowedText}; skipped unexpectedly: ${unexpected.length}`);
    if (unexpected.length) {
      console.error(`CI=true and these tests were skipped (a missing browser or tool, a .skip or .only); fix the environment or the test:\n  ${unexpected.join('\n  ')}`);
      process.exitCode = 1;
    }
  }
}
