import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The compiled function app, loaded the way the host loads it (Node's require), so `registrations`
 * is the instance the functions registered into. The test-mode warnings of @azure/functions are muted.
 */
export function loadFunctionApp() {
  const warn = console.warn;
  console.warn = () => {};
  try {
    require('../../dist/functions');
  } finally {
    console.warn = warn;
  }
  return {
    registrations: (require('../../dist/lib/http/app') as typeof import('../../lib/http/app')).registrations,
    openApiDocument: (require('../../dist/lib/http/openapi/document') as typeof import('../../lib/http/openapi/document')).openApiDocument,
  };
}
