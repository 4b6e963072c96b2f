import { describe, expect, it } from 'vitest';
import collection from '../../postman/flight-booking.postman_collection.json';
import { compileRoute } from '../../host/routes';
import { loadFunctionApp } from '../support/function-app';

interface Item {
  item?: Item[];
  request?: { method: string; url: { raw: string } };
}

function requests(items: Item[]): { method: string; path: string }[] {
  return items.flatMap((item) => [
    ...(item.item ? requests(item.item) : []),
    ...(item.request ? [{ method: item.request.method, path: item.request.url.raw.replace('{{baseUrl}}', '/api').replace('{{siteUrl}}', '').split('?')[0]!.replace(/\{\{\w+\}\}/g, '1') }] : []),
  ]);
}

describe('the Postman collection', () => {
  it('calls every registered HTTP function with every method it serves', () => {
    const { registrations } = loadFunctionApp();
    const sent = requests(collection.item as Item[]);
    const missing = registrations.http.flatMap((fn) =>
      fn.methods.filter((method) => !sent.some((r) => r.method === method && compileRoute(fn.functionRoute).match(r.path))).map((method) => `${method} /${fn.functionRoute}`),
    );
    expect(missing, 'add a request to postman/flight-booking.postman_collection.json').toEqual([]);
  });
});
