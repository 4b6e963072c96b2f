import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAzurite } from '../../host/azurite';
import { eventually } from '../support/eventually';
import { expectProblem, startHost } from '../support/host';
import { newConversation, send } from '../assistant/talk';

async function waitForSave(folder: string, after: number): Promise<void> {
  const saved = () => fs.readdirSync(folder).some((name) => name.endsWith('.json') && fs.statSync(path.join(folder, name)).mtimeMs > after);
  await eventually('Azurite to save its data', saved, { timeoutMs: 15_000, everyMs: 200 });
}

describe('a dead storage emulator', () => {
  it('one the host did not start (a configured account) going down: the assistant answers 503 with Retry-After, health reports it', async () => {
    const azurite = await startAzurite();
    const host = await startHost({ env: { AzureWebJobsStorage: azurite.connectionString } });
    try {
      expect(await newConversation(host)).toBeTruthy();
      await azurite.stop();
      const created = await host.fetch('/assistant/conversations', { method: 'POST' });
      await expectProblem(created, 503);
      expect(Number(created.headers.get('retry-after'))).toBeGreaterThan(0);
      const health = await host.fetch('/health');
      expect(await health.json()).toMatchObject({ status: 'degraded', checks: { storage: { status: 'fail' }, database: { status: 'pass' } } });
      expect((await host.fetch('/flights/search/%E5%8C%97%E4%BA%AC/%E4%B8%8A%E6%B5%B7')).status).toBe(200);
      // A graceful stop drains for a bounded time: the durable stand-in's retries of the dead storage do not hold it up.
      const stopping = Date.now();
      await host.stop();
      expect(Date.now() - stopping).toBeLessThan(30_000);
    } finally {
      await host.killGroup().catch(() => undefined);
      await azurite.stop();
    }
  }, 90_000);

  it('the host’s own Azurite, killed: the host restarts it and the assistant works again within seconds', async () => {
    const host = await startHost();
    try {
      await newConversation(host);
      // Azurite saves its data every few seconds; killed before the first save it forgets the tables, which is another fault.
      await waitForSave(path.join(host.dataDir, 'azurite'), Date.now());
      const pid = Number(fs.readFileSync(path.join(host.dataDir, 'azurite', 'azurite.pid'), 'utf8'));
      process.kill(pid, 'SIGKILL');

      const deadline = Date.now() + 15_000;
      let status = 0;
      while (Date.now() < deadline) {
        const response = await host.fetch('/assistant/conversations', { method: 'POST' });
        status = response.status;
        if (status === 201) break;
        await expectProblem(response, 503);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(status).toBe(201);
      expect(Number(fs.readFileSync(path.join(host.dataDir, 'azurite', 'azurite.pid'), 'utf8'))).not.toBe(pid);
      expect((await send(host, await newConversation(host), '你好')).status).toBe(200);
      expect((await host.fetch('/health')).status).toBe(200);
    } finally {
      await host.stop();
    }
  }, 60_000);
});
