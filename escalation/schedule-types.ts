/**
 * The policy's `schedules:` section, parsed: what the bot does on its own to
 * keep the plan's promises (RPO, retention, drills), and when.
 */

/** Every task the scheduler knows, in the order the policy file documents them. */
export const SCHEDULE_TASKS = ['backup', 'retention', 'pitrCheck', 'backupCheck', 'drill', 'weeklySummary'] as const;

export type ScheduleTask = (typeof SCHEDULE_TASKS)[number];

export interface Schedules {
  /** IANA zone the cron patterns are read in (`Asia/Tokyo`); UTC when the file says nothing. */
  timezone: string;
  /** Task → cron pattern; a task left out is not scheduled. */
  tasks: Partial<Record<ScheduleTask, string>>;
}
