import { formatDuration } from '../../../escalation/duration';
import { utcMinute } from '../../actions/names';
import { dataLossMs, type TableStatus } from './table-status';

const HEADINGS = ['table', 'PITR', 'latest restorable', 'newest backup', 'age', 'verdict'];

/** One row per table, in a code block so the columns line up in Slack and the console. */
export function formatBackupsTable(statuses: readonly TableStatus[], now: Date, rpoMs: number): string {
  const rows = statuses.map((s) => {
    const loss = dataLossMs(s, now);
    const verdict = s.errors.length > 0 && loss === undefined ? 'UNKNOWN' : loss === undefined ? 'AT RISK: nothing to restore' : loss <= rpoMs ? `OK (loses ≤ ${formatDuration(loss)})` : `AT RISK: loses ${formatDuration(loss)}`;
    return [
      s.table,
      s.pitr,
      s.latestRestorable ? utcMinute(s.latestRestorable) : '—',
      s.newestBackup ? `${s.newestBackup.name} (${utcMinute(s.newestBackup.at)})` : 'none',
      s.newestBackup ? formatDuration(Math.max(0, now.getTime() - s.newestBackup.at.getTime())) : '—',
      verdict,
    ];
  });
  const widths = HEADINGS.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const errors = statuses.flatMap((s) => s.errors.map((e) => `• ${s.table}: ${e}`));
  return [
    `*Backups* against the RPO of ${formatDuration(rpoMs)} (verdict: how much a restore now would lose, from PITR or the newest backup)`,
    '```',
    line(HEADINGS),
    ...rows.map(line),
    '```',
    ...(errors.length > 0 ? ['Could not read:', ...errors] : []),
  ].join('\n');
}
