import { execFileSync, spawnSync } from 'node:child_process';

export interface WrkResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  tool: 'wrk';
}

/** wrk from Debian; installed on first use when missing (as root). Undefined with the reason when it cannot be had. */
export function ensureWrk(): string | undefined {
  const found = () => spawnSync('wrk', ['--version']).error === undefined;
  if (found()) return undefined;
  if (process.getuid?.() !== 0) return 'wrk is not installed and installing it needs root (apt-get install wrk)';
  console.log('installing wrk from Debian (apt-get install wrk)…');
  const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (apt(['install', '-y', '-qq', 'wrk']).status !== 0) {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', 'wrk']);
  }
  return found() ? undefined : 'apt-get could not install wrk';
}

/** wrk latency like "812.00us", "1.20ms" or "1.01s", in milliseconds. */
function milliseconds(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value);
  if (!match) throw new Error(`unexpected wrk latency ${value}`);
  const scale = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
  return Math.round(Number(match[1]) * scale * 100) / 100;
}

/** Loads one GET url with wrk (2 threads, as many connections as asked) for `seconds`. */
export function wrk(url: string, options: { seconds: number; connections?: number }): WrkResult {
  const connections = options.connections ?? 32;
  const output = execFileSync('wrk', ['-t2', `-c${connections}`, `-d${options.seconds}s`, '--latency', url], { encoding: 'utf8' });
  const field = (pattern: RegExp) => {
    const match = pattern.exec(output);
    if (!match) throw new Error(`unexpected wrk output:\n${output}`);
    return match[1]!;
  };
  return {
    requestsPerSecond: Math.round(Number(field(/Requests\/sec:\s+([\d.]+)/))),
    p50: milliseconds(field(/\s50%\s+(\S+)/)),
    p99: milliseconds(field(/\s99%\s+(\S+)/)),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0),
    tool: 'wrk',
  };
}
