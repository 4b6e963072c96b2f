import { config } from '../config';
import { DurableEngine } from './engine';
import { TableStore } from './store';
import type { Activity, Orchestrator } from './types';

export { DurableEngine, type EngineOptions, type StatusOptions } from './engine';
export { OrchestrationContext } from './context';
export { Task, type Winner } from './task';
export { TableStore, type InstanceQuery } from './store';
export * from './errors';
export * from './types';

let engine: DurableEngine | undefined;
const functions = { orchestrators: {} as Record<string, Orchestrator>, activities: {} as Record<string, Activity> };

/**
 * Registers an orchestrator with this process's engine. Modules call it at import, like
 * `app.http`; reading no configuration, so importing the function app has no side effects.
 */
export function registerOrchestrator<TInput, TOutput>(name: string, fn: Orchestrator<TInput, TOutput>): void {
  functions.orchestrators[name] = fn as Orchestrator;
  engine?.registerOrchestrator(name, fn);
}

export function registerActivity<TInput, TOutput>(name: string, fn: Activity<TInput, TOutput>): void {
  functions.activities[name] = fn as Activity;
  engine?.registerActivity(name, fn);
}

/**
 * This process's engine over the configured storage, created on first use with every registered
 * orchestrator and activity. It caches only the table clients and the registrations (code, not
 * data), so it is safe under scale-out.
 */
export function durable(): DurableEngine {
  engine ??= new DurableEngine({ store: TableStore.fromConfig(config()), ...functions });
  return engine;
}
