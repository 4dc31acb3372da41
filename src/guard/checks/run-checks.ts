import { enqueueSignals } from '../../adapters/http/alarm-routes';
import type { AlarmSignal } from '../../domain/alarm';
import type { GuardContext } from '../guard-context';
import { checkBackups } from './backup-check';
import type { CheckName, CheckOutcome } from './check-outcome';
import { checkSignal } from './check-signal';
import { checkPitr } from './pitr-check';

export interface CheckRun {
  check: CheckName;
  results: Array<{ table: string } & CheckOutcome>;
}

/**
 * Runs one check over every table of the targets, records each result and
 * turns it into an alarm signal. Read-only (Describe/List), so it runs in dry
 * run too. Every table is checked even after one fails: the responder needs
 * the whole picture.
 */
export async function runTableChecks(g: GuardContext, check: 'pitr' | 'backup', runId: string, now: Date): Promise<CheckRun> {
  const targets = g.app.policy.targets;
  if (targets === undefined) return { check, results: [] };
  const results: CheckRun['results'] = [];
  for (const table of targets.dynamodb.tables) {
    results.push({ table, ...(await checkOne(g, check, targets.region, table, now)) });
  }
  await report(g, check, results, runId, now);
  return { check, results };
}

async function checkOne(g: GuardContext, check: 'pitr' | 'backup', region: string, table: string, now: Date): Promise<CheckOutcome> {
  const aws = g.app.actions.aws;
  if (check === 'pitr') return checkPitr(aws, region, table, now, g.app.policy.rpoMs);
  const { outcome, newestAt } = await checkBackups(aws, region, table, now);
  if (newestAt !== undefined) await g.state.recordNewestBackup(table, newestAt);
  return outcome;
}

/** Records and signals a batch of results; also used by the daily backup for CreateBackup failures. */
export async function report(g: GuardContext, check: CheckName, results: CheckRun['results'], runId: string, now: Date): Promise<void> {
  const signals: AlarmSignal[] = [];
  for (const result of results) {
    await g.state.recordCheck({ check, table: result.table, ok: result.ok, at: now.toISOString(), detail: result.detail });
    signals.push(checkSignal(check, result.table, result, runId, now));
  }
  await enqueueSignals({ queue: g.app.queue, metrics: g.app.metrics }, signals);
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) g.app.log.warn({ check, failed: failed.map((r) => r.detail) }, 'guard check failed');
  else g.app.log.info({ check, tables: results.length }, 'guard check passed');
}

export function summariseRun(run: CheckRun): string {
  const failed = run.results.filter((r) => !r.ok).length;
  return failed === 0 ? `${run.check}: ${run.results.length} ok` : `${run.check}: ${failed} of ${run.results.length} failed`;
}
