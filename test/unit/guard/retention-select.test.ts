import type { BackupSummary } from '@aws-sdk/client-dynamodb';
import { isOwnBackup, selectExpired } from '../../../src/guard/backup/select-expired';

const T = 'lightningtalk-circle-prod-users';
const NOW = new Date('2025-07-11T03:00:00Z');
const DAY = 86_400_000;
const CUTOFF = new Date(NOW.getTime() - 30 * DAY);

function backup(name: string, ageDays: number, extra: Partial<BackupSummary> = {}): BackupSummary {
  return { TableName: T, BackupName: name, BackupArn: `arn:${name}`, BackupType: 'USER', BackupStatus: 'AVAILABLE', BackupCreationDateTime: new Date(NOW.getTime() - ageDays * DAY), ...extra };
}

describe('retention: which backups are the bot’s to delete', () => {
  it('recognises its own by name <table>-backup-<yyyymmdd> and type USER only', () => {
    expect(isOwnBackup(T, backup(`${T}-backup-20250601`, 40))).toBe(true);
    expect(isOwnBackup(T, backup(`${T}-backup-2025060`, 40))).toBe(false);
    expect(isOwnBackup(T, backup(`${T}-backup-20250601-manual`, 40))).toBe(false);
    expect(isOwnBackup(T, backup(`before-migration`, 40))).toBe(false);
    expect(isOwnBackup(T, backup(`${T}-backup-20250601`, 40, { BackupType: 'AWS_BACKUP' }))).toBe(false);
    // Another table's backup of the right shape is not this table's.
    expect(isOwnBackup(T, backup(`${T}-backup-20250601`, 40, { TableName: 'other' }))).toBe(false);
    expect(isOwnBackup(T, backup(`lightningtalk-circle-prod-users-x-backup-20250601`, 40))).toBe(false);
  });

  it('selects its own completed backups older than the retention, oldest first', () => {
    const listed = [
      backup(`${T}-backup-20250530`, 42),
      backup(`${T}-backup-20250601`, 40),
      backup(`${T}-backup-20250710`, 1),
      backup('hand-made-before-migration', 90),
      backup(`${T}-backup-20250501`, 70, { BackupStatus: 'DELETED' }),
    ];
    expect(selectExpired(T, listed, CUTOFF).map((b) => b.BackupName)).toEqual([`${T}-backup-20250530`, `${T}-backup-20250601`]);
  });

  it('always keeps the newest of its own, however old, so a table is never left without one', () => {
    const listed = [backup(`${T}-backup-20250501`, 70), backup(`${T}-backup-20250530`, 42)];
    expect(selectExpired(T, listed, CUTOFF).map((b) => b.BackupName)).toEqual([`${T}-backup-20250501`]);
  });
});
