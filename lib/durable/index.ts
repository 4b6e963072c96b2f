import type { DurableEngine } from './engine';
import type { Activity, Orchestrator } from './types';

export { DurableEngine, type EngineOptions, type StatusOptions } from './engine';
export { OrchestrationContext } from './context';
export { Task, type Winner } from './task';
export { TableStore, type InstanceQuery } from './store';
export { type TableEndpoint, type StorageSettings, endpointFrom } from './tables';
export * from './errors';
export * from './types';

const engines = new Set<DurableEngine>();
const functions = { orchestrators: {} as Record<string, Orchestrator>, activities: {} as Record<string, Activity> };

/**
 * Registers an orchestrator with every engine that serves this process's registrations. Modules
 * call it at import, like `app.http`; it reads no configuration, so importing the function app
 * has no side effects.
 */
export function registerOrchestrator<TInput, TOutput>(name: string, fn: Orchestrator<TInput, TOutput>): void {
  functions.orchestrators[name] = fn as Orchestrator;
  for (const engine of engines) engine.registerOrchestrator(name, fn);
}

export function registerActivity<TInput, TOutput>(name: string, fn: Activity<TInput, TOutput>): void {
  functions.activities[name] = fn as Activity;
  for (const engine of engines) engine.registerActivity(name, fn);
}

/** Gives an engine every orchestrator and activity registered in this process, now and later. */
export function withRegisteredFunctions(engine: DurableEngine): DurableEngine {
  for (const [name, fn] of Object.entries(functions.orchestrators)) engine.registerOrchestrator(name, fn);
  for (const [name, fn] of Object.entries(functions.activities)) engine.registerActivity(name, fn);
  engines.add(engine);
  return engine;
}
