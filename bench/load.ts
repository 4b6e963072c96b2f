import autocannon, { type Request } from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  connections?: number;
  seconds?: number;
  /** Called for every request: a path (and optional body) to send, so requests can vary. */
  next?: () => { path: string; method?: string; body?: string };
}

/** Loads `url` with autocannon for a fixed time and returns throughput and latency (ms). */
export async function load(url: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { next } = options;
  const result = await autocannon({
    url,
    connections: options.connections ?? 32,
    duration: options.seconds ?? 10,
    headers: { 'content-type': 'application/json' },
    ...(next
      ? {
          requests: [
            {
              setupRequest: (request: Request): Request => {
                const { path, method, body } = next();
                return { ...request, path, method: (method ?? 'GET') as Request['method'], ...(body ? { body } : {}) };
              },
            },
          ],
        }
      : {}),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export function describeLoad(label: string, result: LoadResult, ceiling?: number): string {
  const share = ceiling ? `  (${((result.requestsPerSecond / ceiling) * 100).toFixed(1)}% of the bare-http ceiling)` : '';
  return `${label.padEnd(46)} ${String(result.requestsPerSecond).padStart(7)} req/s  p50 ${String(result.p50).padStart(4)} ms  p99 ${String(result.p99).padStart(4)} ms  non-2xx ${result.non2xx}${share}`;
}

/** A function returning the items in turn, round and round. */
export function cycle<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}
