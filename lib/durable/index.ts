import { config } from '../config';
import { DurableEngine } from './engine';
import { TableStore } from './store';

export { DurableEngine, type EngineOptions, type StatusOptions } from './engine';
export { OrchestrationContext } from './context';
export { Task, type Winner } from './task';
export { TableStore, type InstanceQuery } from './store';
export * from './errors';
export * from './types';

let engine: DurableEngine | undefined;

/**
 * This process's engine over the configured storage, created on first use. It caches only the
 * table clients and the registrations (code, not data), so it is safe under scale-out.
 */
export function durable(): DurableEngine {
  engine ??= new DurableEngine({ store: TableStore.fromConfig(config()) });
  return engine;
}
