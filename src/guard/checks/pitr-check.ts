import { DescribeContinuousBackupsCommand, type PointInTimeRecoveryDescription } from '@aws-sdk/client-dynamodb';
import { formatDuration } from '../../../escalation/duration';
import type { AwsClients } from '../../actions/action-types';
import { callAws, type AwsOutcome } from '../../actions/aws-call';
import { describeContinuousBackups } from '../../actions/calls/dynamodb-calls';
import type { CheckOutcome } from './check-outcome';

export async function readPitr(aws: AwsClients, region: string, table: string): Promise<AwsOutcome<PointInTimeRecoveryDescription | undefined>> {
  const { input } = describeContinuousBackups(region, table);
  const answer = await callAws('DescribeContinuousBackups', () => aws.dynamodb(region).send(new DescribeContinuousBackupsCommand(input)));
  return answer.ok ? { ok: true, value: answer.value.ContinuousBackupsDescription?.PointInTimeRecoveryDescription } : answer;
}

/**
 * PITR must be on, and its latest restorable time within the RPO of now:
 * otherwise a restore right now would lose more than the plan allows.
 */
export function judgePitr(table: string, pitr: PointInTimeRecoveryDescription | undefined, now: Date, rpoMs: number): CheckOutcome {
  const status = pitr?.PointInTimeRecoveryStatus ?? 'unknown';
  if (status !== 'ENABLED') {
    return { ok: false, detail: `point-in-time recovery is ${status} on ${table}: it cannot be restored to a point in time`, facts: { pitr: status } };
  }
  const latest = pitr?.LatestRestorableDateTime;
  if (latest === undefined) return { ok: false, detail: `${table} reports no latest restorable time`, facts: { pitr: status } };
  const lagMs = Math.max(0, now.getTime() - latest.getTime());
  const facts = { pitr: status, latestRestorable: latest.toISOString(), restorePointAge: formatDuration(lagMs) };
  if (lagMs > rpoMs) {
    return { ok: false, detail: `the latest restorable time of ${table} is ${formatDuration(lagMs)} old, beyond the RPO of ${formatDuration(rpoMs)}`, facts };
  }
  return { ok: true, detail: `PITR enabled on ${table}; latest restorable time ${formatDuration(lagMs)} ago, within the RPO of ${formatDuration(rpoMs)}`, facts };
}

export async function checkPitr(aws: AwsClients, region: string, table: string, now: Date, rpoMs: number): Promise<CheckOutcome> {
  const read = await readPitr(aws, region, table);
  // Not being able to look is a failed check: nobody knows whether the table is restorable.
  if (!read.ok) return { ok: false, detail: `could not check ${table}: ${read.error}`, facts: { error: read.error } };
  return judgePitr(table, read.value, now, rpoMs);
}
