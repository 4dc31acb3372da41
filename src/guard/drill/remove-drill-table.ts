import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { formatDuration } from '../../../escalation/duration';
import { callAws } from '../../actions/aws-call';
import { ACTIVE_INTERVAL_MS, readTable } from '../../actions/dynamodb/table-state';
import { deleteTable } from '../aws/backup-calls';
import type { DrillContext } from './run-drill';

/** A table still CREATING cannot be deleted; wait this many times for it before giving up. */
const DELETE_ATTEMPTS = 20;

/**
 * Deletes the drill table, whatever state the drill left it in: gone already
 * (the restore never started) is success; CREATING is waited out (bounded),
 * since DynamoDB refuses to delete a table being created. Giving up says how
 * to delete it by hand.
 */
export async function removeDrillTable(ctx: DrillContext, region: string, table: string): Promise<{ ok: boolean; detail: string }> {
  const { input, planned } = deleteTable(region, table);
  let last = '';
  for (let attempt = 1; attempt <= DELETE_ATTEMPTS; attempt += 1) {
    const answer = await callAws('DeleteTable', () => ctx.aws.dynamodb(region).send(new DeleteTableCommand(input)));
    if (answer.ok) return { ok: true, detail: `${table} deleted (${answer.value.TableDescription?.TableStatus ?? 'DELETING'})` };
    if (answer.errorName === 'ResourceNotFoundException') return { ok: true, detail: `no drill table left behind (${table} does not exist)` };
    if (answer.errorName !== 'ResourceInUseException') return { ok: false, detail: `${answer.error}; ${table} is left behind: delete it by hand with \`${planned.cli}\`` };
    // In use: being created or updated (wait), or already being deleted (done).
    const read = await readTable(ctx, region, table);
    if (read.ok && (read.value === undefined || read.value.TableStatus === 'DELETING')) return { ok: true, detail: `${table} is being deleted` };
    last = read.ok ? `${table} is ${read.value?.TableStatus ?? '?'}` : read.error;
    if (attempt < DELETE_ATTEMPTS) await ctx.sleep(ACTIVE_INTERVAL_MS);
  }
  const waited = formatDuration((DELETE_ATTEMPTS - 1) * ACTIVE_INTERVAL_MS);
  return { ok: false, detail: `could not delete ${table} after ${waited} (${last}); it is left behind: delete it by hand with \`${planned.cli}\`` };
}
