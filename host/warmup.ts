import { invokeFunction } from './worker/invoke';
import { registeredWarmups } from './worker/registered';

/** Runs the app's warmup functions in the background, as Azure does before it routes traffic to a new instance. */
export function runWarmups(): void {
  for (const registration of registeredWarmups()) {
    invokeFunction(registration, { trigger: { json: '{}' } })
      .then((result) => !result.ok && console.error(`Warmup ${registration.metadata.name} failed:`, result.error.message))
      .catch((error: unknown) => console.error(`Warmup ${registration.metadata.name} failed:`, error));
  }
}
