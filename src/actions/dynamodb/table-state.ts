import { DescribeTableCommand, type TableDescription } from '@aws-sdk/client-dynamodb';
import type { ActionRunContext } from '../action-types';
import { callAws, type AwsOutcome } from '../aws-call';
import { describeTable } from '../calls/dynamodb-calls';
import type { PollCheck } from '../poll';

export const ACTIVE_CHECKS = 120;
export const ACTIVE_INTERVAL_MS = 30_000;
export const ACTIVE_NOTE = `repeated every ${ACTIVE_INTERVAL_MS / 1000}s until the table is ACTIVE, at most ${ACTIVE_CHECKS} times`;

/** DescribeTable where "no such table" is an answer (undefined), not an error. */
export async function readTable(ctx: Pick<ActionRunContext, 'aws'>, region: string, table: string): Promise<AwsOutcome<TableDescription | undefined>> {
  const { input } = describeTable(region, table);
  const answer = await callAws('DescribeTable', () => ctx.aws.dynamodb(region).send(new DescribeTableCommand(input)));
  if (answer.ok) return { ok: true, value: answer.value.Table };
  if (answer.errorName === 'ResourceNotFoundException') return { ok: true, value: undefined };
  return answer;
}

// States from which the table never becomes ACTIVE without someone stepping in.
const DEAD_ENDS = new Set(['DELETING', 'ARCHIVING', 'ARCHIVED', 'INACCESSIBLE_ENCRYPTION_CREDENTIALS']);

/** One check of the restore wait: ACTIVE is done, a dead end fails, anything else waits. */
export function activeCheck(ctx: Pick<ActionRunContext, 'aws'>, region: string, table: string): () => Promise<PollCheck<TableDescription>> {
  return async () => {
    const read = await readTable(ctx, region, table);
    if (!read.ok) return { state: 'failed', detail: read.error };
    const status = read.value?.TableStatus;
    // Just after the restore call the table can be briefly invisible to reads.
    if (read.value === undefined || status === undefined) return { state: 'waiting', detail: `${table} not visible yet` };
    if (status === 'ACTIVE') return { state: 'done', value: read.value };
    if (DEAD_ENDS.has(status)) return { state: 'failed', detail: `${table} is ${status}; it will not become ACTIVE` };
    return { state: 'waiting', detail: `${table} is ${status}` };
  };
}
