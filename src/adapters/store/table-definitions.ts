import {
  CreateTableCommand,
  DescribeTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { isResourceInUse, isResourceNotFound } from './dynamo-errors';

export const DEFAULT_TABLE_PREFIX = 'irbot-';
export const CHANNEL_INDEX = 'channelId-index';

export interface TableNames {
  /** PK incidentId (S), SK seq (N): the append-only log. */
  events: string;
  /** PK incidentId (S): one summary row per incident; GSI channelId-index. */
  incidents: string;
  /** PK key (S): dedup keys and counters. */
  keys: string;
}

export function tableNames(prefix: string): TableNames {
  return {
    events: `${prefix}incident-events`,
    incidents: `${prefix}incidents`,
    keys: `${prefix}keys`,
  };
}

/** The CreateTable inputs, exported so the README and operators create exactly these. */
export function tableDefinitions(prefix: string): CreateTableCommandInput[] {
  const names = tableNames(prefix);
  return [
    {
      TableName: names.events,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'incidentId', AttributeType: 'S' },
        { AttributeName: 'seq', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'incidentId', KeyType: 'HASH' },
        { AttributeName: 'seq', KeyType: 'RANGE' },
      ],
    },
    {
      TableName: names.incidents,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'incidentId', AttributeType: 'S' },
        { AttributeName: 'channelId', AttributeType: 'S' },
      ],
      KeySchema: [{ AttributeName: 'incidentId', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [
        {
          IndexName: CHANNEL_INDEX,
          KeySchema: [{ AttributeName: 'channelId', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    },
    {
      TableName: names.keys,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'key', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'key', KeyType: 'HASH' }],
    },
  ];
}

export interface EnsureTablesOptions {
  /** How long to wait for a new table to become ACTIVE (real DynamoDB takes seconds). */
  timeoutMs?: number;
}

/**
 * Creates the tables that are missing and waits until all are ACTIVE. Safe to
 * run from several replicas at once: losing the CreateTable race is fine.
 */
export async function ensureTables(client: DynamoDBClient, prefix: string, opts: EnsureTablesOptions = {}): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  await Promise.all(
    tableDefinitions(prefix).map(async (def) => {
      const name = def.TableName as string;
      const existing = await describeTable(client, name);
      if (!existing) {
        try {
          // A copy: the SDK must not share mutable input between parallel calls.
          await client.send(new CreateTableCommand(structuredClone(def)));
        } catch (err) {
          if (!isResourceInUse(err)) throw err;
        }
      }
      await waitUntilActive(client, name, timeoutMs);
    }),
  );
}

/** DescribeTable, with "does not exist" as undefined rather than an exception. */
export async function describeTable(client: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    const out = await client.send(new DescribeTableCommand({ TableName: name }));
    return out.Table;
  } catch (err) {
    if (isResourceNotFound(err)) return undefined;
    throw err;
  }
}

function isActive(table: TableDescription | undefined): boolean {
  if (!table || table.TableStatus !== 'ACTIVE') return false;
  return (table.GlobalSecondaryIndexes ?? []).every((gsi) => gsi.IndexStatus === 'ACTIVE');
}

async function waitUntilActive(client: DynamoDBClient, name: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // Starts short because the embedded store is ready at once; backs off for real DynamoDB.
  let delayMs = 20;
  for (;;) {
    if (isActive(await describeTable(client, name))) return;
    if (Date.now() + delayMs > deadline) {
      throw new Error(`DynamoDB table ${name} did not become ACTIVE within ${Math.round(timeoutMs / 1000)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    delayMs = Math.min(delayMs * 2, 2_000);
  }
}
