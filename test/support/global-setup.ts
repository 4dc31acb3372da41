import { redisAnswers, redisServerInstalled, startLocalRedis } from '../../src/runtime/local-redis';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm test` finds the Redis the tests need, or starts one: CI machines start
 * one before the run; a laptop with redis-server installed gets one here.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await redisAnswers(url)) return;
  if (process.env.REDIS_URL || !redisServerInstalled()) {
    throw new Error(`The tests need Redis and nothing answers at ${url}. Install redis-server (apt-get install redis-server) or set REDIS_URL.`);
  }
  const { child } = await startLocalRedis(mkdtempSync(join(tmpdir(), 'irbot-test-redis-')));
  child.unref();
  (globalThis as { __irbotRedis?: typeof child }).__irbotRedis = child;
}
