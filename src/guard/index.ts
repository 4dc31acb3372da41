import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppContext } from '../app/context';
import { guardGaugeRefresher } from './guard-gauges';
import type { GuardJob } from './guard-job';
import { MemoryGuardState, type GuardState } from './guard-state';
import { RedisGuardState } from './redis-guard-state';
import { runGuardJob } from './run-guard-job';
import { registerSchedules } from './schedule/register-schedules';

/**
 * The guards of the plan's promises: scheduled backups and retention, PITR and
 * backup checks, restore drills, the weekly summary. Wired at start-up:
 * the job handler, the schedulers, and the gauges read at scrape time.
 */
export interface Guard {
  state: GuardState;
  handle(job: GuardJob, jobKey: string): Promise<string>;
  /** Registers (or removes) the policy's schedulers; every replica calls this at start. */
  schedule(queue: Queue): Promise<void>;
}

export function createGuard(app: AppContext, redis?: { client: Redis; prefix: string }): Guard {
  const state: GuardState = redis ? new RedisGuardState(redis.client, redis.prefix) : new MemoryGuardState();
  app.metrics.guardGauges.refresh = guardGaugeRefresher(app.metrics, state, app.clock, app.log);
  const g = { app, state };
  return {
    state,
    handle: (job, jobKey) => runGuardJob(g, job, jobKey),
    schedule: async (queue) => void (await registerSchedules(queue, app.policy.schedules, app.log)),
  };
}

export type { GuardJob } from './guard-job';
