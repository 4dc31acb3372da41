import { formatDuration } from '../../../escalation/duration';
import { utcMinute } from '../names';

/** How far behind the live table the latest restorable time usually is. */
export const PITR_LAG_MS = 5 * 60_000;

/**
 * The data-loss window of a restore, against the RPO: writes to the source
 * after the restore point are not in the restored table.
 */
export function restoreRisk(source: string, at: Date | undefined, now: Date, rpoMs: number): string {
  const rpo = formatDuration(rpoMs);
  if (at === undefined) {
    const verdict = PITR_LAG_MS <= rpoMs ? `within the RPO of ${rpo}` : `beyond the RPO of ${rpo}`;
    return `Restoring ${source} to its latest restorable time loses at most the last ~5 minutes of writes (PITR lag) — ${verdict}.`;
  }
  const lostMs = Math.max(0, now.getTime() - at.getTime());
  const verdict = lostMs <= rpoMs ? `within the RPO of ${rpo}` : `beyond the RPO of ${rpo}`;
  return `Restoring ${source} to ${utcMinute(at)} loses the ${formatDuration(lostMs)} of writes since then — ${verdict}.`;
}
