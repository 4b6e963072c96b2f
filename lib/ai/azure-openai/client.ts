/**
 * One chat completion against the configured model: Azure OpenAI (AZURE_OPENAI_ENDPOINT, deployment path,
 * `api-key` or Entra ID) or any OpenAI-compatible endpoint (OPENAI_BASE_URL + /chat/completions, Bearer key:
 * Ollama, vLLM, DeepSeek, Qwen). Both go through the same tool-calling, confirmation and fallback rules.
 * Retries are the openai client's own: up to 2 more attempts on 408/409/429/5xx and connection errors, with
 * exponential backoff that honours retry-after / retry-after-ms; each attempt is limited to AZURE_OPENAI_TIMEOUT_MS.
 */
import type {} from '@azure/openai/types';
import type OpenAI from 'openai';
import { azureCredential } from '../../azure-credential';
import { config } from '../../config';
import { annotateSpan, traced } from '../../telemetry';
import { ModelReply, type ModelRequest } from './schema';

export const modelRetries = 2;

/** Which model planner answers: Azure OpenAI, an OpenAI-compatible endpoint, or none (offline). */
export function modelKind(): 'azure-openai' | 'openai' | undefined {
  const settings = config().openai;
  return settings.endpoint ? 'azure-openai' : settings.compatible ? 'openai' : undefined;
}

let client: OpenAI | undefined;

/** The openai client and @azure/identity load with the first model call: offline, never. */
function modelClient(): OpenAI {
  if (client) return client;
  const settings = config().openai;
  const { AzureOpenAI, OpenAI: Compatible } = require('openai') as typeof import('openai');
  const common = { timeout: settings.timeoutMs, maxRetries: modelRetries };
  if (!settings.endpoint) {
    client = new Compatible({ ...common, baseURL: settings.compatible!.baseUrl, apiKey: settings.compatible!.apiKey });
    return client;
  }
  const { getBearerTokenProvider } = require('@azure/identity') as typeof import('@azure/identity');
  client = new AzureOpenAI({
    ...common,
    endpoint: settings.endpoint,
    deployment: settings.deployment,
    apiVersion: settings.apiVersion,
    ...(settings.apiKey
      ? { apiKey: settings.apiKey }
      : { azureADTokenProvider: getBearerTokenProvider(azureCredential(), 'https://cognitiveservices.azure.com/.default') }),
  });
  return client;
}

/** Azure refuses a prompt its content filter flags with HTTP 400 and error code content_filter (not retried). */
function promptFiltered(error: unknown): boolean {
  const { status, code, error: body } = (error ?? {}) as { status?: number; code?: string; error?: { code?: string } };
  return status === 400 && (code === 'content_filter' || body?.code === 'content_filter');
}

/**
 * One completion in a `chat <model>` span with the OpenTelemetry GenAI conventions' attributes: the model,
 * the token counts and why it finished — never the messages, which carry what travellers typed.
 */
export function complete(request: ModelRequest, signal?: AbortSignal): Promise<ModelReply> {
  const settings = config().openai;
  const model = settings.endpoint ? settings.deployment : settings.compatible!.model;
  const system = settings.endpoint ? 'az.ai.openai' : 'openai';
  return traced(`chat ${model}`, 'client', { 'gen_ai.operation.name': 'chat', 'gen_ai.system': system, 'gen_ai.request.model': model }, () => completeTraced(request, model, signal));
}

async function completeTraced(request: ModelRequest, model: string, signal?: AbortSignal): Promise<ModelReply> {
  try {
    const completion = await modelClient().chat.completions.create(
      {
        model,
        messages: request.messages,
        ...(request.tools.length && { tools: request.tools, parallel_tool_calls: true }),
        temperature: 0,
      },
      { signal },
    );
    const choice = completion.choices[0];
    const usage = completion.usage && { prompt_tokens: completion.usage.prompt_tokens ?? 0, completion_tokens: completion.usage.completion_tokens ?? 0 };
    annotateSpan({
      ...(completion.model && { 'gen_ai.response.model': completion.model }),
      'gen_ai.response.finish_reasons': choice?.finish_reason ? [choice.finish_reason] : [],
      ...(usage && { 'gen_ai.usage.input_tokens': usage.prompt_tokens, 'gen_ai.usage.output_tokens': usage.completion_tokens }),
    });
    // Typed by @azure/openai/types: content_filter_results says which category (hate, sexual, violence, self_harm…) stopped it.
    if (choice?.finish_reason === 'content_filter' || Object.values(choice?.content_filter_results ?? {}).some((result) => (result as { filtered?: boolean })?.filtered)) {
      return { content: null, filtered: 'completion', ...(usage && { usage }) };
    }
    return ModelReply.parse({ ...choice?.message, ...(usage && { usage }) });
  } catch (error) {
    if (promptFiltered(error)) return { content: null, filtered: 'prompt' };
    throw error;
  }
}

/** The longest one completion can take with its retries, for the activity's own time limit. */
export function completionBudgetMs(): number {
  return config().openai.timeoutMs * (modelRetries + 1) + 30_000;
}
