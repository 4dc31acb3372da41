import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../../observability/logger';

/** Slack retries for a few minutes at most; an hour leaves a wide margin. */
const TTL_SECONDS = 3600;

/**
 * Recognises a Slack delivery seen before (Slack resends when it did not get
 * an ack in 3 s, with X-Slack-Retry-Num). SET NX is atomic across replicas and
 * holds even while the first delivery is still being worked on, which a
 * "done" marker written at the end would not.
 */
export class DeliveryDedup {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly log: Logger,
  ) {}

  /** True for the first delivery of `deliveryKey`; false for every repeat. */
  async isFirst(deliveryKey: string, retryNum: number | undefined): Promise<boolean> {
    const key = `${this.keyPrefix}:slack-delivery:${createHash('sha256').update(deliveryKey).digest('hex').slice(0, 32)}`;
    try {
      return (await this.redis.set(key, String(Date.now()), 'EX', TTL_SECONDS, 'NX')) === 'OK';
    } catch (err) {
      // Without Redis, fall back to Slack's own marker: a first delivery is worked on, a retry is not.
      this.log.warn({ err, retryNum }, 'could not record a Slack delivery; deciding by X-Slack-Retry-Num');
      return !retryNum;
    }
  }
}
