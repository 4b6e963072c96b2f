/**
 * Request counts and latency histograms by route, method and status, per function instance,
 * rendered in the Prometheus text format. Each instance reports its own; the scraper sums them.
 */
const bucketsSeconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  labels: string;
  buckets: number[];
  count: number;
  sum: number;
}

const series = new Map<string, Series>();

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export function recordRequest(route: string, method: string, status: number, seconds: number): void {
  const labels = `route="${escapeLabel(route)}",method="${method}",status="${status}"`;
  let entry = series.get(labels);
  if (!entry) {
    entry = { labels, buckets: bucketsSeconds.map(() => 0), count: 0, sum: 0 };
    series.set(labels, entry);
  }
  entry.count++;
  entry.sum += seconds;
  for (let i = 0; i < bucketsSeconds.length; i++) {
    if (seconds <= bucketsSeconds[i]!) entry.buckets[i]!++;
  }
}

export function renderMetrics(): string {
  const lines = [
    '# HELP http_requests_total HTTP requests handled, by route template, method and status.',
    '# TYPE http_requests_total counter',
  ];
  for (const entry of series.values()) lines.push(`http_requests_total{${entry.labels}} ${entry.count}`);
  lines.push(
    '# HELP http_request_duration_seconds Time spent in the function handler.',
    '# TYPE http_request_duration_seconds histogram',
  );
  for (const entry of series.values()) {
    bucketsSeconds.forEach((bound, i) => {
      lines.push(`http_request_duration_seconds_bucket{${entry.labels},le="${bound}"} ${entry.buckets[i]}`);
    });
    lines.push(`http_request_duration_seconds_bucket{${entry.labels},le="+Inf"} ${entry.count}`);
    lines.push(`http_request_duration_seconds_sum{${entry.labels}} ${entry.sum.toFixed(6)}`);
    lines.push(`http_request_duration_seconds_count{${entry.labels}} ${entry.count}`);
  }
  return `${lines.join('\n')}\n`;
}
