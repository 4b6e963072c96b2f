// Loads a function app the way the Azure Functions Node worker does and prints what it registered.
// Usage: node load-function-app.cjs <app folder>
// The worker supplies the module @azure/functions-core (the local host's stand-in in the app's own
// dist/host/worker provides the same), then requires package.json "main" from the app folder.
const path = require('node:path');

const appDir = path.resolve(process.argv[2] ?? '.');
const { provideFunctionsCore, functionRegistry } = require(path.join(appDir, 'dist/host/worker/functions-core.js'));
provideFunctionsCore();
const { main } = require(path.join(appDir, 'package.json'));
require(path.join(appDir, main));
const registered = [...functionRegistry.functions.values()].map((r) => ({ name: r.metadata.name, trigger: r.trigger.type }));
process.stdout.write(`${JSON.stringify(registered)}\n`);
// Whatever the app started at load (pools, timers) must not keep this probe alive.
process.exit(0);
