import { DescribeContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import type { ActionDefinition } from '../action-types';
import { callAws } from '../aws-call';
import { describeContinuousBackups } from '../calls/dynamodb-calls';
import { ParamReader } from '../params';
import { StepLog } from '../step-log';

export interface PitrStatusParams {
  region: string;
  tables: string[];
}

/** The plan's backup monitoring, "PITR status": is point-in-time recovery on, and over which window. Read-only. */
export const pitrStatus: ActionDefinition<PitrStatusParams> = {
  name: 'pitr-status',
  summary: 'Show point-in-time recovery for each table: enabled, earliest and latest restorable time.',
  needsApproval: false,
  usage: 'pitr-status [table=<name>|all]',

  parseParams(args, targets) {
    const reader = new ParamReader(args, ['table']);
    const tables = reader.tables('table', targets, reader.optional('table') ?? 'all', true);
    return reader.result(() => ({ region: targets.region, tables }));
  },

  plan(params) {
    return params.tables.map((table) => describeContinuousBackups(params.region, table).planned);
  },

  // Every table is asked even after one fails: the responder needs the whole picture.
  async run(params, ctx) {
    const log = new StepLog('pitr-status');
    const problems: string[] = [];
    for (const table of params.tables) {
      const { input } = describeContinuousBackups(params.region, table);
      const answer = await callAws('DescribeContinuousBackups', () => ctx.aws.dynamodb(params.region).send(new DescribeContinuousBackupsCommand(input)));
      if (!answer.ok) {
        problems.push(`${table}: ${answer.error}`);
        log.steps.push({ name: table, ok: false, detail: answer.error });
        continue;
      }
      const pitr = answer.value.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
      if (pitr?.PointInTimeRecoveryStatus !== 'ENABLED') {
        problems.push(`${table}: PITR ${pitr?.PointInTimeRecoveryStatus ?? 'unknown'}`);
        log.steps.push({ name: table, ok: false, detail: `PITR ${pitr?.PointInTimeRecoveryStatus ?? 'unknown'}: this table cannot be restored to a point in time` });
        continue;
      }
      const earliest = pitr.EarliestRestorableDateTime?.toISOString() ?? '?';
      const latest = pitr.LatestRestorableDateTime?.toISOString() ?? '?';
      log.ok(table, `PITR ENABLED; restorable from ${earliest} to ${latest}`);
    }
    if (problems.length > 0) return { ok: false, summary: `pitr-status: ${problems.join('; ')}`, steps: log.steps };
    return log.done(`PITR enabled on ${params.tables.length} table(s)`);
  },
};
