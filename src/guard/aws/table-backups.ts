import { ListBackupsCommand, type BackupSummary } from '@aws-sdk/client-dynamodb';
import type { AwsClients } from '../../actions/action-types';
import { callAws, type AwsOutcome } from '../../actions/aws-call';
import { listTableBackups, type ListOptions } from './backup-calls';

// 100 backups a page: 20 pages is years of daily backups; more means something else is wrong.
const MAX_PAGES = 20;

/** Every backup ListBackups reports for one table, following LastEvaluatedBackupArn. */
export async function readBackups(aws: AwsClients, region: string, table: string, opts: Omit<ListOptions, 'startArn'>): Promise<AwsOutcome<BackupSummary[]>> {
  const all: BackupSummary[] = [];
  let startArn: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { input } = listTableBackups(region, table, { ...opts, startArn });
    const answer = await callAws('ListBackups', () => aws.dynamodb(region).send(new ListBackupsCommand(input)));
    if (!answer.ok) return answer;
    all.push(...(answer.value.BackupSummaries ?? []));
    startArn = answer.value.LastEvaluatedBackupArn;
    if (startArn === undefined) return { ok: true, value: all };
  }
  return { ok: false, errorName: 'TooManyPages', error: `ListBackups: more than ${MAX_PAGES} pages of backups for ${table}` };
}

/**
 * The newest backup that can be restored from: AVAILABLE, and not a SYSTEM
 * backup (those belong to a deleted table of the same name).
 */
export function newestCompleted(backups: readonly BackupSummary[]): BackupSummary | undefined {
  let newest: BackupSummary | undefined;
  for (const backup of backups) {
    if (backup.BackupStatus !== 'AVAILABLE' || backup.BackupType === 'SYSTEM' || backup.BackupCreationDateTime === undefined) continue;
    if (newest?.BackupCreationDateTime === undefined || backup.BackupCreationDateTime > newest.BackupCreationDateTime) newest = backup;
  }
  return newest;
}
