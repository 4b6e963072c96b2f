import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, startHost, type TestHost } from '../support/host';

let host: TestHost;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const date = daysFromToday(12);

beforeAll(async () => {
  host = await startHost();
  ajv.addSchema(await (await host.fetch('/openapi.json')).json(), 'openapi');
}, 60_000);

afterAll(async () => {
  await host?.stop();
});

/** Validates a real response against the document's schema for that path, method and status. */
async function conforms(response: Response, path: string, method: string): Promise<unknown> {
  const type = response.headers.get('content-type')!.split(';')[0]!;
  const pointer = ['paths', path, method, 'responses', String(response.status), 'content', type, 'schema']
    .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/');
  const validate = ajv.getSchema(`openapi#/${pointer}`);
  expect(validate, `${method.toUpperCase()} ${path} ${response.status} ${type} is not documented`).toBeDefined();
  const body = await response.json();
  const valid = validate!(body);
  expect(valid, `${method.toUpperCase()} ${path} ${response.status}: ${ajv.errorsText(validate!.errors)}`).toBe(true);
  return body;
}

describe('responses match the OpenAPI document', () => {
  it('the validators are strict enough to catch a wrong body', () => {
    const flights = ajv.getSchema('openapi#/paths/~1flights/get/responses/200/content/application~1json/schema')!;
    expect(flights([{ id: 'one', flight_number: 42 }])).toBe(false);
    const booking = ajv.getSchema('openapi#/paths/~1bookings~1{id}/get/responses/200/content/application~1json/schema')!;
    expect(booking({ id: 1, reference: 'K7Q2MX' })).toBe(false);
    const health = ajv.getSchema('openapi#/paths/~1health/get/responses/200/content/application~1json/schema')!;
    expect(health({ status: 'fine' })).toBe(false);
  });

  it('flights, search, airports, seat maps', async () => {
    const flights = (await conforms(await host.fetch('/flights?limit=3'), '/flights', 'get')) as { id: number }[];
    await conforms(await host.fetch(`/flights/${flights[0]!.id}?date=${date}`), '/flights/{id}', 'get');
    await conforms(await host.fetch('/flights/number/CA1001'), '/flights/number/{flight_number}', 'get');
    await conforms(await host.fetch(`/flights/search/${encodeURIComponent('北京')}/SHA?date=${date}`), '/flights/search/{from}/{to}', 'get');
    await conforms(await host.fetch(`/flights/search/KMG/URC?date=${date}`), '/flights/search/{from}/{to}', 'get');
    await conforms(await host.fetch('/airports?q=shanghai'), '/airports', 'get');
    await conforms(await host.fetch(`/flights/${flights[0]!.id}/seats?date=${date}`), '/flights/{id}/seats', 'get');
  });

  it('the booking lifecycle', async () => {
    const created = (await conforms(
      await host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name: '张三' }, { name: 'Amy Li', type: 'child' }], segments: [{ flight_number: 'CA1001', date }], hold: true } }),
      '/bookings',
      'post',
    )) as { id: number; reference: string };
    await conforms(await host.fetch('/bookings', { method: 'POST', json: { title: 't', passenger_name: '李四', flight_number: 'CA1001', departure_date: date } }), '/bookings', 'post');
    await conforms(await host.fetch(`/bookings/${created.id}`, { staff: true }), '/bookings/{id}', 'get');
    await conforms(await host.fetch('/bookings?limit=5', { staff: true }), '/bookings', 'get');
    await conforms(await host.fetch(`/bookings/${created.id}/confirm`, { method: 'POST', staff: true }), '/bookings/{id}/confirm', 'post');
    await conforms(await host.fetch(`/bookings/${created.id}`, { method: 'PUT', staff: true, json: { seats: [{ seat: '15C' }] } }), '/bookings/{id}', 'put');
    await conforms(await host.fetch(`/bookings/${created.id}/cancellation-quote`, { staff: true }), '/bookings/{id}/cancellation-quote', 'get');
    await conforms(await host.fetch(`/bookings/reference/${created.reference}?last_name=张`), '/bookings/reference/{pnr}', 'get');
    await conforms(await host.fetch(`/bookings/search/${encodeURIComponent('zhang san')}`, { staff: true }), '/bookings/search/{passenger_name}', 'get');
    await conforms(await host.fetch(`/bookings/${created.id}/cancel`, { method: 'POST', staff: true, json: { reason: 'test' } }), '/bookings/{id}/cancel', 'post');
    await conforms(await host.fetch(`/bookings/${created.id}/history`, { staff: true }), '/bookings/{id}/history', 'get');
  });

  it('system endpoints and the assistant', async () => {
    await conforms(await host.fetch('/health'), '/health', 'get');
    await conforms(await host.fetch('/stats'), '/stats', 'get');
    const conversation = (await conforms(await host.fetch('/assistant/conversations', { method: 'POST' }), '/assistant/conversations', 'post')) as { id: string };
    await conforms(
      await host.fetch(`/assistant/conversations/${conversation.id}/messages`, { method: 'POST', json: { text: '帮我查明天从北京到上海的航班' } }),
      '/assistant/conversations/{id}/messages',
      'post',
    );
    await conforms(await host.fetch(`/assistant/conversations/${conversation.id}`), '/assistant/conversations/{id}', 'get');
    await conforms(await host.fetch('/assistant/chat', { method: 'POST', json: { text: 'hello' } }), '/assistant/chat', 'post');
  });

  it('errors are the documented problem shape', async () => {
    await conforms(await host.fetch('/flights?limit=-1'), '/flights', 'get');
    await conforms(await host.fetch('/flights/search/XXX/SHA'), '/flights/search/{from}/{to}', 'get');
    await conforms(await host.fetch('/bookings', { method: 'POST', json: { passengers: [] } }), '/bookings', 'post');
    await conforms(await host.fetch('/bookings'), '/bookings', 'get');
  });
});
