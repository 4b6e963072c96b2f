// The function app's entry (package.json "main"): every module here registers its functions.
// Telemetry first: its instrumentations patch @azure/functions and node:http as they load.
import '../app/telemetry';
import './airports';
import './assistant';
import './bookings';
import './conversation-retention';
import './docs';
import './flights';
import './mcp';
import './system';
import './warmup';
import './web';
