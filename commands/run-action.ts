import type { Subcommand } from './command-types';
import { incidentOfChannel } from './incident-in-channel';

export const run: Subcommand = {
  name: 'run',
  usage: '/incident run <action> [key=value …]',
  summary: 'proposes a recovery action; it waits for approval',
  async run(ctx, req, reply) {
    const inc = await incidentOfChannel(ctx, req, reply, 'run');
    if (!inc) return;
    const [action] = req.args;
    if (!action) return reply.ephemeral(`Usage: ${this.usage}`);
    // The recovery action catalogue is not built yet; say so rather than pretend.
    await reply.ephemeral(`No recovery action named "${action}": this version of irbot has no recovery actions yet.`);
  },
};
