import { enqueueSignals } from '../../adapters/http/alarm-routes';
import { checkSignal } from '../checks/check-signal';
import type { GuardContext } from '../guard-context';
import type { DrillRequest } from '../guard-job';
import { drillTableName, tableOfTheMonth } from './drill-names';
import { drillPlan } from './drill-plan';
import { formatDrillPlan, formatDrillReport, type DrillHeader } from './drill-report';
import { runLiveDrill } from './run-drill';

// Long enough to outlast a drill (its wait is bounded by the RTO), short enough to free a stuck name by the next day.
const CLAIM_TTL_MS = 24 * 60 * 60_000;

/**
 * Runs one drill job: `/incident drill` (report in that channel) or the
 * monthly schedule (report in the alerts channel). The drill table name is
 * claimed for this run first, so a retried job resumes its own drill and a
 * second drill of the same table the same day is refused instead of sharing
 * (or deleting) the first one's table.
 */
export async function runDrillJob(g: GuardContext, request: DrillRequest, runId: string): Promise<string> {
  const targets = g.app.policy.targets;
  if (targets === undefined) return 'skipped (no targets)';
  const requestedAt = new Date(request.requestedAt);
  const source = request.table ?? tableOfTheMonth(targets.dynamodb.tables, requestedAt);
  const target = drillTableName(source, requestedAt);
  const header: DrillHeader = {
    source,
    target,
    origin: request.requestedBy ? `requested by <@${request.requestedBy}>` : 'monthly schedule',
    rtoMs: g.app.policy.rtoMs,
    rpoMs: g.app.policy.rpoMs,
  };
  // One key per kind of message of this run: a retry re-posts only what an earlier attempt did not get into Slack.
  const post = (text: string, what: 'plan' | 'refused' | 'report') => g.app.chat.postChannelMessage(request.channelId, text, `drill:${runId}:${what}`);
  if (g.app.actionsMode !== 'live') {
    await post(formatDrillPlan(header, drillPlan(targets.region, source, target)), 'plan');
    return 'dry run reported';
  }
  // The job is retried when posting fails: post the finished report again rather than drill twice.
  const finished = await g.state.drillReport(runId);
  if (finished !== undefined) {
    await post(finished, 'report');
    return 'report re-posted';
  }
  const claim = await g.state.claimDrill(target, runId, CLAIM_TTL_MS);
  if (claim.outcome === 'held') {
    await post(`Restore drill of ${source} not started: ${target} is in use by another drill today (${claim.by}). Try again tomorrow, or once that drill's report is posted and its table deleted.`, 'refused');
    return 'refused (name in use)';
  }
  const outcome = await runLiveDrill(
    { aws: g.app.actions.aws, sleep: g.app.actions.sleep, now: () => g.app.clock.now(), progress: async (line) => g.app.log.info({ task: 'drill', target }, line) },
    { region: targets.region, source, target, resumed: claim.outcome === 'resumed', rtoMs: header.rtoMs, rpoMs: header.rpoMs },
  );
  const report = formatDrillReport(header, outcome);
  // A failed drill means the plan's RTO or RPO may not hold when it matters: like a failed
  // backup check it opens (or joins) an incident, and a passing one recovers it. Before the
  // report is saved, so a retry that finds the report has already signalled (the id dedups).
  const verdict = report.split('\n')[0] ?? '';
  const signal = checkSignal('drill', source, { ok: outcome.pass, detail: verdict, facts: { drillTable: target } }, runId, g.app.clock.now());
  await enqueueSignals({ queue: g.app.queue, metrics: g.app.metrics }, [signal]);
  await g.state.saveDrillReport(runId, report, CLAIM_TTL_MS);
  await g.state.recordCheck({ check: 'drill', table: source, ok: outcome.pass, at: g.app.clock.now().toISOString(), detail: verdict });
  // A table left behind keeps the claim, so nobody else's drill deletes or reuses it by name.
  if (!outcome.tableLeft) await g.state.releaseDrill(target, runId);
  await post(report, 'report');
  return outcome.pass ? 'passed' : 'failed';
}
