import { Redis } from 'ioredis';
import { RedisGuardState } from '../../../src/guard/redis-guard-state';
import { deletePrefix, REDIS_URL, uniquePrefix } from '../../support/redis-cleanup';

describe('the guards’ state in Redis, shared by replicas', () => {
  const prefix = uniquePrefix('guard-state');
  const redis = new Redis(REDIS_URL);
  // Two replicas: two connections, one Redis.
  const other = new Redis(REDIS_URL);
  const a = new RedisGuardState(redis, prefix);
  const b = new RedisGuardState(other, prefix);
  afterAll(async () => {
    await deletePrefix(prefix);
    redis.disconnect();
    other.disconnect();
  });

  it('shows every replica the last result of each check and table', async () => {
    await a.recordCheck({ check: 'pitr', table: 't1', ok: false, at: '2025-07-11T03:05:00.000Z', detail: 'PITR DISABLED' });
    await b.recordCheck({ check: 'pitr', table: 't1', ok: true, at: '2025-07-11T04:05:00.000Z', detail: 'fine' });
    await b.recordCheck({ check: 'backup', table: 't1', ok: true, at: '2025-07-11T04:30:00.000Z', detail: 'fresh' });
    await a.recordNewestBackup('t1', '2025-07-11T02:00:00.000Z');
    await a.recordNewestBackup('t2', null);
    expect((await a.checks()).sort((x, y) => x.check.localeCompare(y.check))).toEqual([
      { check: 'backup', table: 't1', ok: true, at: '2025-07-11T04:30:00.000Z', detail: 'fresh' },
      { check: 'pitr', table: 't1', ok: true, at: '2025-07-11T04:05:00.000Z', detail: 'fine' },
    ]);
    expect([...(await b.newestBackups())].sort()).toEqual([['t1', '2025-07-11T02:00:00.000Z'], ['t2', null]]);
  });

  it('gives a drill table name to one run: the same run resumes, another is told who holds it, only the holder frees it', async () => {
    expect(await a.claimDrill('t1-drill-20250711', 'run-1', 60_000)).toEqual({ outcome: 'claimed' });
    expect(await b.claimDrill('t1-drill-20250711', 'run-1', 60_000)).toEqual({ outcome: 'resumed' });
    expect(await b.claimDrill('t1-drill-20250711', 'run-2', 60_000)).toEqual({ outcome: 'held', by: 'run-1' });
    await b.releaseDrill('t1-drill-20250711', 'run-2');
    expect(await b.claimDrill('t1-drill-20250711', 'run-2', 60_000)).toEqual({ outcome: 'held', by: 'run-1' });
    await a.releaseDrill('t1-drill-20250711', 'run-1');
    expect(await b.claimDrill('t1-drill-20250711', 'run-2', 60_000)).toEqual({ outcome: 'claimed' });
  });

  it('keeps a finished drill report for a retry to post again', async () => {
    expect(await a.drillReport('run-9')).toBeUndefined();
    await a.saveDrillReport('run-9', '*Restore drill PASSED*', 60_000);
    expect(await b.drillReport('run-9')).toBe('*Restore drill PASSED*');
  });
});
