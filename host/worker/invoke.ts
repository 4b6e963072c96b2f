import { randomUUID } from 'node:crypto';
import { functionRegistry, type CoreInvocationContext, type Registration, type RpcTypedData } from './functions-core';

export interface Invocation {
  /** The trigger binding's data, as the host sends it to the worker. */
  trigger?: RpcTypedData;
  /** Data of other input bindings, by binding name. */
  inputs?: Record<string, RpcTypedData>;
  triggerMetadata?: Record<string, RpcTypedData>;
}

export type InvocationResult = { ok: true; returnValue: RpcTypedData | null | undefined } | { ok: false; error: Error };

/** A JSON value as the typed data the Functions host sends in an invocation request. */
export function jsonData(value: unknown): RpcTypedData | undefined {
  return value === undefined ? undefined : { json: JSON.stringify(value) };
}

/** The JSON text of a return value, as the Durable extension stores it (null for none). */
export function returnJson(data: RpcTypedData | null | undefined): string | null {
  if (!data) return null;
  if (data.json !== undefined) return data.json;
  if (data.string !== undefined) return JSON.stringify(data.string);
  if (data.int !== undefined) return String(data.int);
  if (data.double !== undefined) return String(data.double);
  if (data.bytes !== undefined) return JSON.stringify(Buffer.from(data.bytes).toString('base64'));
  return null;
}

async function runHooks(name: string, context: Record<string, unknown>): Promise<void> {
  for (const hook of functionRegistry.hooks.get(name) ?? []) await hook(context);
}

const log: CoreInvocationContext['log'] = (level, _category, message) => {
  if (level === 'error' || level === 'critical' || level === 'warning') console.error(message);
  else if (level === 'information') console.log(message);
};

/**
 * Invokes a registered function the way the Node worker does: the programming model turns the
 * invocation request into the handler's arguments (trigger input, InvocationContext with
 * extraInputs and triggerMetadata), runs pre/post invocation hooks around the handler, and turns
 * its result into the response's return value.
 */
export async function invokeFunction(registration: Registration, invocation: Invocation): Promise<InvocationResult> {
  const model = functionRegistry.programmingModel;
  if (!model) throw new Error('No programming model was registered: load the function app first');
  const inputData = [
    ...(invocation.trigger ? [{ name: registration.trigger.name, data: invocation.trigger }] : []),
    ...Object.entries(invocation.inputs ?? {}).map(([name, data]) => ({ name, data })),
  ];
  const core: CoreInvocationContext = {
    invocationId: randomUUID(),
    request: { inputData, triggerMetadata: invocation.triggerMetadata ?? {} },
    metadata: registration.metadata,
    state: 'preInvocationHooks',
    log,
  };
  const invocationModel = model.getInvocationModel(core);
  const { context, inputs } = await invocationModel.getArguments();
  const hookData: Record<string, unknown> = {};
  const pre = { hookData, appHookData: functionRegistry.appHookData, invocationContext: context, inputs, functionCallback: registration.handler };
  await runHooks('preInvocation', pre);
  core.state = 'invocation';
  let result: unknown;
  let error: Error | undefined;
  try {
    result = await invocationModel.invokeFunction(context, pre.inputs, pre.functionCallback);
  } catch (thrown) {
    error = thrown instanceof Error ? thrown : new Error(String(thrown));
  }
  core.state = 'postInvocationHooks';
  const post = { hookData, appHookData: functionRegistry.appHookData, invocationContext: context, inputs: pre.inputs, result, error };
  await runHooks('postInvocation', post);
  if (post.error) return { ok: false, error: post.error instanceof Error ? post.error : new Error(String(post.error)) };
  const response = await invocationModel.getResponse(context, post.result);
  return { ok: true, returnValue: response.returnValue };
}
