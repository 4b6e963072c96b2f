import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port';

export interface AzuriteOptions {
  /** Table port; 0 (the default) picks a free one. */
  port?: number;
  /** Folder for Azurite's data; omitted, Azurite keeps everything in memory. */
  location?: string;
  /** How long to wait for Azurite to start. */
  startTimeoutMs?: number;
}

export interface Azurite {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
}

const accountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${accountKey};` +
    `TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`
  );
}


/**
 * Runs Azurite's main module, watching stdin: the pipe closes when the process that started it dies
 * (even by SIGKILL), and Azurite then stops gracefully (SIGINT saves a --location database) instead of
 * living on beside the next host's Azurite over the same data. Its output pipes die with that process
 * too, so write errors are ignored rather than crashing it before the save.
 */
const exitWithParent = `
  const [main, ...args] = process.argv.slice(1);
  process.argv = [process.argv[0], main, ...args];
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  // Unreferenced: the watch must not keep Azurite alive once its own shutdown has closed the server.
  process.stdin.on('end', () => process.kill(process.pid, 'SIGINT')).resume().unref();
  require(main);
`;

/** The file in a --location folder naming the Azurite process that serves it. */
const pidFileIn = (location: string) => path.join(location, 'azurite.pid');

function isRunningAzurite(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('azurite');
  } catch {
    return true; // no /proc: trust the signal check
  }
}

/**
 * A killed host's Azurite outlives it for as long as it takes to save its database; the next Azurite
 * must not load the folder before that save is complete.
 */
async function waitForPreviousAzurite(location: string, timeoutMs: number): Promise<void> {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFileIn(location), 'utf8'));
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (pid && isRunningAzurite(pid)) {
    if (Date.now() > deadline) throw new Error(`Another Azurite (pid ${pid}) is still serving ${location}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts one Azurite Table service process on `port` and resolves once it accepts requests. */
async function launch(port: number, options: AzuriteOptions): Promise<ChildProcessWithoutNullStreams> {
  const args = [
    '-e', exitWithParent,
    require.resolve('azurite/dist/src/table/main.js'),
    '--tableHost', '127.0.0.1',
    '--tablePort', String(port),
    '--disableTelemetry',
    '--silent',
    ...(options.location ? ['--location', options.location] : ['--inMemoryPersistence']),
  ];
  // Detached: Azurite leads its own process group, so a SIGKILL of the host's group (a container or OOM
  // kill, a closed terminal) leaves it alive long enough to see the closed pipe and save what it acknowledged.
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  if (options.location) {
    fs.mkdirSync(options.location, { recursive: true });
    fs.writeFileSync(pidFileIn(options.location), String(child.pid));
  }
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within ${options.startTimeoutMs ?? 15000} ms: ${output}`)), options.startTimeoutMs ?? 15000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('successfully started')) done();
    };
    const onExit = (code: number | null) => fail(new Error(`Azurite exited with code ${code}: ${output}`));
    function cleanup() {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      child.off('exit', onExit);
    }
    function done() {
      cleanup();
      resolve();
    }
    function fail(error: Error) {
      cleanup();
      child.kill('SIGKILL');
      reject(error);
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', onExit);
  });
  // Keep draining the pipes so a chatty Azurite never blocks on a full buffer.
  child.stdout.resume();
  child.stderr.resume();
  return child;
}

/**
 * Starts Azurite's Table service and keeps it running: when it dies (a crash, an OOM kill) it is
 * started again on the same port and data folder, so the connection string everyone holds stays good.
 */
// Azurite logs ":0" for --tablePort 0 instead of the bound port, so a port is chosen up front.
export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  if (options.location) await waitForPreviousAzurite(options.location, options.startTimeoutMs ?? 15000);
  const port = options.port || (await freePort());
  let child = await launch(port, options);
  let stopping = false;

  async function restart(reason: string): Promise<void> {
    console.error(`Azurite stopped (${reason}); starting it again on port ${port}`);
    for (let attempt = 0; !stopping; attempt++) {
      try {
        child = await launch(port, options);
        watch(child);
        console.error('Azurite is running again');
        return;
      } catch (error) {
        console.error(`Azurite did not restart: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** attempt)));
      }
    }
  }
  function watch(running: ChildProcessWithoutNullStreams): void {
    running.once('exit', (code, signal) => {
      if (!stopping) void restart(signal ?? `exit code ${code}`);
    });
  }
  watch(child);

  return {
    connectionString: azuriteConnectionString(port),
    port,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      // SIGINT is Azurite's graceful shutdown, which saves a --location database; SIGTERM would lose it.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
