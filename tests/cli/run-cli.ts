import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, tempDir } from '../support/host';

export const cliPath = path.join(repoRoot, 'dist/cli/index.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!fs.existsSync(cliPath)) throw new Error('dist/cli/index.js is missing: run npx tsc -p tsconfig.json first');
}

/** Runs `node dist/cli/index.js …` as a real child process, with `input` piped to stdin. */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, FLIGHTBOOK_HOME: tempDir('flightbook-home-'), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A stack trace in output looks like "    at fn (file:line:col)". */
export const stackTrace = /^\s+at .+:\d+:\d+\)?$/m;


