import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/host';

/** Whether python3 with `requests` can run the original system's clients here. */
export function pythonWithRequests(): boolean {
  return spawnSync('python3', ['-c', 'import requests'], { stdio: 'ignore' }).status === 0;
}

/**
 * CI installs python3-requests (.ci/run); there a missing Python is a failure, not a skip.
 * Elsewhere the test skips and says why.
 */
export function requirePython(): boolean {
  const available = pythonWithRequests();
  if (!available && process.env.CI === 'true') throw new Error('python3 with requests is required in CI (.ci/run installs python3-requests)');
  if (!available) console.warn('python3 with requests is not installed: the original clients test is skipped');
  return available;
}

export interface Substitution {
  find: string;
  replace: string;
  /** How many times `find` must occur: the script is otherwise not the one these substitutions were written for. */
  count: number;
}

/** Copies one of the original scripts into a temp folder with exactly these substitutions applied. */
export function patchedScript(name: string, substitutions: Substitution[]): string {
  let text = fs.readFileSync(path.join(__dirname, 'original', name), 'utf8');
  for (const { find, replace, count } of substitutions) {
    const found = text.split(find).length - 1;
    if (found !== count) throw new Error(`${name}: expected "${find}" ${count} time(s), found ${found}`);
    text = text.split(find).join(replace);
  }
  const file = path.join(tempDir('original-client-'), name);
  fs.writeFileSync(file, text);
  return file;
}

export function runPython(file: string, args: string[] = []): { status: number | null; output: string } {
  const result = spawnSync('python3', [file, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PYTHONIOENCODING: 'utf-8', NO_PROXY: '*' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
