import type { BackupSummary } from '@aws-sdk/client-dynamodb';
import { formatDuration } from '../../../escalation/duration';
import type { AwsClients } from '../../actions/action-types';
import { newestCompleted, readBackups } from '../aws/table-backups';
import type { CheckOutcome } from './check-outcome';

/** A daily backup plus two hours of slack for a slow or late run. */
export const FRESH_BACKUP_MS = 26 * 60 * 60_000;

export function judgeBackups(table: string, newest: BackupSummary | undefined, now: Date): CheckOutcome {
  if (newest?.BackupCreationDateTime === undefined) {
    return { ok: false, detail: `${table} has no completed (AVAILABLE) backup at all`, facts: { newestBackup: 'none' } };
  }
  const ageMs = Math.max(0, now.getTime() - newest.BackupCreationDateTime.getTime());
  const facts = { newestBackup: newest.BackupName ?? '?', newestBackupAt: newest.BackupCreationDateTime.toISOString(), newestBackupAge: formatDuration(ageMs) };
  if (ageMs > FRESH_BACKUP_MS) {
    return { ok: false, detail: `the newest completed backup of ${table} (${facts.newestBackup}) is ${formatDuration(ageMs)} old, more than ${formatDuration(FRESH_BACKUP_MS)}`, facts };
  }
  return { ok: true, detail: `${table}: newest completed backup ${facts.newestBackup}, ${formatDuration(ageMs)} old`, facts };
}

/** The check, plus the newest backup's time for the backup-age gauge (null: none; undefined: could not look). */
export async function checkBackups(aws: AwsClients, region: string, table: string, now: Date): Promise<{ outcome: CheckOutcome; newestAt: string | null | undefined }> {
  const read = await readBackups(aws, region, table, { backupType: 'ALL' });
  if (!read.ok) return { outcome: { ok: false, detail: `could not check ${table}: ${read.error}`, facts: { error: read.error } }, newestAt: undefined };
  const newest = newestCompleted(read.value);
  return { outcome: judgeBackups(table, newest, now), newestAt: newest?.BackupCreationDateTime?.toISOString() ?? null };
}
