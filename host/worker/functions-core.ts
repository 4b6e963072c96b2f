import Module from 'node:module';

/**
 * The module `@azure/functions-core`, which the Azure Functions Node worker supplies to the app: the
 * `@azure/functions` programming model registers every function through it (`registerFunction`),
 * hands it the programming model (`setProgrammingModel`) and its hooks (`registerHook`). The local
 * host supplies the same module, so it receives each registration with the binding metadata the
 * worker would send to the Functions host — HTTP, timer, orchestration, activity and client bindings alike.
 * Only the members @azure/functions 4.x and durable-functions 3.x use are provided.
 */

export type RpcTypedData = {
  string?: string;
  json?: string;
  bytes?: Uint8Array;
  int?: number;
  double?: number;
};

export interface RpcBindingInfo {
  type: string;
  direction: 'in' | 'out';
  name?: string;
  [property: string]: unknown;
}

export interface FunctionMetadata {
  name: string;
  bindings: Record<string, RpcBindingInfo>;
}

export type FunctionCallback = (...args: unknown[]) => unknown;

export interface CoreInvocationContext {
  invocationId: string;
  request: {
    inputData: { name: string; data?: RpcTypedData }[];
    triggerMetadata: Record<string, RpcTypedData>;
  };
  metadata: FunctionMetadata;
  state?: 'preInvocationHooks' | 'postInvocationHooks' | 'invocation';
  log(level: string, category: string, message: string): void;
}

export interface InvocationModel {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
  invokeFunction(context: unknown, inputs: unknown[], handler: FunctionCallback): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<{ returnValue?: RpcTypedData | null }>;
}

export interface ProgrammingModel {
  name: string;
  version: string;
  getInvocationModel(context: CoreInvocationContext): InvocationModel;
}

export interface Registration {
  metadata: FunctionMetadata;
  handler: FunctionCallback;
  /** The binding whose type ends in "Trigger". */
  trigger: RpcBindingInfo & { name: string };
}

type HookCallback = (context: Record<string, unknown>) => unknown;

class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  constructor(private onDispose?: () => unknown) {}
  dispose(): void {
    this.onDispose?.();
    this.onDispose = undefined;
  }
}

/** Everything the function app registered in this process, by function name. */
export const functionRegistry = {
  functions: new Map<string, Registration>(),
  programmingModel: undefined as ProgrammingModel | undefined,
  hooks: new Map<string, Set<HookCallback>>(),
  /** Shared by every hook call, as the worker's appHookData is. */
  appHookData: {} as Record<string, unknown>,
};

function registerFunction(metadata: FunctionMetadata, handler: FunctionCallback): Disposable {
  const entry = Object.entries(metadata.bindings).find(([, binding]) => /trigger$/i.test(binding.type));
  if (!entry) throw new Error(`Function "${metadata.name}" has no trigger binding`);
  if (functionRegistry.functions.has(metadata.name)) throw new Error(`A function named "${metadata.name}" is already registered`);
  functionRegistry.functions.set(metadata.name, { metadata, handler, trigger: { ...entry[1], name: entry[0] } });
  return new Disposable(() => functionRegistry.functions.delete(metadata.name));
}

function registerHook(name: string, callback: HookCallback): Disposable {
  const set = functionRegistry.hooks.get(name) ?? new Set();
  functionRegistry.hooks.set(name, set);
  set.add(callback);
  return new Disposable(() => set.delete(callback));
}

const coreModule = {
  version: '3.10.1',
  hostVersion: '4.1037.0',
  registerFunction,
  registerHook,
  setProgrammingModel(model: ProgrammingModel) {
    functionRegistry.programmingModel = model;
  },
  getProgrammingModel() {
    return functionRegistry.programmingModel;
  },
  log(level: string, _category: string, message: string) {
    if (level === 'error' || level === 'critical' || level === 'warning') console.error(message);
    else if (level === 'information') console.log(message);
  },
  Disposable,
};

const moduleName = '@azure/functions-core';
const virtualPath = `/<local-host>/${moduleName}.js`;

/**
 * Makes `require('@azure/functions-core')` return this module, as the worker does: a resolve hook
 * names it and the require cache holds it. Must run before the app first registers a function
 * (@azure/functions looks the module up once and remembers a miss). Idempotent.
 */
export function provideFunctionsCore(): void {
  const loader = Module as unknown as {
    _resolveFilename(request: string, ...rest: unknown[]): string;
    _cache: Record<string, unknown>;
  };
  if (loader._cache[virtualPath]) return;
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === moduleName ? virtualPath : resolve.call(this, request, ...rest);
  };
  const module = new Module(virtualPath);
  module.filename = virtualPath;
  module.loaded = true;
  module.exports = coreModule;
  loader._cache[virtualPath] = module;
}
