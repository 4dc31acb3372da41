import type { DeleteBackupCommandInput, DeleteTableCommandInput, ListBackupsCommandInput } from '@aws-sdk/client-dynamodb';
import { awsCli, call, type Call } from '../../actions/calls/planned';

/** The guards' DynamoDB calls the catalogue does not already build; one builder each, shared by dry run and run. */

export interface ListOptions {
  /** USER: made by CreateBackup (the bot's kind); ALL: also AWS Backup's and SYSTEM ones. */
  backupType: 'USER' | 'ALL';
  /** Only backups created before this (retention asks for the expired ones only). */
  before?: Date;
  startArn?: string;
}

export function listTableBackups(region: string, table: string, opts: ListOptions): Call<ListBackupsCommandInput> {
  const input: ListBackupsCommandInput = { TableName: table, BackupType: opts.backupType };
  if (opts.before !== undefined) input.TimeRangeUpperBound = opts.before;
  if (opts.startArn !== undefined) input.ExclusiveStartBackupArn = opts.startArn;
  const cli = awsCli(
    'dynamodb',
    'list-backups',
    [['table-name', table], ['backup-type', opts.backupType], ['time-range-upper-bound', opts.before?.toISOString()], ['exclusive-start-backup-arn', opts.startArn]],
    region,
  );
  return call('dynamodb', region, 'ListBackups', input, cli, false);
}

export function deleteBackup(region: string, backupArn: string): Call<DeleteBackupCommandInput> {
  const input = { BackupArn: backupArn };
  return call('dynamodb', region, 'DeleteBackup', input, awsCli('dynamodb', 'delete-backup', [['backup-arn', backupArn]], region), true);
}

export function deleteTable(region: string, table: string): Call<DeleteTableCommandInput> {
  const input = { TableName: table };
  return call('dynamodb', region, 'DeleteTable', input, awsCli('dynamodb', 'delete-table', [['table-name', table]], region), true);
}
