import { randomUUID } from 'node:crypto';
import type { TableClient, TableEntityResult } from '@azure/data-tables';
import { odata } from './tables';

/** Values up to this many UTF-8 bytes stay inline in their row (a string property holds 64 KiB of UTF-16). */
export const inlineLimit = 32 * 1024;
/** A binary property holds at most 64 KiB. */
const chunkBytes = 60 * 1024;
/** Rows per entity-group transaction, well under its 4 MiB request limit. */
const rowsPerTransaction = 32;

export type Entity = TableEntityResult<Record<string, unknown>>;

/**
 * JSON values of any size. Small ones are a string property `<field>`; larger ones are written in
 * 60 KiB chunks to `<Hub>Payloads` (partition = instance id) under a fresh id, and the row holds
 * `<field>Ref` = "<id>:<chunks>". Chunks are written before the row that points at them, so a
 * reader never sees a dangling reference; a writer that loses a race leaves orphans, which purge removes.
 */
export class Payloads {
  constructor(private readonly table: TableClient) {}

  async encode(partition: string, field: string, value: unknown): Promise<Record<string, string>> {
    if (value === undefined) return { [field]: '', [`${field}Ref`]: '' };
    const json = JSON.stringify(value);
    const bytes = Buffer.from(json, 'utf8');
    if (bytes.length <= inlineLimit) return { [field]: json, [`${field}Ref`]: '' };
    const id = randomUUID();
    const rows = [];
    for (let offset = 0, index = 0; offset < bytes.length; offset += chunkBytes, index++) {
      rows.push({ partitionKey: partition, rowKey: `${id}-${String(index).padStart(5, '0')}`, data: bytes.subarray(offset, offset + chunkBytes) });
    }
    for (let i = 0; i < rows.length; i += rowsPerTransaction) {
      await this.table.submitTransaction(rows.slice(i, i + rowsPerTransaction).map((row) => ['create', row] as const));
    }
    return { [field]: '', [`${field}Ref`]: `${id}:${rows.length}` };
  }

  async decode(entity: Entity, field: string): Promise<unknown> {
    const ref = entity[`${field}Ref`];
    if (typeof ref === 'string' && ref) return JSON.parse(await this.read(entity.partitionKey!, ref));
    const json = entity[field];
    return typeof json === 'string' && json ? JSON.parse(json) : undefined;
  }

  async purge(partition: string): Promise<void> {
    await deletePartition(this.table, partition);
  }

  private async read(partition: string, ref: string): Promise<string> {
    const [id, count] = ref.split(':');
    const chunks: Buffer[] = [];
    const rows = this.table.listEntities<{ data: Uint8Array }>({
      queryOptions: { filter: odata`PartitionKey eq ${partition} and RowKey ge ${`${id}-`} and RowKey lt ${`${id}.`}` },
    });
    for await (const row of rows) chunks.push(Buffer.from(row.data));
    if (chunks.length !== Number(count)) throw new Error(`Payload ${id} has ${chunks.length} of ${count} chunks`);
    return Buffer.concat(chunks).toString('utf8');
  }
}

/** Deletes every row of a partition, 100 per transaction. */
export async function deletePartition(table: TableClient, partition: string, filter = odata`PartitionKey eq ${partition}`): Promise<number> {
  const keys: string[] = [];
  for await (const row of table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) keys.push(row.rowKey!);
  for (let i = 0; i < keys.length; i += 100) {
    await table.submitTransaction(keys.slice(i, i + 100).map((rowKey) => ['delete', { partitionKey: partition, rowKey }] as const));
  }
  return keys.length;
}
