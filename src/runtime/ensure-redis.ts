import type { ChildProcess } from 'node:child_process';
import type { Config } from '../config/load-config';
import type { Logger } from '../observability/logger';
import { redisAnswers, redisServerInstalled, startLocalRedis } from './local-redis';

/**
 * Makes sure BullMQ's Redis answers before anything starts. In local mode with
 * the default address, a missing Redis is started for this process when
 * `redis-server` is installed; otherwise start-up stops with what to do.
 */
export async function ensureRedis(config: Readonly<Config>, env: NodeJS.ProcessEnv, log: Logger): Promise<ChildProcess | undefined> {
  if (await redisAnswers(config.redisUrl, 3000)) return undefined;
  const mayStartOwn = !config.slack && !env.REDIS_URL;
  if (mayStartOwn && redisServerInstalled()) {
    const { child } = await startLocalRedis(config.dataDir);
    log.info({ dataDir: config.dataDir }, 'started redis-server for local mode (data kept under DATA_DIR/redis)');
    return child;
  }
  const hint = mayStartOwn
    ? 'install Redis (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) and run npm start again'
    : 'check REDIS_URL and that Redis is running and reachable';
  throw new Error(`Redis is not answering at ${config.redisUrl}: ${hint}.`);
}
