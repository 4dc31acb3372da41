import { actionCatalogue, findAction } from '../src/actions/catalogue';
import { parseActionArgs, proposeAction } from '../src/app/actions/propose-action';
import type { Subcommand } from './command-types';
import { incidentOfChannel } from './incident-in-channel';

export const run: Subcommand = {
  name: 'run',
  usage: '/incident run <action> [key=value …]',
  summary: 'proposes a recovery action; it waits for approval',
  async run(ctx, req, reply) {
    const [actionName, ...words] = req.args;
    if (!actionName) {
      const list = actionCatalogue.map((a) => `• \`${a.usage}\` — ${a.summary}${a.needsApproval ? '' : ' (read-only, no approval)'}`);
      return reply.ephemeral(`Usage: ${this.usage}\nActions:\n${list.join('\n')}`);
    }
    const inc = await incidentOfChannel(ctx, req, reply, 'run');
    if (!inc) return;
    const { requestId } = await proposeAction(ctx, inc.incidentId, req.userId, actionName, parseActionArgs(words));
    const action = findAction(actionName);
    const mode = ctx.actionsMode === 'live' ? 'LIVE' : 'dry run';
    await reply.inChannel(
      action?.needsApproval
        ? `<@${req.userId}> proposed \`${actionName}\` (${mode}); the approval request follows (${requestId.slice(-6)}).`
        : `<@${req.userId}> ran \`${actionName}\` (read-only, ${mode}); the report follows (${requestId.slice(-6)}).`,
    );
  },
};
