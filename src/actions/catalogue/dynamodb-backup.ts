import { CreateBackupCommand, ListBackupsCommand, type BackupSummary } from '@aws-sdk/client-dynamodb';
import type { ActionDefinition, ActionRunContext } from '../action-types';
import { callAws, type AwsOutcome } from '../aws-call';
import { createBackup, listBackups } from '../calls/dynamodb-calls';
import { backupName, yyyymmdd } from '../names';
import { ParamReader } from '../params';
import { StepLog } from '../step-log';

export interface DynamodbBackupParams {
  region: string;
  tables: string[];
  requestedAt: string;
}

// A table has a handful of user backups a day; more pages than this means something else is wrong.
const MAX_LIST_PAGES = 20;

/** The plan's daily snapshot (`aws dynamodb create-backup`), on demand: one table or all six. */
export const dynamodbBackup: ActionDefinition<DynamodbBackupParams> = {
  name: 'dynamodb-backup',
  summary: 'Create an on-demand backup <table>-backup-<yyyymmdd> of one table or of all of them.',
  needsApproval: true,
  usage: 'dynamodb-backup table=<name>|all',

  parseParams(args, targets) {
    const reader = new ParamReader(args, ['table']);
    const tables = reader.tables('table', targets, reader.required('table', `a table name or all; one of ${targets.dynamodb.tables.join(', ')}`), true);
    const requestedAt = reader.requestedAt();
    return reader.result(() => ({ region: targets.region, tables, requestedAt }));
  },

  plan(params) {
    const since = new Date(params.requestedAt);
    return params.tables.flatMap((table) => [
      { ...listBackups(params.region, table, since).planned, note: 'repeated with ExclusiveStartBackupArn while LastEvaluatedBackupArn is set' },
      createBackup(params.region, table, backupName(table, since)).planned,
    ]);
  },

  // One table's failure does not stop the others: five fresh backups beat none.
  async run(params, ctx) {
    const log = new StepLog('dynamodb-backup');
    const since = new Date(params.requestedAt);
    const failed: string[] = [];
    for (const table of params.tables) {
      const name = backupName(table, since);
      const existing = await findOwnBackup(ctx, params.region, table, name, since);
      if (!existing.ok) {
        failed.push(table);
        log.steps.push({ name: table, ok: false, detail: existing.error });
        continue;
      }
      if (existing.value !== undefined) {
        log.ok(table, `skipped: ${name} already made for this request (${existing.value.BackupStatus ?? '?'}, ${existing.value.BackupArn ?? ''})`);
        continue;
      }
      const { input } = createBackup(params.region, table, name);
      const created = await callAws('CreateBackup', () => ctx.aws.dynamodb(params.region).send(new CreateBackupCommand(input)));
      if (!created.ok) {
        failed.push(table);
        log.steps.push({ name: table, ok: false, detail: created.error });
        continue;
      }
      const details = created.value.BackupDetails;
      log.ok(table, `${name}: ${details?.BackupStatus ?? 'requested'} (${details?.BackupArn ?? 'no ARN returned'})`);
    }
    if (failed.length > 0) return { ok: false, summary: `dynamodb-backup failed for ${failed.join(', ')}; see the steps`, steps: log.steps };
    return log.done(`backed up ${params.tables.length} table(s) as <table>-backup-${yyyymmdd(since)}`);
  },
};

/**
 * Retry check: a user backup of this name made since the request is ours
 * from an earlier attempt. Older ones of the same name (the 02:00 job's)
 * do not count, or a backup asked for during an incident would be skipped.
 */
async function findOwnBackup(ctx: ActionRunContext, region: string, table: string, name: string, since: Date): Promise<AwsOutcome<BackupSummary | undefined>> {
  let start: string | undefined;
  for (let page = 0; page < MAX_LIST_PAGES; page += 1) {
    const { input } = listBackups(region, table, since, start);
    const answer = await callAws('ListBackups', () => ctx.aws.dynamodb(region).send(new ListBackupsCommand(input)));
    if (!answer.ok) return answer;
    const found = answer.value.BackupSummaries?.find((backup) => backup.BackupName === name);
    if (found !== undefined) return { ok: true, value: found };
    start = answer.value.LastEvaluatedBackupArn;
    if (start === undefined) return { ok: true, value: undefined };
  }
  return { ok: false, errorName: 'TooManyPages', error: `ListBackups: more than ${MAX_LIST_PAGES} pages of backups for ${table} since ${since.toISOString()}; not creating another` };
}
