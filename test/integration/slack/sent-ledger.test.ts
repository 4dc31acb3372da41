import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { SentLedger } from '../../../src/adapters/slack/sent-ledger';
import { createLogger } from '../../../src/observability/logger';
import { deletePrefix, REDIS_URL, uniquePrefix } from '../../support/redis-cleanup';

describe('the Slack sent-ledger in Redis', () => {
  const prefix = uniquePrefix('sent-ledger');
  const redis = new Redis(REDIS_URL);
  const log = createLogger('silent');
  afterAll(async () => {
    await deletePrefix(prefix);
    redis.disconnect();
  });

  it('says new to the first attempt, pending since its start to the next, and done with the ts once recorded', async () => {
    // Two replicas: each its own ledger object, one Redis.
    const a = new SentLedger(redis, prefix, log, () => 1_700_000_000_000);
    const b = new SentLedger(redis, prefix, log, () => 1_700_000_005_000);
    expect(await a.begin('announce:inc-1')).toEqual({ state: 'new' });
    expect(await b.begin('announce:inc-1')).toEqual({ state: 'pending', sinceMs: 1_700_000_000_000 });
    await b.done('announce:inc-1', '1700000001.000100');
    expect(await a.begin('announce:inc-1')).toEqual({ state: 'done', ts: '1700000001.000100' });
    // Another key is its own effect.
    expect(await a.begin('announce:inc-2')).toEqual({ state: 'new' });
  });

  it('keeps each entry under <prefix>:slack-sent:<32 hex> for 30 days', async () => {
    const ledger = new SentLedger(redis, prefix, log);
    await ledger.begin('page:inc-3:0:U0L1AAAA');
    await ledger.done('page:inc-3:0:U0L1AAAA', '1700000002.000200');
    const keys = await redis.keys(`${prefix}:slack-sent:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(new RegExp(`^${prefix}:slack-sent:[0-9a-f]{32}$`));
    const ttls = await Promise.all(keys.map((k) => redis.ttl(k)));
    for (const ttl of ttls) expect(ttl).toBeGreaterThan(29 * 24 * 3600);
  });

  it('answers new, with a warning, when Redis cannot be reached: a page is never held back by the ledger', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    // Nothing listens on port 1; no offline queue and no reconnects, so the call fails at once.
    const away = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    away.on('error', () => undefined);
    const ledger = new SentLedger(away, prefix, createLogger('warn', sink));
    expect(await ledger.begin('announce:inc-4')).toEqual({ state: 'new' });
    await expect(ledger.done('announce:inc-4', '1700000003.000300')).resolves.toBeUndefined();
    expect(lines.some((l) => l.includes('could not read the Slack sent-ledger'))).toBe(true);
    expect(lines.some((l) => l.includes('could not record a Slack effect'))).toBe(true);
    away.disconnect();
  });
});
