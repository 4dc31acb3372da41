import { formatBackupsTable } from '../../../src/guard/report/format-backups';
import { dataLossMs, type TableStatus } from '../../../src/guard/report/table-status';

const NOW = new Date('2025-07-11T03:30:00Z');
const H = 3_600_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('/incident backups table', () => {
  const rows: TableStatus[] = [
    { table: 'events', pitr: 'ENABLED', latestRestorable: ago(5 * 60_000), newestBackup: { name: 'events-backup-20250711', at: ago(H + 30 * 60_000) }, errors: [] },
    { table: 'users', pitr: 'DISABLED', newestBackup: { name: 'users-backup-20250710', at: ago(25 * H) }, errors: [] },
    { table: 'talks', pitr: 'DISABLED', errors: [] },
    { table: 'votes', pitr: '?', errors: ['DescribeContinuousBackups failed: AccessDeniedException: no'] },
  ];

  it('judges each table by what a restore now would lose: the better of PITR and the newest backup', () => {
    expect(rows.map((r) => dataLossMs(r, NOW))).toEqual([5 * 60_000, 25 * H, undefined, undefined]);
  });

  it('shows one aligned row per table with the verdict against the RPO, and what could not be read', () => {
    const lines = formatBackupsTable(rows, NOW, H).split('\n');
    expect(lines[0]).toBe('*Backups* against the RPO of 1h (verdict: how much a restore now would lose, from PITR or the newest backup)');
    expect(lines.slice(2, 7)).toEqual([
      'table   PITR      latest restorable     newest backup                                  age     verdict',
      'events  ENABLED   2025-07-11 03:25 UTC  events-backup-20250711 (2025-07-11 02:00 UTC)  1h 30m  OK (loses ≤ 5m)',
      'users   DISABLED  —                     users-backup-20250710 (2025-07-10 02:30 UTC)   25h     AT RISK: loses 25h',
      'talks   DISABLED  —                     none                                           —       AT RISK: nothing to restore',
      'votes   ?         —                     none                                           —       UNKNOWN',
    ]);
    expect(lines.slice(-2)).toEqual(['Could not read:', '• votes: DescribeContinuousBackups failed: AccessDeniedException: no']);
  });
});
