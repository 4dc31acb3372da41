import type { Targets } from '../../../escalation/policy-types';
import type { AwsClients } from '../../actions/action-types';
import { readPitr } from '../checks/pitr-check';
import { newestCompleted, readBackups } from '../aws/table-backups';

/** What `/incident backups` shows for one table; errors are kept as text so one failing table does not hide the rest. */
export interface TableStatus {
  table: string;
  pitr: string;
  latestRestorable?: Date;
  newestBackup?: { name: string; at: Date };
  errors: string[];
}

/** Reads PITR and backups of every target table (Describe/List only: safe in dry run). */
export async function readTableStatuses(aws: AwsClients, targets: Targets): Promise<TableStatus[]> {
  return Promise.all(
    targets.dynamodb.tables.map(async (table): Promise<TableStatus> => {
      const [pitr, backups] = await Promise.all([readPitr(aws, targets.region, table), readBackups(aws, targets.region, table, { backupType: 'ALL' })]);
      const status: TableStatus = { table, pitr: '?', errors: [] };
      if (pitr.ok) {
        status.pitr = pitr.value?.PointInTimeRecoveryStatus ?? 'unknown';
        status.latestRestorable = pitr.value?.LatestRestorableDateTime;
      } else status.errors.push(pitr.error);
      if (backups.ok) {
        const newest = newestCompleted(backups.value);
        if (newest?.BackupCreationDateTime) status.newestBackup = { name: newest.BackupName ?? '?', at: newest.BackupCreationDateTime };
      } else status.errors.push(backups.error);
      return status;
    }),
  );
}

/**
 * How much data a restore right now would lose: the better of PITR's latest
 * restorable time (when enabled) and the newest backup. Undefined: nothing to restore from.
 */
export function dataLossMs(status: TableStatus, now: Date): number | undefined {
  const candidates: number[] = [];
  if (status.pitr === 'ENABLED' && status.latestRestorable) candidates.push(now.getTime() - status.latestRestorable.getTime());
  if (status.newestBackup) candidates.push(now.getTime() - status.newestBackup.at.getTime());
  return candidates.length === 0 ? undefined : Math.max(0, Math.min(...candidates));
}
