import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { daysFromToday, repoRoot, useHost } from '../support/host';
import { mcpUrl, type Agent } from './support';

// MCP Inspector's CLI as an outside client. 0.16.8 declares Node >= 22.7.5 but its CLI runs on Node 20;
// 0.15.0 (the last without that declaration) cannot reach these endpoints: it has no --header option
// and rewrites every HTTP URL to <origin>/mcp.
const inspector = path.join(repoRoot, 'node_modules/.bin/mcp-inspector');
const run = promisify(execFile);

const host = useHost();

async function cli(agent: Agent, ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(inspector, ['--cli', mcpUrl(host, agent), '--transport', 'http', '--header', `x-functions-key: ${host.key}`, ...args], {
    cwd: repoRoot,
    timeout: 60_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('MCP Inspector CLI against the running host', () => {
  it('lists the AirlineAgent tools', async () => {
    const { tools } = (await cli('airline', '--method', 'tools/list')) as { tools: { name: string }[] };
    expect(tools.map((t) => t.name)).toContain('search_flights');
  }, 90_000);

  it('calls search_flights with string arguments', async () => {
    const result = (await cli('airline', '--method', 'tools/call', '--tool-name', 'search_flights', '--tool-arg', 'origin=上海', 'destination=北京', `date=${daysFromToday(2)}`, 'max_stops=0')) as {
      structuredContent: { itineraries: { departure_airport: string }[] };
    };
    expect(result.structuredContent.itineraries.length).toBeGreaterThan(0);
  }, 90_000);

  it('reads the cancellation policy from the BookingAgent', async () => {
    const { contents } = (await cli('booking', '--method', 'resources/read', '--uri', 'policy://cancellation')) as { contents: { text: string }[] };
    expect(contents[0]!.text).toMatch(/Cancellation and refund policy/);
  }, 90_000);
});
