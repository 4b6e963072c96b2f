import { randomUUID } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { deletePartition, type Entity, Payloads } from './payloads';
import { checkTaskHub, ensureTable, guarded, httpStatusOf, tableClient, type TableEndpoint } from './tables';
import type { HistoryEvent } from './history';

export const runtimeStatuses = ['Pending', 'Running', 'Completed', 'ContinuedAsNew', 'Failed', 'Canceled', 'Terminated', 'Suspended'] as const;
export type RuntimeStatus = (typeof runtimeStatuses)[number];
export const finished: readonly RuntimeStatus[] = ['Completed', 'Failed', 'Canceled', 'Terminated'];

/** The instance row (row key ""): status, payloads, the current execution, the parent, and the lease. */
export interface InstanceRow {
  instanceId: string;
  name: string;
  runtimeStatus: RuntimeStatus;
  input: unknown;
  output: unknown;
  customStatus: unknown;
  createdTime: string;
  lastUpdatedTime: string;
  executionId: string;
  /** Index of the current execution's first history row (rows before it were continued as new). */
  historyStart: number;
  /** The next free history row as of the last episode stored with this row; rows written before it have none. */
  historyNext?: number;
  parentInstanceId: string;
  /** The parent's sequence number of the sub-orchestration task, -1 without a parent. */
  parentTaskId: number;
  leaseOwner: string;
  leaseUntil: string;
  /** When the poller should look at the instance ("" = never): next timer, lease expiry, a new message. */
  wakeAt: string;
  /** The W3C trace context of the operation that started the instance (telemetry on). */
  traceParent?: string;
  traceState?: string;
}

export type InstancePatch = Partial<Omit<InstanceRow, 'instanceId' | 'createdTime'>>;

export interface InboxMessage {
  rowKey: string;
  event: HistoryEvent;
}

const payloadFields = ['input', 'output', 'customStatus'] as const;
const instanceRow = '';
const inboxPrefix = 'inbox-';
const pad = (index: number) => String(index).padStart(10, '0');
/** Operations per entity-group transaction. */
const maxBatch = 100;

/** The instance row's ETag from a transaction's responses. */
function etagOf(responses: readonly { rowKey?: string; etag?: string }[]): string {
  const etag = responses.find((response) => !response.rowKey && response.etag)?.etag;
  if (!etag) throw new Error('The transaction answered no ETag for the instance row');
  return etag;
}

/**
 * The stand-in's tables. Their names end in "Local…" so they never collide with the real
 * extension's `{hub}Instances`/`{hub}History` when both use one storage account.
 */
export function standInTables(hub: string) {
  const name = checkTaskHub(hub);
  return { instances: `${name}LocalInstances`, history: `${name}LocalHistory`, payloads: `${name}LocalPayloads` };
}

/**
 * Orchestration state in Table Storage: the instance row and its inbox (messages not yet in the
 * history: raised events, sub-orchestration results, terminate/suspend/resume) in one partition
 * of the instances table; one row per history event (row key = index); large values in chunks.
 */
export class DurableStore {
  private readonly payloads: Payloads;
  private ready?: Promise<void>;

  constructor(
    private readonly instances: TableClient,
    private readonly history: TableClient,
    private readonly payloadTable: TableClient,
  ) {
    this.payloads = new Payloads(payloadTable);
  }

  static connect(endpoint: TableEndpoint, hub: string): DurableStore {
    const names = standInTables(hub);
    return new DurableStore(tableClient(endpoint, names.instances), tableClient(endpoint, names.history), tableClient(endpoint, names.payloads));
  }

  async open(): Promise<void> {
    this.ready ??= Promise.all([this.instances, this.history, this.payloadTable].map(ensureTable)).then(
      () => undefined,
      (error: unknown) => {
        this.ready = undefined;
        throw error;
      },
    );
    await this.ready;
  }

  /** Creates the row; ConflictError if one exists. Returns its ETag. */
  async create(row: InstanceRow): Promise<string> {
    await this.open();
    const result = await guarded(async () => this.instances.createEntity({ partitionKey: row.instanceId, rowKey: instanceRow, ...(await this.toEntity(row.instanceId, row)) }));
    return result.etag!;
  }

