import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { ConflictError } from '../../domain/errors';
import { isConditionalCheckFailed } from './dynamo-errors';
import { toItem, type Item } from './item-codec';

const INCIDENT_COUNTER = 'counter#incident';
const dedupItemKey = (dedupKey: string): string => `dedup#${dedupKey}`;
/** A key released between our failed claim and our read of its holder: claim again, a few times at most. */
const CLAIM_ATTEMPTS = 5;

/**
 * The `<prefix>keys` table: small rows that replicas race for (dedup keys) or
 * share (counters). Every change is one conditional or atomic write.
 */
export class KeysTable {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly table: string,
  ) {}

  async claim(dedupKey: string, incidentId: string): Promise<{ claimed: true } | { claimed: false; holder: string }> {
    const key = dedupItemKey(dedupKey);
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      try {
        await this.client.send(
          new PutItemCommand({
            TableName: this.table,
            Item: toItem({ key, incidentId, claimedAt: new Date().toISOString() }),
            // The holder may claim again: a retried use case must not see its own claim as someone else's.
            ConditionExpression: 'attribute_not_exists(#k) OR #holder = :id',
            ExpressionAttributeNames: { '#k': 'key', '#holder': 'incidentId' },
            ExpressionAttributeValues: { ':id': { S: incidentId } },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { claimed: true };
      } catch (err) {
        if (!isConditionalCheckFailed(err)) throw err;
        // DynamoDB returns the holder with the failure; the embedded store does not, so read it.
        const holder = holderOf((err as { Item?: Item }).Item) ?? (await this.holder(dedupKey));
        if (holder !== undefined) return { claimed: false, holder };
      }
    }
    throw new ConflictError(`dedup key ${dedupKey} kept changing hands; try again`);
  }

  async holder(dedupKey: string): Promise<string | undefined> {
    const out = await this.client.send(
      new GetItemCommand({ TableName: this.table, Key: toItem({ key: dedupItemKey(dedupKey) }), ConsistentRead: true }),
    );
    return holderOf(out.Item);
  }

  async release(dedupKey: string, incidentId: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteItemCommand({
          TableName: this.table,
          Key: toItem({ key: dedupItemKey(dedupKey) }),
          ConditionExpression: '#holder = :id',
          ExpressionAttributeNames: { '#holder': 'incidentId' },
          ExpressionAttributeValues: { ':id': { S: incidentId } },
        }),
      );
    } catch (err) {
      // Held by another incident or already free: either way not ours to release.
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }

  async nextIncidentNumber(): Promise<number> {
    const out = await this.client.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: toItem({ key: INCIDENT_COUNTER }),
        UpdateExpression: 'ADD #n :one',
        ExpressionAttributeNames: { '#n': 'n' },
        ExpressionAttributeValues: { ':one': { N: '1' } },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const n = Number(out.Attributes?.n?.N);
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`incident counter returned ${String(out.Attributes?.n?.N)}`);
    return n;
  }
}

function holderOf(item: Item | undefined): string | undefined {
  return item?.incidentId?.S;
}
