import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// No vitest here: the bench (a CommonJS program run by tsx) uses these too.
export const repoRoot = path.resolve(__dirname, '../..');

export interface TestHost {
  baseUrl: string;
  key: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** fetch against the API; `path` is relative to /api. */
  fetch(path: string, init?: RequestInit & { json?: unknown; staff?: boolean }): Promise<Response>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** SIGKILLs the host's whole process group (it leads one), as a container or OOM kill, or a closed terminal, does. */
  killGroup(): Promise<void>;
}

/**
 * The task hub of a host over `dataDir`: the same for a restart over the same folder, different for every
 * other host. A host whose storage went away (a test stopped its Azurite) keeps polling that port; when
 * another test's Azurite is given the freed port, a shared default hub would let that host run the other's
 * conversations.
 */
export const taskHubFor = (dataDir: string): string => `T${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;

export function tempDir(prefix = 'flightbook-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Starts the compiled local host (`dist/host/start.js`, as `npm start` does) in a child process
 * on a free port, over a fresh data folder (SQLite file + its own Azurite) unless one is given.
 * The host leads its own process group, so a test can kill the group as a container runtime would.
 */
export async function startHost(
  options: { env?: Record<string, string>; dataDir?: string; onSpawn?: (child: ChildProcess) => void } = {},
): Promise<TestHost> {
  const dataDir = options.dataDir ?? tempDir();
  const key = `test-${randomBytes(8).toString('hex')}`;
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/host/start.js')], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      PORT: '0',
      DATA_DIR: dataDir,
      FUNCTIONS_API_KEY: key,
      AZURITE_TABLE_PORT: '0',
      DURABLE_TASK_HUB: taskHubFor(dataDir),
      LOG_REQUESTS: 'false',
      // Tests and benches send hundreds of turns a minute from one address: limits far above that (the limits' own tests set theirs).
      ASSISTANT_TURNS_PER_MINUTE_PER_CONVERSATION: '100000',
      ASSISTANT_TURNS_PER_MINUTE_PER_CLIENT: '100000',
      ASSISTANT_CONVERSATIONS_PER_MINUTE_PER_CLIENT: '100000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  options.onSpawn?.(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 60 s:\n${output}`)), 60_000);
    const check = () => {
      const match = /Listening on (http:\/\/\S+\/api)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    baseUrl,
    key,
    dataDir,
    process: child,
    output: () => output,
    fetch(route, init = {}) {
      const { json, staff, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (staff) headers.set('x-functions-key', key);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${baseUrl}${route}`, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    async killGroup() {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
  };
}

/** Tomorrow's date in China (the sample network's home zone). */
export function daysFromToday(days: number, timeZone = 'Asia/Shanghai'): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export async function expectProblem(response: Response, status: number, field?: string): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown> & { errors?: { field: string }[] };
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`);
  if (!response.headers.get('content-type')?.startsWith('application/problem+json')) {
    throw new Error(`expected application/problem+json, got ${response.headers.get('content-type')}`);
  }
  if (field && !body.errors?.some((error) => error.field === field)) {
    throw new Error(`expected a problem naming ${field}: ${JSON.stringify(body)}`);
  }
  return body;
}