  async read(instanceId: string): Promise<{ row: InstanceRow; etag: string } | undefined> {
    await this.open();
    try {
      const entity = await this.instances.getEntity<Record<string, unknown>>(instanceId, instanceRow);
      return { row: await this.fromEntity(entity), etag: entity.etag };
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Merges the patch if the ETag still matches (ConflictError otherwise), or unconditionally without one;
   * with `consumed`, deletes those inbox messages in the same transaction. Returns the row's new ETag.
   */
  async update(instanceId: string, patch: InstancePatch, etag?: string, consumed: readonly string[] = []): Promise<string> {
    const entity = { partitionKey: instanceId, rowKey: instanceRow, ...(await this.toEntity(instanceId, patch)) };
    const options = etag ? { etag } : {};
    if (!consumed.length) return (await guarded(() => this.instances.updateEntity(entity, 'Merge', options))).etag!;
    const inBatch = maxBatch - 1;
    await this.consume(instanceId, consumed.slice(inBatch));
    const deletes = consumed.slice(0, inBatch).map((rowKey): TransactionAction => ['delete', { partitionKey: instanceId, rowKey }]);
    const result = await guarded(() => this.instances.submitTransaction([['update', entity, 'Merge', options], ...deletes]));
    return etagOf(result.subResponses);
  }

  /** Appends history rows at `from`…; ConflictError when an index is taken (another worker appended first). */
  async append(instanceId: string, from: number, events: readonly HistoryEvent[]): Promise<void> {
    const rows: Record<string, unknown>[] = [];
    for (const [offset, event] of events.entries()) {
      rows.push({ partitionKey: instanceId, rowKey: pad(from + offset), eventType: event.EventType, ...(await this.payloads.encode(instanceId, 'event', event)) });
    }
    for (let i = 0; i < rows.length; i += 100) {
      await guarded(() => this.history.submitTransaction(rows.slice(i, i + 100).map((row) => ['create', row as { partitionKey: string; rowKey: string }] as const)));
    }
  }

  /** The history rows from `from` on, and the next free index. */
  async load(instanceId: string, from: number): Promise<{ events: HistoryEvent[]; next: number }> {
    await this.open();
    const events: HistoryEvent[] = [];
    let next = from;
    const rows = this.history.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${instanceId} and RowKey ge ${pad(from)}` } });
    for await (const row of rows) {
      events.push((await this.payloads.decode(row, 'event')) as HistoryEvent);
      next = Number(row.rowKey) + 1;
    }
    return { events, next };
  }

  /** Deletes the history rows before `before` (executions continued as new). */
  async trim(instanceId: string, before: number): Promise<void> {
    await deletePartition(this.history, instanceId, odata`PartitionKey eq ${instanceId} and RowKey lt ${pad(before)}`);
  }

  /**
   * Puts the message in the instance's inbox and sets its wakeAt (and a lease, under `etag`) in one transaction:
   * the changed ETag tells a worker holding the instance to read its inbox, wakeAt tells the poller of any process.
   * Returns the row's new ETag, or undefined when there is no such instance.
   */
  async post(instanceId: string, event: HistoryEvent, row: Pick<InstancePatch, 'wakeAt' | 'leaseOwner' | 'leaseUntil'>, etag?: string): Promise<string | undefined> {
    await this.open();
    const message = { partitionKey: instanceId, rowKey: `${inboxPrefix}${new Date().toISOString()}-${randomUUID()}`, ...(await this.payloads.encode(instanceId, 'event', event)) };
    try {
      const result = await guarded(() =>
        this.instances.submitTransaction([
          ['create', message],
          ['update', { partitionKey: instanceId, rowKey: instanceRow, ...row }, 'Merge', etag ? { etag } : {}],
        ]),
      );
      return etagOf(result.subResponses);
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async inbox(instanceId: string): Promise<InboxMessage[]> {
    const messages: InboxMessage[] = [];
    const rows = this.instances.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${instanceId} and RowKey gt ${inboxPrefix} and RowKey lt ${'inbox.'}` },
    });
    for await (const row of rows) messages.push({ rowKey: row.rowKey!, event: (await this.payloads.decode(row, 'event')) as HistoryEvent });
    return messages;
  }

  async consume(instanceId: string, rowKeys: readonly string[]): Promise<void> {
    if (!rowKeys.length) return;
    for (let i = 0; i < rowKeys.length; i += maxBatch) {
      await this.instances.submitTransaction(rowKeys.slice(i, i + maxBatch).map((rowKey) => ['delete', { partitionKey: instanceId, rowKey }] as const));
    }
  }

  /** Ids of instances whose wakeAt has passed. */
  async due(now: Date): Promise<string[]> {
    await this.open();
    const ids: string[] = [];
    const rows = this.instances.listEntities({
      queryOptions: { filter: odata`RowKey eq ${instanceRow} and wakeAt ne ${''} and wakeAt le ${now.toISOString()}`, select: ['PartitionKey'] },
    });
    for await (const row of rows) ids.push(row.partitionKey!);
    return ids;
  }

  async list(query: InstanceQuery): Promise<{ rows: InstanceRow[]; continuationToken?: string }> {
    await this.open();
    const clauses = [odata`RowKey eq ${instanceRow}`];
    if (query.statuses?.length) clauses.push(`(${query.statuses.map((status) => odata`runtimeStatus eq ${status}`).join(' or ')})`);
    if (query.createdFrom) clauses.push(odata`createdTime ge ${query.createdFrom.toISOString()}`);
    if (query.createdTo) clauses.push(odata`createdTime le ${query.createdTo.toISOString()}`);
    if (query.instanceIdPrefix) clauses.push(odata`PartitionKey ge ${query.instanceIdPrefix} and PartitionKey lt ${`${query.instanceIdPrefix}\uffff`}`);
    const pages = this.instances
      .listEntities<Record<string, unknown>>({ queryOptions: { filter: clauses.join(' and ') } })
      .byPage({ maxPageSize: query.pageSize ?? 100, ...(query.continuationToken ? { continuationToken: query.continuationToken } : {}) });
    const page = await pages.next();
    if (page.done) return { rows: [] };
    const rows = await Promise.all(page.value.map((entity) => this.fromEntity(entity)));
    return { rows, ...(page.value.continuationToken ? { continuationToken: page.value.continuationToken } : {}) };
  }

  /** Deletes the instance, its inbox, history and payloads; false if there was none. */
  async purge(instanceId: string): Promise<boolean> {
    await this.open();
    const removed = await deletePartition(this.instances, instanceId);
    await deletePartition(this.history, instanceId);
    await this.payloads.purge(instanceId);
    return removed > 0;
  }

  private async toEntity(instanceId: string, patch: InstancePatch): Promise<Record<string, unknown>> {
    const { input, output, customStatus, ...plain } = patch as InstancePatch & { instanceId?: string };
    const entity: Record<string, unknown> = { ...plain };
    delete entity.instanceId;
    const values = { input, output, customStatus };
    for (const field of payloadFields) {
      if (field in patch) Object.assign(entity, await this.payloads.encode(instanceId, field, values[field]));
    }
    return entity;
  }

  private async fromEntity(entity: Entity): Promise<InstanceRow> {
    const [input, output, customStatus] = await Promise.all(payloadFields.map((field) => this.payloads.decode(entity, field)));
    const text = (key: string) => (typeof entity[key] === 'string' ? (entity[key] as string) : '');
    return {
      instanceId: entity.partitionKey!,
      name: text('name'),
      runtimeStatus: text('runtimeStatus') as RuntimeStatus,
      input,
      output,
      customStatus,
      createdTime: text('createdTime'),
      lastUpdatedTime: text('lastUpdatedTime'),
      executionId: text('executionId'),
      historyStart: Number(entity.historyStart ?? 0),
      ...(entity.historyNext !== undefined && entity.historyNext !== null ? { historyNext: Number(entity.historyNext) } : {}),
      parentInstanceId: text('parentInstanceId'),
      parentTaskId: Number(entity.parentTaskId ?? -1),
      leaseOwner: text('leaseOwner'),
      leaseUntil: text('leaseUntil'),
      wakeAt: text('wakeAt'),
      ...(text('traceParent') ? { traceParent: text('traceParent') } : {}),
      ...(text('traceState') ? { traceState: text('traceState') } : {}),
    };
  }
}

export interface InstanceQuery {
  statuses?: RuntimeStatus[];
  createdFrom?: Date;
  createdTo?: Date;
  instanceIdPrefix?: string;
  pageSize?: number;
  continuationToken?: string;
}
