import { randomUUID } from 'node:crypto';
import type { TableClient, TableEntity } from '@azure/data-tables';
import { deletePartition, type Entity, Payloads } from './payloads';
import { checkTaskHub, ensureTable, guarded, httpStatusOf, odata, tableClient, type TableEndpoint } from './tables';
import type { FailureDetails, HistoryEvent, RuntimeStatus } from './types';

/** The `<Hub>Instances` row of an instance (row key ""): its status and its lease. */
export interface InstanceRecord {
  instanceId: string;
  name: string;
  runtimeStatus: RuntimeStatus;
  input: unknown;
  output: unknown;
  customStatus: unknown;
  failure?: FailureDetails;
  createdTime: string;
  lastUpdatedTime: string;
  executionId: string;
  /** Index of the first history row of the current execution (rows before it belong to executions continued as new). */
  historyStart: number;
  /** Run token of the worker holding the lease, "" when free. */
  leaseOwner: string;
  leaseUntil: string;
  /** When a tick should look at the instance: the next timer or retry, or the lease expiry while leased; "" for never. */
  wakeAt: string;
}

export type InstancePatch = Partial<Omit<InstanceRecord, 'instanceId' | 'createdTime'>>;

export interface StoredInstance {
  record: InstanceRecord;
  etag: string;
}

export interface InboxEvent {
  eventId: string;
  name: string;
  data: unknown;
  time: string;
}

export interface InstanceQuery {
  status?: RuntimeStatus[];
  createdFrom?: Date;
  createdTo?: Date;
  pageSize?: number;
  continuationToken?: string;
}

const payloadFields = ['input', 'output', 'customStatus'] as const;
const instanceRow = '';
const inboxPrefix = 'inbox-';
const pad = (index: number) => String(index).padStart(10, '0');

/**
 * Orchestration state in Azure Table Storage: `<Hub>Instances` (instance rows and their event inbox),
 * `<Hub>History` (one row per event, row key = zero-padded index) and `<Hub>Payloads` (large values).
 */
export class TableStore {
  private readonly payloads: Payloads;
  private ready?: Promise<void>;

  constructor(
    private readonly instances: TableClient,
    private readonly history: TableClient,
    private readonly payloadTable: TableClient,
  ) {
    this.payloads = new Payloads(payloadTable);
  }

  static connect(endpoint: TableEndpoint, taskHub: string): TableStore {
    const hub = checkTaskHub(taskHub);
    return new TableStore(tableClient(endpoint, `${hub}Instances`), tableClient(endpoint, `${hub}History`), tableClient(endpoint, `${hub}Payloads`));
  }

  /** Creates the tables on first use. */
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

  /** Throws ConflictError when the instance exists. */
  async createInstance(record: InstanceRecord): Promise<string> {
    await this.open();
    const entity = await this.toEntity(record.instanceId, record);
    const result = await guarded(() => this.instances.createEntity({ partitionKey: record.instanceId, rowKey: instanceRow, ...entity }));
    return result.etag!;
  }

