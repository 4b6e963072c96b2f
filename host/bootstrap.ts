import { applyLocalSettings } from './local-settings';
import { provideFunctionsCore } from './worker/functions-core';

/**
 * The local host's first step, before any other module loads: local.settings.json becomes the
 * environment (as under `func start`); the host supplies @azure/functions-core, the worker's module
 * through which @azure/functions registers functions and hooks (it looks the module up once, so
 * before anything touches it); then telemetry starts when configured — its instrumentations patch
 * node:http and @azure/functions as they load, so they must not be loaded yet.
 */
export const settingsFile = applyLocalSettings(process.cwd());
provideFunctionsCore();
require('../app/telemetry');
