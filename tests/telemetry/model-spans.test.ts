/**
 * Each model completion is a `chat <model>` dependency carrying the OpenTelemetry GenAI attributes (model,
 * token counts, finish reason) — what a cost or latency dashboard needs — and none of the conversation's text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, callTools, startFakeAzureOpenAI, withUsage, type FakeAzureOpenAI } from '../assistant/fake-azure-openai';
import { newConversation, send } from '../assistant/talk';
import { daysFromToday, startHost, type TestHost } from '../support/host';
import { type Envelope, startIngestion } from './ingestion';

const model = 'gpt-4o-mini';
const apiKey = 'sk-telemetry-test';
const typed = '帮我查一下后天杭州到成都的航班，我叫欧阳娜娜';

describe('model completions in telemetry (GenAI semantic conventions)', () => {
  let ingestion: Awaited<ReturnType<typeof startIngestion>>;
  let fake: FakeAzureOpenAI;
  let host: TestHost;
  let envelopes: Envelope[] = [];

  beforeAll(async () => {
    [ingestion, fake] = await Promise.all([startIngestion(), startFakeAzureOpenAI({ apiKey, deployment: model })]);
    host = await startHost({
      env: {
        APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString,
        NODE_EXTRA_CA_CERTS: ingestion.certFile,
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
        OTEL_TRACES_SAMPLER: 'always_on',
        OPENAI_BASE_URL: `${fake.url}/v1`,
        OPENAI_API_KEY: apiKey,
        OPENAI_MODEL: model,
      },
    });
    fake.script(
      withUsage(callTools({ name: 'search_flights', arguments: { origin: '杭州', destination: '成都', date: daysFromToday(2) } }), { prompt_tokens: 1234, completion_tokens: 56 }),
      withUsage(answer('找到了几个航班。'), { prompt_tokens: 1500, completion_tokens: 78 }),
    );
    const turn = await send(host, await newConversation(host), typed);
    expect(turn).toMatchObject({ status: 200, planner: 'openai' });
    expect(fake.requests).toHaveLength(2);
    expect(await host.stop(), host.output()).toBe(0); // stopping flushes the exporters
    envelopes = ingestion.envelopes();
  }, 120_000);

  afterAll(async () => {
    await host?.stop();
    await Promise.all([ingestion?.stop(), fake?.close()]);
  });

  it('exports one dependency per completion with the model, its token counts and why it finished', () => {
    const chats = envelopes.filter((e) => e.data?.baseType === 'RemoteDependencyData' && e.data.baseData?.name === `chat ${model}`);
    const properties = chats.map((e) => e.data?.baseData?.properties as Record<string, string>);
    expect(properties.map((p) => [p['gen_ai.request.model'], p['gen_ai.usage.input_tokens'], p['gen_ai.usage.output_tokens'], p['gen_ai.response.finish_reasons']])).toEqual([
      [model, '1234', '56', expect.stringContaining('tool_calls')],
      [model, '1500', '78', expect.stringContaining('stop')],
    ]);
    // Both completions belong to the turn's operation.
    const turn = envelopes.find((e) => e.data?.baseType === 'RequestData' && e.data.baseData?.name === 'POST /api/assistant/conversations/{id}/messages');
    expect(chats.map((e) => e.tags?.['ai.operation.id'])).toEqual([turn?.tags?.['ai.operation.id'], turn?.tags?.['ai.operation.id']]);
  });

  it('sends none of what the traveller typed', () => {
    const everything = ingestion.bodies.join('\n');
    for (const secret of [typed, '欧阳娜娜', encodeURIComponent('欧阳娜娜')]) expect(everything.includes(secret), secret).toBe(false);
  });
});
