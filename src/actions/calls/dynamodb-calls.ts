import type {
  CreateBackupCommandInput,
  DescribeContinuousBackupsCommandInput,
  DescribeTableCommandInput,
  ListBackupsCommandInput,
  RestoreTableToPointInTimeCommandInput,
} from '@aws-sdk/client-dynamodb';
import { awsCli, call, type Call } from './planned';

/** The DynamoDB calls of the catalogue: one builder each, shared by plan() and run(). */

export function describeContinuousBackups(region: string, table: string): Call<DescribeContinuousBackupsCommandInput> {
  const input = { TableName: table };
  return call('dynamodb', region, 'DescribeContinuousBackups', input, awsCli('dynamodb', 'describe-continuous-backups', [['table-name', table]], region), false);
}

export function describeTable(region: string, table: string, note?: string): Call<DescribeTableCommandInput> {
  const input = { TableName: table };
  return call('dynamodb', region, 'DescribeTable', input, awsCli('dynamodb', 'describe-table', [['table-name', table]], region), false, note);
}

/** Only USER backups made since `since`: the retry check must not mistake the 02:00 scheduled backup for ours. */
export function listBackups(region: string, table: string, since: Date, exclusiveStartBackupArn?: string): Call<ListBackupsCommandInput> {
  const input: ListBackupsCommandInput = { TableName: table, BackupType: 'USER', TimeRangeLowerBound: since };
  if (exclusiveStartBackupArn !== undefined) input.ExclusiveStartBackupArn = exclusiveStartBackupArn;
  const cli = awsCli(
    'dynamodb',
    'list-backups',
    [['table-name', table], ['backup-type', 'USER'], ['time-range-lower-bound', since.toISOString()], ['exclusive-start-backup-arn', exclusiveStartBackupArn]],
    region,
  );
  return call('dynamodb', region, 'ListBackups', input, cli, false);
}

export function createBackup(region: string, table: string, backupName: string): Call<CreateBackupCommandInput> {
  const input = { TableName: table, BackupName: backupName };
  return call('dynamodb', region, 'CreateBackup', input, awsCli('dynamodb', 'create-backup', [['table-name', table], ['backup-name', backupName]], region), true);
}

/** `at` undefined → the latest restorable time (about five minutes before now). */
export function restoreToPointInTime(region: string, source: string, target: string, at: Date | undefined): Call<RestoreTableToPointInTimeCommandInput> {
  const input: RestoreTableToPointInTimeCommandInput =
    at === undefined
      ? { SourceTableName: source, TargetTableName: target, UseLatestRestorableTime: true }
      : { SourceTableName: source, TargetTableName: target, RestoreDateTime: at };
  const cli = awsCli(
    'dynamodb',
    'restore-table-to-point-in-time',
    [
      ['source-table-name', source],
      ['target-table-name', target],
      at === undefined ? ['use-latest-restorable-time', true] : ['restore-date-time', at.toISOString()],
    ],
    region,
  );
  return call('dynamodb', region, 'RestoreTableToPointInTime', input, cli, true);
}
