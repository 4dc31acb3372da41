import { formatDuration } from '../../../escalation/duration';
import type { PlannedCall } from '../../actions/action-types';
import { utcMinute } from '../../actions/names';
import { describeCalls } from '../backup/describe-calls';
import type { DrillOutcome } from './run-drill';

export interface DrillHeader {
  source: string;
  target: string;
  /** `requested by <@U…>` or `monthly schedule`. */
  origin: string;
  rtoMs: number;
  rpoMs: number;
}

/** The report posted after a live drill: verdict, restore time vs RTO, restore point vs RPO, then each step. */
export function formatDrillReport(h: DrillHeader, outcome: DrillOutcome): string {
  const mark = (ok: boolean) => (ok ? '✅' : '❌');
  const lines = [`*Restore drill ${outcome.pass ? 'PASSED' : 'FAILED'}*: ${h.source} → ${h.target} (live, ${h.origin})`];
  if (outcome.restoreMs !== undefined) {
    const ok = outcome.restoreMs <= h.rtoMs;
    lines.push(`${mark(ok)} Restore time: ${formatDuration(outcome.restoreMs)} — ${ok ? 'within' : 'beyond'} the RTO of ${formatDuration(h.rtoMs)}`);
  }
  if (outcome.restoreAskedAt !== undefined) {
    if (outcome.restorePoint === undefined) {
      lines.push(`${mark(false)} Restore point: unknown — cannot be measured against the RPO of ${formatDuration(h.rpoMs)}`);
    } else if (outcome.restoreMs !== undefined) {
      const lossMs = Math.max(0, outcome.restoreAskedAt.getTime() - outcome.restorePoint.getTime());
      const ok = lossMs <= h.rpoMs;
      lines.push(`${mark(ok)} Restore point: ${utcMinute(outcome.restorePoint)}, ${formatDuration(lossMs)} before the restore — ${ok ? 'within' : 'beyond'} the RPO of ${formatDuration(h.rpoMs)}`);
    }
  }
  lines.push(...outcome.log.steps.map((s) => `${s.ok ? '✓' : '✗'} ${s.name}: ${s.detail}`));
  if (outcome.tableLeft) lines.push(`:warning: ${h.target} could not be deleted and is still there.`);
  return lines.join('\n');
}

/** Dry run: the calls a live drill would make, nothing sent. */
export function formatDrillPlan(h: DrillHeader, calls: readonly PlannedCall[]): string {
  return [
    `*Restore drill (dry run, ACTIONS_MODE=dry-run)*: ${h.source} → ${h.target} (${h.origin}). Would send ${calls.length} call(s); nothing was changed.`,
    ...describeCalls(calls),
    `A live drill measures the restore time against the RTO of ${formatDuration(h.rtoMs)} and the restore point against the RPO of ${formatDuration(h.rpoMs)}, compares item count and key schema, then deletes ${h.target}.`,
  ].join('\n');
}
