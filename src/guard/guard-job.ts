import type { ScheduleTask } from '../../escalation/schedule-types';

/** A drill asked for with `/incident drill [table]`; scheduled drills carry none of this. */
export interface DrillRequest {
  /** Absent → the table whose turn it is this month. */
  table?: string;
  /** Where the report goes; absent → the alerts channel. */
  channelId?: string;
  requestedBy?: string;
  /** ISO; names the drill table, so a retry of the job finds the table it made. */
  requestedAt: string;
}

/**
 * The one job name of the guards (`guard`), so the shared queue knows a single
 * payload shape. Scheduled ticks carry only the task; the tick time comes from
 * BullMQ's job id, which is the same on every retry of that tick.
 */
export interface GuardJob {
  task: ScheduleTask;
  drill?: DrillRequest;
}
