import { z } from 'zod';
import { CRON_HINT, cronProblem, isIanaTimeZone } from './cron-pattern';
import type { Targets } from './policy-types';
import { SCHEDULE_TASKS, type ScheduleTask, type Schedules } from './schedule-types';
import { describeValue, durationMs, expecting, strictMapping } from './schema-fields';

const TIMEZONE_HINT = 'expected an IANA time zone like Asia/Tokyo or UTC';
const DAY_MS = 24 * 60 * 60_000;

const cronPattern = z.string({ error: expecting(CRON_HINT) }).superRefine((text, ctx) => {
  const problem = cronProblem(text);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, input: text });
});

const timezone = z
  .string({ error: expecting(TIMEZONE_HINT) })
  .refine(isIanaTimeZone, { error: (issue) => `${TIMEZONE_HINT} (got ${describeValue(issue.input)})` })
  .default('UTC');

const taskShape = Object.fromEntries(SCHEDULE_TASKS.map((task) => [task, cronPattern.optional()])) as Record<ScheduleTask, z.ZodOptional<typeof cronPattern>>;

/** The `schedules:` section: a time zone and a cron pattern per task. */
export const schedulesSchema = strictMapping({ timezone, ...taskShape }).transform((section): Schedules => {
  const tasks: Partial<Record<ScheduleTask, string>> = {};
  for (const task of SCHEDULE_TASKS) {
    const pattern = section[task];
    if (pattern !== undefined) tasks[task] = pattern.trim();
  }
  return { timezone: section.timezone, tasks };
});

/**
 * `retention:` — how long the backups the bot makes are kept. At least a day,
 * so the retention run can never delete the backup made the same morning.
 */
export const retentionSchema = durationMs.refine((ms) => ms >= DAY_MS, { error: 'expected at least 24h (the plan keeps backups 720h, 30 days)' });

interface ScheduledSections {
  schedules?: Schedules;
  retention?: number;
  targets?: Targets;
}

/**
 * Rules across sections, so a policy that schedules work it cannot do stops
 * start-up instead of failing at 02:00: every task acts on targets' tables,
 * and the retention task deletes nothing without a stated retention.
 */
export function checkScheduledSections(sections: ScheduledSections, ctx: z.RefinementCtx): void {
  const tasks = sections.schedules?.tasks ?? {};
  const needsTargets = (['backup', 'retention', 'pitrCheck', 'backupCheck', 'drill'] as const).filter((task) => tasks[task] !== undefined);
  if (needsTargets.length > 0 && sections.targets === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `${needsTargets.join(', ')} act on targets.dynamodb.tables; add a targets: section or remove them`,
      path: ['schedules'],
      input: sections.schedules,
    });
  }
  if (tasks.retention !== undefined && sections.retention === undefined) {
    ctx.addIssue({ code: 'custom', message: 'required when schedules.retention is set (how long to keep the bot’s backups, e.g. 720h)', path: ['retention'], input: undefined });
  }
}
