import { judgeBackups, FRESH_BACKUP_MS } from '../../../src/guard/checks/backup-check';
import { checkSignal } from '../../../src/guard/checks/check-signal';
import { judgePitr } from '../../../src/guard/checks/pitr-check';
import { newestCompleted } from '../../../src/guard/aws/table-backups';
import { tickTime } from '../../../src/guard/tick';

const NOW = new Date('2025-07-11T03:30:00Z');
const H = 3_600_000;
const T = 'lightningtalk-circle-prod-events';
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('PITR check', () => {
  it('passes with PITR on and the latest restorable time within the RPO', () => {
    const outcome = judgePitr(T, { PointInTimeRecoveryStatus: 'ENABLED', LatestRestorableDateTime: ago(5 * 60_000) }, NOW, H);
    expect(outcome).toEqual({ ok: true, detail: `PITR enabled on ${T}; latest restorable time 5m ago, within the RPO of 1h`, facts: expect.objectContaining({ restorePointAge: '5m' }) });
  });

  it('fails with PITR off, or missing', () => {
    expect(judgePitr(T, { PointInTimeRecoveryStatus: 'DISABLED' }, NOW, H)).toMatchObject({ ok: false, detail: `point-in-time recovery is DISABLED on ${T}: it cannot be restored to a point in time` });
    expect(judgePitr(T, undefined, NOW, H)).toMatchObject({ ok: false, detail: expect.stringContaining('unknown') });
  });

  it('fails when the latest restorable time is older than the RPO (and passes exactly at it)', () => {
    expect(judgePitr(T, { PointInTimeRecoveryStatus: 'ENABLED', LatestRestorableDateTime: ago(H + 60_000) }, NOW, H)).toMatchObject({
      ok: false,
      detail: `the latest restorable time of ${T} is 1h 1m old, beyond the RPO of 1h`,
    });
    expect(judgePitr(T, { PointInTimeRecoveryStatus: 'ENABLED', LatestRestorableDateTime: ago(H) }, NOW, H).ok).toBe(true);
  });
});

describe('backup check', () => {
  const backup = (name: string, ageMs: number, status: 'AVAILABLE' | 'CREATING' = 'AVAILABLE', type: 'USER' | 'SYSTEM' | 'AWS_BACKUP' = 'USER') => ({
    BackupName: name,
    BackupStatus: status,
    BackupType: type,
    BackupCreationDateTime: ago(ageMs),
    TableName: T,
  });

  it('takes the newest AVAILABLE backup that is not a SYSTEM one', () => {
    const newest = newestCompleted([backup('a', 30 * H), backup('b', 2 * H), backup('c', H, 'CREATING'), backup('d', 10 * 60_000, 'AVAILABLE', 'SYSTEM'), backup('e', 3 * H, 'AVAILABLE', 'AWS_BACKUP')]);
    expect(newest?.BackupName).toBe('b');
  });

  it('passes under 26 hours, fails over it and with no backup at all', () => {
    expect(judgeBackups(T, backup('b', 25 * H), NOW).ok).toBe(true);
    expect(judgeBackups(T, backup('b', FRESH_BACKUP_MS + 60_000), NOW)).toMatchObject({ ok: false, detail: `the newest completed backup of ${T} (b) is 26h 1m old, more than 26h` });
    expect(judgeBackups(T, undefined, NOW)).toMatchObject({ ok: false, detail: `${T} has no completed (AVAILABLE) backup at all` });
  });
});

describe('check results as alarms', () => {
  it('uses one dedup key per check and table, and the run in the delivery id', () => {
    const failing = checkSignal('pitr', T, { ok: false, detail: 'PITR is DISABLED', facts: { pitr: 'DISABLED' } }, 'incidents/repeat:guard-pitrCheck:1752204300000', NOW);
    expect(failing).toEqual({
      source: 'irbot-check',
      deliveryId: `incidents/repeat:guard-pitrCheck:1752204300000|check:pitr:${T}`,
      dedupKey: `check:pitr:${T}`,
      state: 'alarm',
      title: 'PITR check failed: PITR is DISABLED',
      details: { check: 'PITR check', table: T, result: 'PITR is DISABLED', checkedAt: NOW.toISOString(), pitr: 'DISABLED' },
      occurredAt: NOW.toISOString(),
    });
    expect(checkSignal('backup', T, { ok: true, detail: 'fine', facts: {} }, 'r', NOW)).toMatchObject({ state: 'ok', dedupKey: `check:backup:${T}` });
  });

  it('reads the tick time from a scheduler job id, and falls back for other jobs', () => {
    expect(tickTime('incidents/repeat:guard-backup:1752166800000', NOW).toISOString()).toBe('2025-07-10T17:00:00.000Z');
    expect(tickTime('incidents/drill-x-1', NOW)).toBe(NOW);
  });
});
