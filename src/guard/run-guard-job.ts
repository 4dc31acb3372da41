import { runDailyBackup } from './backup/daily-backup';
import { runRetention } from './backup/retention';
import { runTableChecks, summariseRun } from './checks/run-checks';
import { runDrillJob } from './drill/drill-job';
import type { GuardContext } from './guard-context';
import type { GuardJob } from './guard-job';
import { postWeeklySummary } from './summary/weekly-summary';
import { tickTime } from './tick';

/** Runs one guard job; the job key identifies the run (the same on a retry). Returns a short outcome for logs. */
export async function runGuardJob(g: GuardContext, job: GuardJob, jobKey: string): Promise<string> {
  const now = g.app.clock.now();
  const tick = tickTime(jobKey, now);
  switch (job.task) {
    case 'backup':
      return runDailyBackup(g, jobKey, tick);
    case 'retention':
      return runRetention(g, now, jobKey);
    case 'pitrCheck':
      return summariseRun(await runTableChecks(g, 'pitr', jobKey, now));
    case 'backupCheck':
      return summariseRun(await runTableChecks(g, 'backup', jobKey, now));
    case 'drill':
      return runDrillJob(g, job.drill ?? { requestedAt: tick.toISOString() }, jobKey);
    case 'weeklySummary':
      return postWeeklySummary(g, now, jobKey);
  }
}
