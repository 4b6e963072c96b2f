// Imported first by the function app's entry and by the local host (after its local.settings.json):
// the OpenTelemetry instrumentations patch @azure/functions and node:http as those load.
import { telemetrySettings } from '../lib/config';
import { startTelemetry } from '../lib/telemetry';

const { connectionString, ...authentication } = telemetrySettings();
if (connectionString) startTelemetry({ connectionString, ...authentication });
