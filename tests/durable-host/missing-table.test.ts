/** A table that vanishes under a running process (an emulator that lost it, a manual delete) is created again on the next call. */
import { expect, test } from 'vitest';
import { tableClient } from '../../host/durable/tables';
import { uniqueHub, useAzurite } from '../support/azurite';

const azurite = useAzurite();

test('a call on a table deleted behind the client recreates it and succeeds; a missing row is still a 404', async () => {
  const endpoint = { connectionString: azurite.connectionString };
  const table = tableClient(endpoint, uniqueHub('Gone'));
  await table.createTable();
  await table.createEntity({ partitionKey: 'p', rowKey: 'before' });
  await tableClient(endpoint, table.tableName).deleteTable();

  await table.createEntity({ partitionKey: 'p', rowKey: 'after' });
  const rows = [];
  for await (const row of table.listEntities()) rows.push(row.rowKey);
  expect(rows).toEqual(['after']);
  await expect(table.getEntity('p', 'missing')).rejects.toMatchObject({ statusCode: 404 });
});
