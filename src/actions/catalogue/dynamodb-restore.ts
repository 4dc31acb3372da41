import { DescribeContinuousBackupsCommand, RestoreTableToPointInTimeCommand } from '@aws-sdk/client-dynamodb';
import type { ActionDefinition, ActionReport, ActionRunContext } from '../action-types';
import { callAws } from '../aws-call';
import { describeContinuousBackups, describeTable, restoreToPointInTime } from '../calls/dynamodb-calls';
import { restoreRisk } from '../dynamodb/restore-risk';
import { ACTIVE_CHECKS, ACTIVE_INTERVAL_MS, ACTIVE_NOTE, activeCheck, readTable } from '../dynamodb/table-state';
import { restoredTableName, utcMinute } from '../names';
import { ParamReader } from '../params';
import { pollUntil } from '../poll';
import { StepLog } from '../step-log';

export interface DynamodbRestoreParams {
  region: string;
  source: string;
  target: string;
  /** ISO restore point; null → the latest restorable time. */
  at: string | null;
  requestedAt: string;
  drill: boolean;
}

const PITR_WINDOW_MS = 35 * 24 * 60 * 60_000;
const NOT_COPIED = 'auto scaling, TTL, streams, tags, PITR and alarms are not copied by a restore: set them on the new table before switching';

/**
 * Level 2, step 1 of the plan: `aws dynamodb restore-table-to-point-in-time`
 * into a new table. The source table is only read (its PITR window); the
 * restore always creates `<table>-restored-<yyyymmddHHMM>` from the request
 * time, so a retry finds the table it already asked for instead of a second one.
 */
export const dynamodbRestore: ActionDefinition<DynamodbRestoreParams> = {
  name: 'dynamodb-restore',
  summary: 'Restore a table to a point in time into <table>-restored-<yyyymmddHHMM> and wait until it is ACTIVE.',
  needsApproval: true,
  usage: 'dynamodb-restore table=<name> [at=<ISO time, e.g. 2025-07-11T10:00:00Z>] [drill=true]',

  parseParams(args, targets) {
    const reader = new ParamReader(args, ['table', 'at', 'drill']);
    const [source] = reader.tables('table', targets, reader.required('table', `one of ${targets.dynamodb.tables.join(', ')}`), false);
    const at = reader.time('at', reader.optional('at'));
    const drill = reader.oneOf('drill', reader.optional('drill'), ['true', 'false'] as const) === 'true';
    const requestedAt = reader.requestedAt();
    const requested = new Date(requestedAt);
    if (at !== undefined && !Number.isNaN(requested.getTime())) {
      if (at.getTime() > requested.getTime()) reader.errors.push(`at: ${at.toISOString()} is after the request (${requestedAt}); expected a past time`);
      else if (requested.getTime() - at.getTime() > PITR_WINDOW_MS) reader.errors.push(`at: ${at.toISOString()} is more than 35 days ago, beyond point-in-time recovery`);
    }
    return reader.result(() => ({
      region: targets.region,
      source: source ?? '',
      target: restoredTableName(source ?? '', requested, drill),
      at: at === undefined ? null : at.toISOString(),
      requestedAt,
      drill,
    }));
  },

  plan(params) {
    return [
      describeTable(params.region, params.target).planned,
      describeContinuousBackups(params.region, params.source).planned,
      restoreToPointInTime(params.region, params.source, params.target, atOf(params)).planned,
      describeTable(params.region, params.target, ACTIVE_NOTE).planned,
    ];
  },

  risk(params, _targets, now, rpoMs) {
    if (params.drill) return `Drill: restores ${params.source} into ${params.target}; nothing is switched and no data is lost. Delete ${params.target} after the drill.`;
    return `${restoreRisk(params.source, atOf(params), now, rpoMs)} Writes to ${params.source} after that point are not in ${params.target}.`;
  },

  async run(params, ctx) {
    const log = new StepLog('dynamodb-restore');
    const existing = await readTable(ctx, params.region, params.target);
    if (!existing.ok) return log.fail('DescribeTable', existing.error);
    if (existing.value !== undefined) {
      log.ok('RestoreTableToPointInTime', `skipped: ${params.target} already exists (${existing.value.TableStatus ?? '?'}), made by an earlier attempt of this request; waiting for it`);
    } else {
      const started = await startRestore(params, ctx, log);
      if (started) return started;
    }
    const active = await pollUntil(ctx, {
      what: `${params.target} to be ACTIVE`,
      attempts: ACTIVE_CHECKS,
      intervalMs: ACTIVE_INTERVAL_MS,
      check: activeCheck(ctx, params.region, params.target),
    });
    if (!active.ok) return log.fail('wait for ACTIVE', active.detail);
    log.ok('wait for ACTIVE', `${params.target} is ACTIVE (${active.value.ItemCount ?? '?'} items as last reported)`);
    const point = params.at === null ? 'its latest restorable time' : utcMinute(new Date(params.at));
    const next = params.drill ? 'Drill done: check the data, then delete the table.' : `Next: switch-table table=${params.source} to=${params.target}.`;
    return log.done(`Restored ${params.source} to ${point} into ${params.target}, now ACTIVE; ${NOT_COPIED}. ${next}`);
  },
};

