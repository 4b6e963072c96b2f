import { applyLocalSettings } from './local-settings';

/**
 * The local host's first step, before any other module loads: local.settings.json becomes the
 * environment (as under `func start`), then telemetry starts when configured — its instrumentations
 * patch node:http and @azure/functions as they load, so they must not be loaded yet.
 */
export const settingsFile = applyLocalSettings(process.cwd());
require('../app/telemetry');
