#!/usr/bin/env node
/**
 * `npm run mutation [-- --smoke]`: runs StrykerJS (stryker.config.mjs), then prints the mutation score of
 * each module group from its JSON report. `--smoke` mutates only the refund policy and the fares (under a
 * minute), from scratch, and fails below 95 % (CI runs it). The full run is incremental
 * (reports/mutation/stryker-incremental.json): a second run retests only what changed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { groups } from '../stryker.config.mjs';

const smoke = process.argv.includes('--smoke');
const smokeFiles = ['lib/domain/refund-policy.ts', 'lib/domain/fares.ts'];
/** The smoke subset (run in CI) fails below this score; the full run only reports. */
const smokeBreak = 95;
const report = 'reports/mutation/mutation.json';

const stryker = path.join(path.dirname(createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json')), 'bin/stryker.js');
const args = ['run', ...(smoke ? ['--mutate', smokeFiles.join(','), '--incrementalFile', 'reports/mutation/smoke-incremental.json', '--force'] : [])];
const started = Date.now();
const run = spawnSync(process.execPath, [stryker, ...args], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

/** Killed and timed-out mutants count as detected; survivors and uncovered ones as missed (Stryker's own score). */
function score(mutants) {
  const detected = mutants.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
  const missed = mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage').length;
  return { detected, missed, percent: detected + missed ? (100 * detected) / (detected + missed) : NaN };
}

const files = JSON.parse(readFileSync(report, 'utf8')).files;
const inGroup = (file, patterns) => patterns.some((pattern) => file.startsWith(pattern.split(':')[0].replace(/\*.*$/, '')));
console.log(`\nMutation score per module (${((Date.now() - started) / 1000).toFixed(0)} s${smoke ? ', smoke subset' : ''}):`);
for (const [name, patterns] of Object.entries(groups)) {
  const mutants = Object.entries(files).filter(([file]) => inGroup(file, patterns)).flatMap(([, f]) => f.mutants);
  if (!mutants.length) continue;
  const { detected, missed, percent } = score(mutants);
  console.log(`  ${name.padEnd(13)} ${percent.toFixed(1).padStart(5)} %   ${String(detected).padStart(4)} detected, ${String(missed).padStart(3)} missed`);
  if (smoke && percent < smokeBreak) {
    console.error(`The smoke subset scores below ${smokeBreak} %: a test of the refund policy or the fares no longer catches what it should.`);
    process.exitCode = 1;
  }
}
