import type { Redis } from 'ioredis';
import { checkField, type CheckRecord, type DrillClaim, type GuardState } from './guard-state';

// Compare-and-delete: a drill frees only its own claim, never a later drill's.
const RELEASE_IF_HELD = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

/**
 * GuardState in the bot's Redis, under the queue prefix (so a `{hash tag}`
 * prefix keeps every key in one Redis Cluster slot, and a test's prefix
 * cleanup removes them).
 */
export class RedisGuardState implements GuardState {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(name: string): string {
    return `${this.prefix}:guard:${name}`;
  }

  async recordCheck(record: CheckRecord): Promise<void> {
    await this.redis.hset(this.key('checks'), checkField(record.check, record.table), JSON.stringify(record));
  }

  async checks(): Promise<CheckRecord[]> {
    const all = await this.redis.hgetall(this.key('checks'));
    return Object.values(all).flatMap((text) => {
      const record = parseRecord(text);
      return record ? [record] : [];
    });
  }

  async recordNewestBackup(table: string, createdAt: string | null): Promise<void> {
    await this.redis.hset(this.key('newest-backups'), table, createdAt ?? '');
  }

  async newestBackups(): Promise<Map<string, string | null>> {
    const all = await this.redis.hgetall(this.key('newest-backups'));
    return new Map(Object.entries(all).map(([table, at]) => [table, at === '' ? null : at]));
  }

  async claimDrill(target: string, runId: string, ttlMs: number): Promise<DrillClaim> {
    const key = this.key(`drill:${target}`);
    const set = await this.redis.set(key, runId, 'PX', ttlMs, 'NX');
    if (set === 'OK') return { outcome: 'claimed' };
    const holder = await this.redis.get(key);
    if (holder === runId) return { outcome: 'resumed' };
    // Expired between the two calls: try once more rather than report a holder that is gone.
    if (holder === null) return (await this.redis.set(key, runId, 'PX', ttlMs, 'NX')) === 'OK' ? { outcome: 'claimed' } : { outcome: 'held', by: 'another drill' };
    return { outcome: 'held', by: holder };
  }

  async releaseDrill(target: string, runId: string): Promise<void> {
    await this.redis.eval(RELEASE_IF_HELD, 1, this.key(`drill:${target}`), runId);
  }

  async saveDrillReport(runId: string, text: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.key(`drill-report:${runId}`), text, 'PX', ttlMs);
  }

  async drillReport(runId: string): Promise<string | undefined> {
    return (await this.redis.get(this.key(`drill-report:${runId}`))) ?? undefined;
  }
}

function parseRecord(text: string): CheckRecord | undefined {
  try {
    const value = JSON.parse(text) as Partial<CheckRecord>;
    if (typeof value.check !== 'string' || typeof value.table !== 'string' || typeof value.ok !== 'boolean') return undefined;
    return { check: value.check, table: value.table, ok: value.ok, at: String(value.at ?? ''), detail: String(value.detail ?? '') };
  } catch {
    // A row written by a newer version in a shape this one cannot read: skip it, it is rewritten on the next run.
    return undefined;
  }
}
