import { RestoreTableToPointInTimeCommand, type TableDescription } from '@aws-sdk/client-dynamodb';
import type { ActionRunContext } from '../../actions/action-types';
import { callAws } from '../../actions/aws-call';
import { restoreToPointInTime } from '../../actions/calls/dynamodb-calls';
import { ACTIVE_INTERVAL_MS, activeCheck, readTable } from '../../actions/dynamodb/table-state';
import { pollUntil } from '../../actions/poll';
import { StepLog } from '../../actions/step-log';
import { readPitr } from '../checks/pitr-check';
import { removeDrillTable } from './remove-drill-table';
import { compareItemCounts, compareKeySchema } from './drill-compare';

export type DrillContext = Pick<ActionRunContext, 'aws' | 'sleep' | 'progress' | 'now'>;

export interface DrillSpec {
  region: string;
  source: string;
  target: string;
  /** True when this run claimed the name before (a retry): an existing target is its own. */
  resumed: boolean;
  rtoMs: number;
  rpoMs: number;
}

export interface DrillOutcome {
  pass: boolean;
  log: StepLog;
  restoreMs?: number;
  restorePoint?: Date;
  /** When the restore was asked for (the data-loss window ends here). */
  restoreAskedAt?: Date;
  /** False when no drill table is left (never created, or deleted). */
  tableLeft: boolean;
}

/**
 * A live drill: restore the source to its latest restorable time into the
 * drill table, wait (bounded by the RTO) until it is ACTIVE, compare it with
 * the source, delete it. Any failure after the restore was asked for still
 * deletes the drill table, so a failed drill leaves nothing behind.
 */
export async function runLiveDrill(ctx: DrillContext, spec: DrillSpec): Promise<DrillOutcome> {
  const log = new StepLog('drill');
  const failed = (step: string, detail: string): DrillOutcome => (log.fail(step, detail), { pass: false, log, tableLeft: false });
  const source = await readTable(ctx, spec.region, spec.source);
  if (!source.ok || source.value === undefined) return failed('DescribeTable (source)', source.ok ? `${spec.source} does not exist` : source.error);
  log.ok('DescribeTable (source)', `${spec.source}: ${source.value.TableStatus ?? '?'}, about ${source.value.ItemCount ?? '?'} item(s)`);
  const existing = await readTable(ctx, spec.region, spec.target);
  if (!existing.ok) return failed('DescribeTable (drill table)', existing.error);

  let askedAt: Date;
  let restorePoint: Date | undefined;
  if (existing.value !== undefined) {
    // Someone else's table of that name (or a drill of another run): never touched, never deleted.
    if (!spec.resumed) {
      const why = existing.value.TableStatus === 'DELETING' ? 'is still being deleted after an earlier drill; try again in a few minutes' : `already exists (${existing.value.TableStatus ?? '?'}) and was not made by this drill; not touching it`;
      return failed('DescribeTable (drill table)', `${spec.target} ${why}`);
    }
    log.ok('RestoreTableToPointInTime', `skipped: ${spec.target} was asked for by an earlier attempt of this drill`);
    askedAt = existing.value.CreationDateTime ?? ctx.now();
  } else {
    const pitr = await readPitr(ctx.aws, spec.region, spec.source);
    if (!pitr.ok) return failed('DescribeContinuousBackups', pitr.error);
    if (pitr.value?.PointInTimeRecoveryStatus !== 'ENABLED') return failed('DescribeContinuousBackups', `point-in-time recovery is ${pitr.value?.PointInTimeRecoveryStatus ?? 'unknown'} on ${spec.source}`);
    restorePoint = pitr.value.LatestRestorableDateTime;
    log.ok('DescribeContinuousBackups', `PITR ENABLED; latest restorable time ${restorePoint?.toISOString() ?? '?'}`);
    askedAt = ctx.now();
    const { input } = restoreToPointInTime(spec.region, spec.source, spec.target, undefined);
    const restored = await callAws('RestoreTableToPointInTime', () => ctx.aws.dynamodb(spec.region).send(new RestoreTableToPointInTimeCommand(input)));
    if (!restored.ok) return cleanUp(ctx, spec, log, 'RestoreTableToPointInTime', restored.error);
    log.ok('RestoreTableToPointInTime', `restore of ${spec.source} into ${spec.target} started`);
    await ctx.progress(`drill: restoring ${spec.source} into ${spec.target}`);
  }

  const active = await pollUntil(ctx, {
    what: `${spec.target} to be ACTIVE`,
    attempts: Math.ceil(spec.rtoMs / ACTIVE_INTERVAL_MS) + 1,
    intervalMs: ACTIVE_INTERVAL_MS,
    check: activeCheck(ctx, spec.region, spec.target),
  });
  if (!active.ok) return cleanUp(ctx, spec, log, 'wait for ACTIVE', active.detail);
  const restoreMs = Math.max(0, ctx.now().getTime() - askedAt.getTime());
  // The restore's own record of its point beats the PITR reading taken before it.
  restorePoint = active.value.RestoreSummary?.RestoreDateTime ?? restorePoint;
  log.ok('wait for ACTIVE', `${spec.target} is ACTIVE after ${Math.round(restoreMs / 1000)}s`);

  const verdicts = compare(log, source.value, active.value);
  const removed = await removeDrillTable(ctx, spec.region, spec.target);
  if (removed.ok) log.ok('DeleteTable', removed.detail);
  else log.steps.push({ name: 'DeleteTable', ok: false, detail: removed.detail });
  const withinRto = restoreMs <= spec.rtoMs;
  const withinRpo = restorePoint !== undefined && askedAt.getTime() - restorePoint.getTime() <= spec.rpoMs;
  return { pass: verdicts && removed.ok && withinRto && withinRpo, log, restoreMs, restorePoint, restoreAskedAt: askedAt, tableLeft: !removed.ok };
}

function compare(log: StepLog, source: TableDescription, drill: TableDescription): boolean {
  const counts = compareItemCounts(source.ItemCount, drill.ItemCount);
  const keys = compareKeySchema(source, drill);
  log.steps.push({ name: 'compare item count', ok: counts.ok, detail: counts.detail });
  log.steps.push({ name: 'compare key schema', ok: keys.ok, detail: keys.detail });
  return counts.ok && keys.ok;
}

/** A failure after the restore was asked for: record it, then make sure no drill table stays. */
async function cleanUp(ctx: DrillContext, spec: DrillSpec, log: StepLog, step: string, detail: string): Promise<DrillOutcome> {
  log.fail(step, detail);
  const removed = await removeDrillTable(ctx, spec.region, spec.target);
  log.steps.push({ name: 'clean up', ok: removed.ok, detail: removed.detail });
  return { pass: false, log, tableLeft: !removed.ok };
}
