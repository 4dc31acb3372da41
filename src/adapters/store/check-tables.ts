import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IrbotError } from '../../domain/errors';
import { describeTable, tableDefinitions } from './table-definitions';

/**
 * Checks that the operator created the bot's tables. In their AWS account the
 * bot reads and writes but never creates tables: table creation belongs to the
 * operator's infrastructure code and permissions.
 */
export async function assertTablesExist(client: DynamoDBClient, prefix: string): Promise<void> {
  const problems: string[] = [];
  for (const def of tableDefinitions(prefix)) {
    const name = def.TableName as string;
    const table = await describeTable(client, name);
    if (!table) {
      problems.push(`table ${name} is missing`);
      continue;
    }
    for (const gsi of def.GlobalSecondaryIndexes ?? []) {
      const found = (table.GlobalSecondaryIndexes ?? []).some((g) => g.IndexName === gsi.IndexName);
      if (!found) problems.push(`table ${name} has no index ${String(gsi.IndexName)}`);
    }
  }
  if (problems.length > 0) {
    const region = await client.config.region();
    throw new IrbotError(
      'store_tables_missing',
      `STORE=dynamodb (region ${region}): ${problems.join('; ')}. ` +
        `Create them as described in README.md ("DynamoDB tables"), check TABLE_PREFIX=${prefix}, or use STORE=local.`,
    );
  }
}