  async readInstance(instanceId: string): Promise<StoredInstance | undefined> {
    await this.open();
    try {
      const entity = await this.instances.getEntity<Record<string, unknown>>(instanceId, instanceRow);
      return { record: await this.fromEntity(entity), etag: entity.etag };
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** Merges the patch if the row still has this ETag; throws ConflictError otherwise. Returns the new ETag. */
  async updateInstance(instanceId: string, patch: InstancePatch, etag: string): Promise<string> {
    const entity = await this.toEntity(instanceId, patch);
    const result = await guarded(() => this.instances.updateEntity({ partitionKey: instanceId, rowKey: instanceRow, ...entity }, 'Merge', { etag }));
    return result.etag!;
  }

  /** Appends rows at `from`, from+1, … in entity-group transactions; ConflictError if any index is taken. */
  async appendHistory(instanceId: string, from: number, events: readonly HistoryEvent[]): Promise<void> {
    const rows: TableEntity<Record<string, unknown>>[] = [];
    for (const [offset, event] of events.entries()) {
      rows.push({
        partitionKey: instanceId,
        rowKey: pad(from + offset),
        type: event.type,
        ...('step' in event ? { step: event.step } : {}),
        ...(await this.payloads.encode(instanceId, 'event', event)),
      });
    }
    for (let i = 0; i < rows.length; i += 100) {
      await guarded(() => this.history.submitTransaction(rows.slice(i, i + 100).map((row) => ['create', row] as const)));
    }
  }

  /** The current execution's events (those after the last ContinuedAsNew) and the next free index. */
  async loadHistory(instanceId: string, from: number): Promise<{ events: HistoryEvent[]; next: number }> {
    let events: HistoryEvent[] = [];
    let next = from;
    const rows = this.history.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${instanceId} and RowKey ge ${pad(from)}` },
    });
    for await (const row of rows) {
      const event = (await this.payloads.decode(row, 'event')) as HistoryEvent;
      events.push(event);
      if (event.type === 'ContinuedAsNew') events = [];
      next = Number(row.rowKey) + 1;
    }
    return { events, next };
  }

  /** Deletes the rows of executions before `before` (left behind by continueAsNew). */
  async trimHistory(instanceId: string, before: number): Promise<void> {
    await deletePartition(this.history, instanceId, odata`PartitionKey eq ${instanceId} and RowKey lt ${pad(before)}`);
  }

  async writeInbox(instanceId: string, name: string, data: unknown, time: Date): Promise<string> {
    // Row keys sort by arrival; the random tail keeps simultaneous events apart.
    const eventId = `${inboxPrefix}${time.toISOString()}-${randomUUID()}`;
    const encoded = await this.payloads.encode(instanceId, 'data', data);
    await this.instances.createEntity({ partitionKey: instanceId, rowKey: eventId, name, time: time.toISOString(), ...encoded });
    return eventId;
  }

  async readInbox(instanceId: string): Promise<InboxEvent[]> {
    const events: InboxEvent[] = [];
    const rows = this.instances.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${instanceId} and RowKey gt ${inboxPrefix} and RowKey lt ${'inbox.'}` },
    });
    for await (const row of rows) {
      events.push({ eventId: row.rowKey!, name: String(row.name), time: String(row.time), data: await this.payloads.decode(row, 'data') });
    }
    return events;
  }

  async deleteInbox(instanceId: string, eventIds: readonly string[]): Promise<void> {
    for (let i = 0; i < eventIds.length; i += 100) {
      await this.instances.submitTransaction(eventIds.slice(i, i + 100).map((rowKey) => ['delete', { partitionKey: instanceId, rowKey }] as const));
    }
  }

  /** Ids of instances whose wakeAt has passed. */
  async dueInstances(now: Date): Promise<string[]> {
    await this.open();
    const ids: string[] = [];
    const rows = this.instances.listEntities({
      queryOptions: { filter: odata`RowKey eq ${instanceRow} and wakeAt ne ${''} and wakeAt le ${now.toISOString()}`, select: ['PartitionKey'] },
    });
    for await (const row of rows) ids.push(row.partitionKey!);
    return ids;
  }

  async listInstances(query: InstanceQuery): Promise<{ instances: InstanceRecord[]; continuationToken?: string }> {
    await this.open();
    const clauses = [odata`RowKey eq ${instanceRow}`];
    if (query.status?.length) clauses.push(`(${query.status.map((status) => odata`runtimeStatus eq ${status}`).join(' or ')})`);
    if (query.createdFrom) clauses.push(odata`createdTime ge ${query.createdFrom.toISOString()}`);
    if (query.createdTo) clauses.push(odata`createdTime le ${query.createdTo.toISOString()}`);
    const pages = this.instances
      .listEntities<Record<string, unknown>>({ queryOptions: { filter: clauses.join(' and ') } })
      .byPage({ maxPageSize: query.pageSize ?? 100, continuationToken: query.continuationToken });
    const page = await pages.next();
    if (page.done) return { instances: [] };
    const instances = await Promise.all(page.value.map((entity) => this.fromEntity(entity)));
    return { instances, ...(page.value.continuationToken ? { continuationToken: page.value.continuationToken } : {}) };
  }

  /** Deletes the instance row, its inbox, history and payloads. False if there was no instance. */
  async purge(instanceId: string): Promise<boolean> {
    await this.open();
    const removed = await deletePartition(this.instances, instanceId);
    await deletePartition(this.history, instanceId);
    await this.payloads.purge(instanceId);
    return removed > 0;
  }

  private async toEntity(instanceId: string, patch: InstancePatch): Promise<Record<string, unknown>> {
    const { failure, input, output, customStatus, ...plain } = patch;
    const entity: Record<string, unknown> = { ...plain };
    delete entity.instanceId;
    if ('failure' in patch) Object.assign(entity, { failureName: failure?.name ?? '', failureMessage: failure?.message ?? '' });
    const values = { input, output, customStatus };
    for (const field of payloadFields) {
      if (field in patch) Object.assign(entity, await this.payloads.encode(instanceId, field, values[field]));
    }
    return entity;
  }

  private async fromEntity(entity: Entity): Promise<InstanceRecord> {
    const [input, output, customStatus] = await Promise.all(payloadFields.map((field) => this.payloads.decode(entity, field)));
    const text = (key: string) => (typeof entity[key] === 'string' ? (entity[key] as string) : '');
    return {
      instanceId: entity.partitionKey!,
      name: text('name'),
      runtimeStatus: text('runtimeStatus') as RuntimeStatus,
      input,
      output,
      customStatus,
      ...(text('failureName') ? { failure: { name: text('failureName'), message: text('failureMessage') } } : {}),
      createdTime: text('createdTime'),
      lastUpdatedTime: text('lastUpdatedTime'),
      executionId: text('executionId'),
      historyStart: Number(entity.historyStart ?? 0),
      leaseOwner: text('leaseOwner'),
      leaseUntil: text('leaseUntil'),
      wakeAt: text('wakeAt'),
    };
  }
}
