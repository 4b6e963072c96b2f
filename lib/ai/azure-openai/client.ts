/**
 * One chat completion against Azure OpenAI. Retries are the openai client's own: up to 2 more
 * attempts on 408/409/429/5xx and connection errors, with exponential backoff that honours the
 * retry-after / retry-after-ms headers; each attempt is limited to AZURE_OPENAI_TIMEOUT_MS.
 */
import type { AzureOpenAI } from 'openai';
import { config } from '../../config';
import { ModelReply, type ModelRequest } from './schema';

export const modelRetries = 2;

let client: AzureOpenAI | undefined;

/** The openai client and @azure/identity load with the first model call: offline, never. */
function azureClient(): AzureOpenAI {
  if (client) return client;
  const settings = config().openai;
  const { AzureOpenAI } = require('openai') as typeof import('openai');
  const { DefaultAzureCredential, getBearerTokenProvider } = require('@azure/identity') as typeof import('@azure/identity');
  client = new AzureOpenAI({
    endpoint: settings.endpoint,
    deployment: settings.deployment,
    apiVersion: settings.apiVersion,
    timeout: settings.timeoutMs,
    maxRetries: modelRetries,
    ...(settings.apiKey
      ? { apiKey: settings.apiKey }
      : { azureADTokenProvider: getBearerTokenProvider(new DefaultAzureCredential(), 'https://cognitiveservices.azure.com/.default') }),
  });
  return client;
}

export async function complete(request: ModelRequest, signal?: AbortSignal): Promise<ModelReply> {
  const completion = await azureClient().chat.completions.create(
    {
      model: config().openai.deployment,
      messages: request.messages,
      ...(request.tools.length && { tools: request.tools, parallel_tool_calls: true }),
      temperature: 0,
    },
    { signal },
  );
  return ModelReply.parse(completion.choices[0]?.message ?? {});
}

/** The longest one completion can take with its retries, for the activity's own time limit. */
export function completionBudgetMs(): number {
  return config().openai.timeoutMs * (modelRetries + 1) + 30_000;
}
