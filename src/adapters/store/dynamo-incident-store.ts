import { DescribeTableCommand, PutItemCommand, QueryCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { IncidentStore, IncidentSummary } from '../../app/ports';
import { ConflictError } from '../../domain/errors';
import type { Actor, IncidentEvent, IncidentEventBody } from '../../domain/events';
import { isConditionalCheckFailed } from './dynamo-errors';
import { eventToItem, itemToEvent, itemToSummary, summaryToItem } from './item-codec';
import { KeysTable } from './keys-table';
import { readAllPages } from './paginate';
import { CHANNEL_INDEX, tableNames, type TableNames } from './table-definitions';

export interface DynamoIncidentStoreOptions {
  /** True when the store created the client, so `close()` may destroy it. */
  ownsClient?: boolean;
  /** `/readyz` must answer quickly even when DynamoDB does not. */
  pingTimeoutMs?: number;
}

/**
 * The incident log and its side tables in DynamoDB (or the embedded store).
 * Every write that two replicas could race on is a conditional write, so the
 * loser learns it lost instead of silently overwriting.
 */
export class DynamoIncidentStore implements IncidentStore {
  private readonly tables: TableNames;
  private readonly keys: KeysTable;
  private closed = false;

  constructor(
    private readonly client: DynamoDBClient,
    tablePrefix: string,
    private readonly opts: DynamoIncidentStoreOptions = {},
  ) {
    this.tables = tableNames(tablePrefix);
    this.keys = new KeysTable(client, this.tables.keys);
  }

  async append(incidentId: string, seq: number, body: IncidentEventBody, actor: Actor, at: Date): Promise<IncidentEvent> {
    if (!Number.isSafeInteger(seq) || seq < 0) throw new Error(`seq must be a whole number >= 0, got ${seq}`);
    // Key fields last, so a stray body field can never move the event.
    const item = eventToItem({ ...body, incidentId, seq, at: at.toISOString(), actor });
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tables.events,
          Item: item,
          ConditionExpression: 'attribute_not_exists(#seq)',
          ExpressionAttributeNames: { '#seq': 'seq' },
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) {
        throw new ConflictError(`incident ${incidentId}: event ${seq} was already written by another writer`);
      }
      throw err;
    }
    // Returned from the stored form, so the caller sees exactly what `load` will give back.
    return itemToEvent(item);
  }

  load(incidentId: string): Promise<IncidentEvent[]> {
    return this.loadAfter(incidentId, -1);
  }

  async loadAfter(incidentId: string, afterSeq: number): Promise<IncidentEvent[]> {
    const items = await readAllPages((startKey) =>
      this.client.send(
        new QueryCommand({
          TableName: this.tables.events,
          KeyConditionExpression: '#id = :id AND #seq > :after',
          ExpressionAttributeNames: { '#id': 'incidentId', '#seq': 'seq' },
          ExpressionAttributeValues: { ':id': { S: incidentId }, ':after': { N: String(afterSeq) } },
          ScanIndexForward: true,
          // Reload-after-conflict must see the winner's event.
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    return items.map(itemToEvent);
  }

  claimDedupKey(dedupKey: string, incidentId: string): Promise<{ claimed: true } | { claimed: false; holder: string }> {
    return this.keys.claim(dedupKey, incidentId);
  }

  dedupHolder(dedupKey: string): Promise<string | undefined> {
    return this.keys.holder(dedupKey);
  }

  releaseDedupKey(dedupKey: string, incidentId: string): Promise<void> {
    return this.keys.release(dedupKey, incidentId);
  }

  nextIncidentNumber(): Promise<number> {
    return this.keys.nextIncidentNumber();
  }

  async saveSummary(summary: IncidentSummary, seq: number): Promise<void> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tables.incidents,
          Item: summaryToItem(summary, seq),
          ConditionExpression: 'attribute_not_exists(#id) OR #seq < :seq',
          ExpressionAttributeNames: { '#id': 'incidentId', '#seq': 'seq' },
          ExpressionAttributeValues: { ':seq': { N: String(seq) } },
        }),
      );
    } catch (err) {
      // The stored row already reflects this event or a later one: a late writer must not move it back.
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }

  async listOpen(): Promise<IncidentSummary[]> {
    const items = await readAllPages((startKey) =>
      this.client.send(
        new ScanCommand({
          TableName: this.tables.incidents,
          FilterExpression: '#status <> :resolved',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':resolved': { S: 'resolved' } },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    return items.map(itemToSummary).sort((a, b) => a.number - b.number);
  }

  async listOpenedSince(since: Date): Promise<IncidentSummary[]> {
    // A Scan: summaries are one small row per incident, and this runs once a week.
    const items = await readAllPages((startKey) =>
      this.client.send(
        new ScanCommand({
          TableName: this.tables.incidents,
          FilterExpression: '#openedAt >= :since',
          ExpressionAttributeNames: { '#openedAt': 'openedAt' },
          ExpressionAttributeValues: { ':since': { S: since.toISOString() } },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    return items.map(itemToSummary).sort((a, b) => a.number - b.number);
  }

  async findByChannel(channelId: string): Promise<IncidentSummary | undefined> {
    // A GSI cannot be read consistently: on DynamoDB a channel saved a moment ago may not show yet.
    const items = await readAllPages((startKey) =>
      this.client.send(
        new QueryCommand({
          TableName: this.tables.incidents,
          IndexName: CHANNEL_INDEX,
          KeyConditionExpression: '#ch = :ch',
          ExpressionAttributeNames: { '#ch': 'channelId' },
          ExpressionAttributeValues: { ':ch': { S: channelId } },
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    // Channels are one per incident; should one ever be reused, the newest incident owns it.
    const summaries = items.map(itemToSummary).sort((a, b) => b.number - a.number);
    return summaries[0];
  }

  async ping(): Promise<void> {
    await this.client.send(new DescribeTableCommand({ TableName: this.tables.events }), {
      abortSignal: AbortSignal.timeout(this.opts.pingTimeoutMs ?? 2_000),
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.opts.ownsClient) this.client.destroy();
  }
}
