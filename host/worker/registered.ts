import type { FunctionInput, HttpMethod } from '@azure/functions';
import type { AuthLevel, HttpHandler, TimerFunction, TimerHandler } from '../../lib/http/app';
import type { HostedFunction } from '../server';
import { functionRegistry, type Registration } from './functions-core';

const ofType = (type: string) => [...functionRegistry.functions.values()].filter((r) => r.trigger.type.toLowerCase() === type.toLowerCase());

const extraInputsOf = (registration: Registration): FunctionInput[] =>
  Object.values(registration.metadata.bindings).filter((b) => b.direction === 'in' && !/trigger$/i.test(b.type)) as FunctionInput[];

/** The HTTP functions the app registered, with the trigger's route, methods and auth level as the host reads them. */
export function registeredHttpFunctions(): HostedFunction[] {
  return ofType('httpTrigger').map((registration) => {
    const { trigger } = registration;
    const extraInputs = extraInputsOf(registration);
    return {
      name: registration.metadata.name,
      methods: ((trigger.methods as string[] | undefined) ?? ['GET', 'POST']).map((m) => m.toUpperCase()) as HttpMethod[],
      route: (trigger.route as string | undefined) ?? registration.metadata.name,
      authLevel: ((trigger.authLevel as string | undefined) ?? 'anonymous').toLowerCase() as AuthLevel,
      ...(extraInputs.length ? { extraInputs } : {}),
      handler: registration.handler as HttpHandler,
    };
  });
}

export function registeredTimers(): TimerFunction[] {
  return ofType('timerTrigger').map((registration) => {
    const extraInputs = extraInputsOf(registration);
    return {
      name: registration.metadata.name,
      schedule: String(registration.trigger.schedule),
      ...(extraInputs.length ? { extraInputs } : {}),
      handler: registration.handler as TimerHandler,
    };
  });
}

/** The warmup functions the app registered (the host runs them once it listens, as Azure does for a new instance). */
export const registeredWarmups = (): Registration[] => ofType('warmupTrigger');
