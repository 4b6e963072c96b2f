import fs from 'node:fs';
import path from 'node:path';

/** The function app's folder: the nearest one above this module holding host.json. */
export function appRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'host.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No host.json above ${from}`);
  }
}

/**
 * host.json's `extensions.http.routePrefix`, read as the Functions host reads it: "api" when it is
 * not set. This app sets it to "" and puts its API under api/ itself, so the web app has the root.
 */
export function routePrefixOf(directory: string = appRoot()): string {
  const hostJson = JSON.parse(fs.readFileSync(path.join(directory, 'host.json'), 'utf8')) as { extensions?: { http?: { routePrefix?: string } } };
  return hostJson.extensions?.http?.routePrefix ?? 'api';
}
