import { DeleteBackupCommand } from '@aws-sdk/client-dynamodb';
import { formatDuration } from '../../../escalation/duration';
import { callAws } from '../../actions/aws-call';
import { utcMinute } from '../../actions/names';
import { deleteBackup } from '../aws/backup-calls';
import { readBackups } from '../aws/table-backups';
import type { GuardContext } from '../guard-context';
import { selectExpired } from './select-expired';

/**
 * Deletes the bot's own backups older than the policy's retention (see
 * selectExpired for what counts as its own), table by table; one table's
 * failure does not stop the others. Dry run lists what it would delete.
 * Every deletion is posted to the alerts channel: the plan audits every operation.
 * `runId` (the job key) keeps a retried run from posting its report twice.
 */
export async function runRetention(g: GuardContext, now: Date, runId: string): Promise<string> {
  const { targets, retentionMs } = g.app.policy;
  if (targets === undefined) return 'skipped (no targets)';
  if (retentionMs === undefined) return 'skipped (no retention in the policy)';
  const cutoff = new Date(now.getTime() - retentionMs);
  const live = g.app.actionsMode === 'live';
  const lines: string[] = [];
  const problems: string[] = [];
  let deleted = 0;
  for (const table of targets.dynamodb.tables) {
    const listed = await readBackups(g.app.actions.aws, targets.region, table, { backupType: 'USER' });
    if (!listed.ok) {
      problems.push(`${table}: ${listed.error}`);
      continue;
    }
    for (const backup of selectExpired(table, listed.value, cutoff)) {
      const arn = backup.BackupArn ?? '';
      const what = `${backup.BackupName} (${utcMinute(backup.BackupCreationDateTime ?? now)})`;
      if (!live) {
        lines.push(`would delete ${what}: \`${deleteBackup(targets.region, arn).planned.cli}\``);
        continue;
      }
      const answer = await callAws('DeleteBackup', () => g.app.actions.aws.dynamodb(targets.region).send(new DeleteBackupCommand(deleteBackup(targets.region, arn).input)));
      if (answer.ok || answer.errorName === 'BackupNotFoundException') {
        // Not found: an earlier attempt of this run deleted it already.
        deleted += 1;
        lines.push(`deleted ${what}`);
      } else {
        problems.push(`${table}: ${answer.error}`);
      }
    }
  }
  const ok = problems.length === 0;
  const head = live
    ? `Backup retention (${formatDuration(retentionMs)}): deleted ${deleted} of the bot's own backup(s) created before ${utcMinute(cutoff)}.`
    : `Backup retention (dry run, ACTIONS_MODE=dry-run): ${lines.length} of the bot's own backup(s) are older than ${formatDuration(retentionMs)}; nothing was deleted.`;
  await g.state.recordCheck({ check: 'retention', table: '*', ok, at: now.toISOString(), detail: ok ? head : `${head} Failed: ${problems.join('; ')}` });
  if (lines.length > 0 || !ok) await g.app.chat.postChannelMessage(undefined, [head, ...lines, ...problems.map((p) => `FAILED ${p}`)].join('\n'), `retention:${runId}`);
  return ok ? `${live ? 'deleted' : 'would delete'} ${lines.length}` : `failed for ${problems.length} table(s)`;
}
