/**
 * A loopback stand-in for Azure OpenAI chat completions: POST /openai/deployments/{deployment}/chat/completions
 * with the `api-key` header, and for any OpenAI-compatible server: POST /v1/chat/completions with
 * `Authorization: Bearer <key>` and the model in the body. Each request takes the next scripted step (a response, or a function of the
 * request); every request is recorded so tests can check what the planner sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string | null;
  tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

export interface SentTool {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface ChatRequest {
  /** Milliseconds since the fake started, when the request arrived. */
  at: number;
  path: string;
  apiVersion: string | null;
  apiKey: string | undefined;
  body: { messages: SentMessage[]; tools?: SentTool[]; [key: string]: unknown };
  /** The token counts the response reported, once answered. */
  usage?: Usage;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}

export type Scripted =
  /** `usage` is what the response reports (100 prompt and 20 completion tokens unless given). */
  | { kind: 'message'; content: string | null; toolCalls: { name: string; arguments: string }[]; usage?: Usage }
  | { kind: 'status'; status: number; headers: Record<string, string>; error?: Record<string, unknown> }
  /** 200 with finish_reason "content_filter" and the choice's content_filter_results (Azure's completion filter). */
  | { kind: 'filtered' }
  | { kind: 'hang' };

export type Step = Scripted | ((request: ChatRequest) => Scripted);

export const answer = (content: string): Scripted => ({ kind: 'message', content, toolCalls: [] });

/** Tool calls in one model turn; object arguments are sent as JSON, strings as they are (to send malformed ones). */
export const callTools = (...calls: { name: string; arguments: string | Record<string, unknown> }[]): Scripted => ({
  kind: 'message',
  content: null,
  toolCalls: calls.map((call) => ({ name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) })),
});

/** A scripted message whose response reports these token counts. */
export const withUsage = (scripted: Scripted, usage: Usage): Scripted => ({ ...(scripted as Extract<Scripted, { kind: 'message' }>), usage });

export const failWith = (status: number, headers: Record<string, string> = {}): Scripted => ({ kind: 'status', status, headers });

/** Azure's prompt filter: HTTP 400 with error code content_filter and the prompt's filter results. */
export const promptFiltered: Scripted = {
  kind: 'status',
  status: 400,
  headers: {},
  error: {
    code: 'content_filter',
    message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
    param: 'prompt',
    status: 400,
    innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: { violence: { filtered: true, severity: 'high' } } },
  },
};

/** Never answers (until the fake closes). */
export const hang: Scripted = { kind: 'hang' };

export interface FakeAzureOpenAI {
  url: string;
  requests: ChatRequest[];
  /** Requests that found nothing scripted (answered 500). */
  unscripted: number;
  script(...steps: Step[]): void;
  reset(): void;
  close(): Promise<void>;
}

const azurePath = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/;
const compatiblePath = /^\/v1\/chat\/completions$/;

export async function startFakeAzureOpenAI(options: { apiKey: string; deployment: string }): Promise<FakeAzureOpenAI> {
  const started = Date.now();
  let queue: Step[] = [];
  let calls = 0;
  const fake = {
    url: '',
    requests: [] as ChatRequest[],
    unscripted: 0,
    script(...steps: Step[]) {
      queue.push(...steps);
    },
    reset() {
      queue = [];
      fake.requests = [];
      fake.unscripted = 0;
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ChatRequest['body'];
    const deployment = compatiblePath.test(url.pathname) ? body.model : azurePath.exec(url.pathname)?.[1];
    if (req.method !== 'POST' || deployment !== options.deployment) {
      return send(res, 404, { error: { code: 'DeploymentNotFound', message: `no deployment or model at ${url.pathname}` } });
    }
    const apiKey = compatiblePath.test(url.pathname) ? req.headers.authorization?.replace(/^Bearer /, '') : (req.headers['api-key'] as string | undefined);
    if (apiKey !== options.apiKey) return send(res, 401, { error: { code: '401', message: 'Access denied due to invalid subscription key.' } });
    const request: ChatRequest = { at: Date.now() - started, path: url.pathname, apiVersion: url.searchParams.get('api-version'), apiKey, body };
    fake.requests.push(request);
    const step = queue.shift();
    if (!step) {
      fake.unscripted++;
      return send(res, 500, { error: { code: 'InternalServerError', message: 'fake: nothing scripted' } });
    }
    const scripted = typeof step === 'function' ? step(request) : step;
    if (scripted.kind === 'hang') return;
    if (scripted.kind === 'status') return send(res, scripted.status, { error: scripted.error ?? { code: String(scripted.status), message: 'scripted failure' } }, scripted.headers);
    if (scripted.kind === 'filtered') {
      request.usage = { prompt_tokens: 100, completion_tokens: 0 };
      return send(res, 200, {
        id: `chatcmpl-fake-filtered-${fake.requests.length}`, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: options.deployment,
        choices: [{
          index: 0, finish_reason: 'content_filter', logprobs: null, message: { role: 'assistant', content: null, refusal: null },
          content_filter_results: { hate: { filtered: false, severity: 'safe' }, violence: { filtered: true, severity: 'medium' } },
        }],
        usage: { prompt_tokens: 100, completion_tokens: 0, total_tokens: 100 },
      });
    }
    const usage = scripted.usage ?? { prompt_tokens: 100, completion_tokens: 20 };
    request.usage = usage;
    const toolCalls = scripted.toolCalls.map((call) => ({ id: `call_${++calls}`, type: 'function', function: call }));
    send(res, 200, {
      id: `chatcmpl-fake-${calls}-${fake.requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: options.deployment,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: scripted.content, refusal: null, ...(toolCalls.length && { tool_calls: toolCalls }) },
          finish_reason: toolCalls.length ? 'tool_calls' : 'stop',
          logprobs: null,
        },
      ],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** A port nothing listens on (taken and released at once). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
