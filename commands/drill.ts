import { closestName } from '../escalation/closest-name';
import { MISSING_TARGETS_MESSAGE } from '../src/actions/targets-required';
import type { AppContext } from '../src/app/context';
import { drillTableName, tableOfTheMonth } from '../src/guard/drill/drill-names';
import type { GuardJob } from '../src/guard/guard-job';
import type { Subcommand } from './command-types';

/**
 * Starts a restore drill as a job (a restore takes minutes to hours; the
 * command answers at once) whose report is posted in this channel.
 */
export const drill: Subcommand = {
  name: 'drill',
  usage: '/incident drill [table]',
  summary: 'restore drill: restores a table into <table>-drill-<yyyymmdd>, compares it, deletes it, reports against the RTO and RPO',
  async run(ctx, req, reply) {
    const targets = ctx.policy.targets;
    if (targets === undefined) return reply.ephemeral(MISSING_TARGETS_MESSAGE);
    const [asked] = req.args;
    const tables = targets.dynamodb.tables;
    if (asked !== undefined && !tables.includes(asked)) {
      const guess = closestName(asked, tables);
      return reply.ephemeral(`Unknown table "${asked}".${guess ? ` Did you mean ${guess}?` : ''} Tables: ${tables.join(', ')}`);
    }
    const live = ctx.actionsMode === 'live';
    if (live && !(await mayRestore(ctx, req.userId))) {
      return reply.ephemeral('A live drill restores a production table, so only the people who may approve dynamodb-restore can start one. Ask one of them.');
    }
    const now = ctx.clock.now();
    const table = asked ?? tableOfTheMonth(tables, now);
    const job: GuardJob = { task: 'drill', drill: { table, channelId: req.channelId, requestedBy: req.userId, requestedAt: now.toISOString() } };
    await ctx.queue.enqueue('guard', job, { jobId: `drill-${table}-${now.getTime()}` });
    const what = live ? `LIVE: restores ${table} into ${drillTableName(table, now)}, compares, then deletes it` : 'dry run: reports the calls it would make';
    await reply.inChannel(`<@${req.userId}> started a restore drill of ${table} (${what}). The report will be posted here.`);
  },
};

/** The plan: only a few engineers may restore. They are the dynamodb-restore approvers. */
async function mayRestore(ctx: AppContext, userId: string): Promise<boolean> {
  const rule = ctx.policy.approvals['dynamodb-restore'] ?? ctx.policy.approvals.default;
  if (rule === undefined) return false;
  const people = await ctx.chat.expandUserGroups(rule.approvers);
  return people.includes(userId);
}
