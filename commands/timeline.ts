import { loadIncident } from '../src/app/incident-log';
import { formatTimeline } from '../src/app/timeline';
import type { Subcommand } from './command-types';
import { incidentOfChannel } from './incident-in-channel';

export const timeline: Subcommand = {
  name: 'timeline',
  usage: '/incident timeline',
  summary: "the incident's timeline, oldest first",
  async run(ctx, req, reply) {
    const inc = await incidentOfChannel(ctx, req, reply, 'timeline');
    if (!inc) return;
    const state = await loadIncident(ctx, inc.incidentId);
    const events = await ctx.store.load(inc.incidentId);
    await reply.inChannel(`*Timeline of incident #${state.number}: ${state.title}*\n${formatTimeline(events, state.policy, state.actions).join('\n')}`);
  },
};
