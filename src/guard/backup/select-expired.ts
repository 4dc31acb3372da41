import type { BackupSummary } from '@aws-sdk/client-dynamodb';

/**
 * Is this backup one the bot made? Its own backups are USER backups named
 * `<table>-backup-<yyyymmdd>` of a target table (the name the daily job and the
 * dynamodb-backup action give). Anything else — AWS Backup's, SYSTEM,
 * a hand-made backup with another name — is never the bot's to delete.
 */
export function isOwnBackup(table: string, backup: BackupSummary): boolean {
  if (backup.BackupType !== 'USER' || backup.TableName !== table) return false;
  const name = backup.BackupName ?? '';
  const prefix = `${table}-backup-`;
  return name.startsWith(prefix) && /^\d{8}$/.test(name.slice(prefix.length));
}

/**
 * The bot's own completed backups created before `cutoff`, oldest first,
 * except the table's newest own completed backup, which is always kept so a
 * run of failed daily backups can never leave the table with none.
 */
export function selectExpired(table: string, backups: readonly BackupSummary[], cutoff: Date): BackupSummary[] {
  const own = backups
    .filter((b) => isOwnBackup(table, b) && b.BackupStatus === 'AVAILABLE' && b.BackupCreationDateTime !== undefined && b.BackupArn !== undefined)
    .sort((a, b) => (a.BackupCreationDateTime?.getTime() ?? 0) - (b.BackupCreationDateTime?.getTime() ?? 0));
  const newest = own[own.length - 1];
  return own.filter((b) => b !== newest && (b.BackupCreationDateTime?.getTime() ?? Infinity) < cutoff.getTime());
}
