import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../../observability/logger';

/**
 * A job is retried for about an hour, and a failed one can be retried by hand
 * for a week (removeOnFail); a month covers both with room to spare, and keys
 * are a few dozen bytes each.
 */
const TTL_SECONDS = 30 * 24 * 3600;
const PENDING = 'pending:';

/**
 * - `new`: nobody tried this effect before; go ahead.
 * - `done`: it happened; `ts` is what Slack gave back (a message ts, or `id|name` for a channel).
 * - `pending`: an attempt started at `sinceMs` and never recorded an outcome: it
 *   crashed, failed, or Slack did it and the answer was lost. Look in Slack first.
 */
export type LedgerEntry = { state: 'new' } | { state: 'done'; ts: string } | { state: 'pending'; sinceMs: number };

/**
 * Which Slack effects the bot has already caused, by a key stable across
 * retries of the job that causes them (Slack has no idempotency keys). The
 * `pending` marker is written before the call, so a worker killed mid-call
 * leaves a trace its successor can act on; SET NX makes that atomic across
 * replicas. Redis being away never blocks an effect: the ledger then answers
 * `new`, which is the behaviour without a ledger.
 */
export class SentLedger {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Marks `key` as being attempted, unless an earlier attempt did; says what that attempt left. */
  async begin(key: string): Promise<LedgerEntry> {
    const redisKey = this.redisKey(key);
    try {
      // Twice: the key may expire between the failed SET NX and the GET.
      for (let tries = 0; tries < 2; tries++) {
        if ((await this.redis.set(redisKey, `${PENDING}${this.now()}`, 'EX', TTL_SECONDS, 'NX')) === 'OK') return { state: 'new' };
        const value = await this.redis.get(redisKey);
        if (value !== null) return parse(value);
      }
      return { state: 'new' };
    } catch (err) {
      this.log.warn({ err, key }, 'could not read the Slack sent-ledger; sending as if for the first time');
      return { state: 'new' };
    }
  }

  /**
   * Records the outcome. Not being able to is only logged: the effect happened,
   * and failing the job would repeat it; a retry finds it in Slack instead.
   */
  async done(key: string, ts: string): Promise<void> {
    try {
      await this.redis.set(this.redisKey(key), ts, 'EX', TTL_SECONDS);
    } catch (err) {
      this.log.warn({ err, key }, 'could not record a Slack effect in the sent-ledger');
    }
  }

  private redisKey(key: string): string {
    return `${this.keyPrefix}:slack-sent:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
  }
}

function parse(value: string): LedgerEntry {
  if (!value.startsWith(PENDING)) return { state: 'done', ts: value };
  const sinceMs = Number(value.slice(PENDING.length));
  // Unreadable start time: search from the beginning rather than not at all.
  return { state: 'pending', sinceMs: Number.isFinite(sinceMs) ? sinceMs : 0 };
}
