import { MISSING_TARGETS_MESSAGE } from '../src/actions/targets-required';
import { formatBackupsTable } from '../src/guard/report/format-backups';
import { readTableStatuses } from '../src/guard/report/table-status';
import type { Subcommand } from './command-types';

/** Read-only (Describe/List), so it answers in dry run too; works in any channel. */
export const backups: Subcommand = {
  name: 'backups',
  usage: '/incident backups',
  summary: 'per table: PITR state, latest restorable time, newest backup and its age, verdict against the RPO',
  async run(ctx, _req, reply) {
    const targets = ctx.policy.targets;
    if (targets === undefined) return reply.ephemeral(MISSING_TARGETS_MESSAGE);
    const statuses = await readTableStatuses(ctx.actions.aws, targets);
    await reply.inChannel(formatBackupsTable(statuses, ctx.clock.now(), ctx.policy.rpoMs));
  },
};
