import type { ActionRunContext } from '../../actions/action-types';
import { dynamodbBackup } from '../../actions/catalogue/dynamodb-backup';
import { report } from '../checks/run-checks';
import type { GuardContext } from '../guard-context';
import { describeCalls } from './describe-calls';

/**
 * The plan's daily `CreateBackup` of every table, through the catalogue's
 * dynamodb-backup action (names `<table>-backup-<yyyymmdd>`, skips a backup an
 * earlier attempt of the same tick already made). The tick time is the
 * request time, so a retry hours later recognises its own backups.
 * Dry run: says what it would send, sends nothing.
 */
export async function runDailyBackup(g: GuardContext, runId: string, tick: Date): Promise<string> {
  const targets = g.app.policy.targets;
  if (targets === undefined) return 'skipped (no targets)';
  const params = { region: targets.region, tables: [...targets.dynamodb.tables], requestedAt: tick.toISOString() };
  if (g.app.actionsMode !== 'live') {
    const calls = dynamodbBackup.plan(params, targets, tick);
    await g.app.chat.postChannelMessage(undefined, [`Scheduled backup (dry run, ACTIONS_MODE=dry-run): would send ${calls.length} call(s); nothing was changed.`, ...describeCalls(calls)].join('\n'), `backup-plan:${runId}`);
    return `dry run: ${calls.length} call(s) reported`;
  }
  const runCtx: ActionRunContext = {
    targets,
    aws: g.app.actions.aws,
    http: g.app.actions.http,
    rpoMs: g.app.policy.rpoMs,
    now: () => g.app.clock.now(),
    sleep: g.app.actions.sleep,
    progress: async (line) => g.app.log.info({ task: 'backup' }, line),
  };
  const result = await dynamodbBackup.run(params, runCtx);
  // One step per table: a failed CreateBackup opens its own incident (the plan: alarm when a backup fails).
  const results = targets.dynamodb.tables.map((table) => {
    const step = result.steps.find((s) => s.name === table);
    const ok = step?.ok ?? false;
    return { table, ok, detail: ok ? `daily backup of ${table}: ${step?.detail ?? ''}` : `the daily backup of ${table} failed: ${step?.detail ?? 'no answer'}`, facts: {} };
  });
  await report(g, 'backup-job', results, runId, g.app.clock.now());
  return result.summary;
}
