import type { Queue } from 'bullmq';
import { SCHEDULE_TASKS, type ScheduleTask, type Schedules } from '../../../escalation/schedule-types';
import type { Logger } from '../../observability/logger';
import type { GuardJob } from '../guard-job';

export const GUARD_JOB = 'guard';
const SCHEDULER_PREFIX = 'guard-';

export function schedulerId(task: ScheduleTask): string {
  return `${SCHEDULER_PREFIX}${task}`;
}

/**
 * Registers the policy's schedules as BullMQ job schedulers. Every replica
 * does this at start: a scheduler is one record per id in Redis, and each
 * tick is one job whose id is derived from the scheduler and the tick time,
 * so however many replicas register it, each tick runs once. A task taken
 * out of the policy has its scheduler removed, so it stops.
 */
export async function registerSchedules(queue: Queue, schedules: Schedules | undefined, log: Logger): Promise<ScheduleTask[]> {
  const tasks = schedules === undefined ? [] : SCHEDULE_TASKS.filter((task) => schedules.tasks[task] !== undefined);
  for (const task of tasks) {
    const pattern = schedules?.tasks[task] ?? '';
    const data: GuardJob = { task };
    await queue.upsertJobScheduler(schedulerId(task), { pattern, tz: schedules?.timezone }, { name: GUARD_JOB, data });
  }
  const wanted = new Set(tasks.map(schedulerId));
  for (const scheduler of await queue.getJobSchedulers()) {
    if (scheduler.key.startsWith(SCHEDULER_PREFIX) && !wanted.has(scheduler.key)) await queue.removeJobScheduler(scheduler.key);
  }
  if (tasks.length > 0) log.info({ tasks, timezone: schedules?.timezone }, 'guard schedules registered');
  return tasks;
}