function atOf(params: DynamodbRestoreParams): Date | undefined {
  return params.at === null ? undefined : new Date(params.at);
}

/** Checks the PITR window, then asks for the restore. A report only when it could not start. */
async function startRestore(params: DynamodbRestoreParams, ctx: ActionRunContext, log: StepLog): Promise<ActionReport | undefined> {
  const dynamodb = ctx.aws.dynamodb(params.region);
  const window = await callAws('DescribeContinuousBackups', () =>
    dynamodb.send(new DescribeContinuousBackupsCommand(describeContinuousBackups(params.region, params.source).input)),
  );
  if (!window.ok) return log.fail('DescribeContinuousBackups', window.error);
  const pitr = window.value.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
  if (pitr?.PointInTimeRecoveryStatus !== 'ENABLED') {
    return log.fail('DescribeContinuousBackups', `point-in-time recovery is ${pitr?.PointInTimeRecoveryStatus ?? 'unknown'} on ${params.source}; nothing to restore from`);
  }
  const at = atOf(params);
  const earliest = pitr.EarliestRestorableDateTime;
  const latest = pitr.LatestRestorableDateTime;
  if (at !== undefined && ((earliest && at < earliest) || (latest && at > latest))) {
    return log.fail('DescribeContinuousBackups', `${at.toISOString()} is outside ${params.source}'s restorable window ${earliest?.toISOString() ?? '?'} – ${latest?.toISOString() ?? '?'}`);
  }
  log.ok('DescribeContinuousBackups', `PITR ENABLED on ${params.source}; restorable ${earliest?.toISOString() ?? '?'} – ${latest?.toISOString() ?? '?'}`);
  const { input } = restoreToPointInTime(params.region, params.source, params.target, at);
  const restored = await callAws('RestoreTableToPointInTime', () => dynamodb.send(new RestoreTableToPointInTimeCommand(input)));
  // Another attempt won the race to create the same name: that restore is ours too.
  if (!restored.ok && restored.errorName === 'TableAlreadyExistsException') {
    log.ok('RestoreTableToPointInTime', `${params.target} already exists (a concurrent attempt); waiting for it`);
    return undefined;
  }
  if (!restored.ok) return log.fail('RestoreTableToPointInTime', restored.error);
  log.ok('RestoreTableToPointInTime', `restore of ${params.source} into ${params.target} started (${restored.value.TableDescription?.TableStatus ?? 'CREATING'})`);
  await ctx.progress(`dynamodb-restore: ${params.target} is being created from ${params.source}; this can take from minutes to hours`);
  return undefined;
}
