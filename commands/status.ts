import { formatDuration } from '../escalation/duration';
import { loadIncident } from '../src/app/incident-log';
import { mention } from '../src/app/timeline';
import { currentLevel } from '../src/domain/incident-state';
import type { Subcommand } from './command-types';
import { incidentOfChannel } from './incident-in-channel';

export const status: Subcommand = {
  name: 'status',
  usage: '/incident status',
  summary: "posts the incident's state, level, who is paged, time open, RTO left",
  async run(ctx, req, reply) {
    const inc = await incidentOfChannel(ctx, req, reply, 'status');
    if (!inc) return;
    const s = await loadIncident(ctx, inc.incidentId);
    const level = currentLevel(s);
    const now = ctx.clock.now().getTime();
    const openFor = now - Date.parse(s.openedAt);
    const rtoLeft = Date.parse(s.openedAt) + s.policy.rtoMs - now;
    const state = s.status === 'acknowledged' && s.acknowledgedBy ? `acknowledged by <@${s.acknowledgedBy}>` : s.status;
    const lines = [
      `*Incident #${s.number}: ${s.title}*`,
      `State: ${state}${s.recovered ? ' (alarm back to OK)' : ''}`,
      `Level: ${level.name} (${level.id}) — paged: ${level.responders.map(mention).join(', ')}`,
      `Open for: ${formatDuration(Math.max(openFor, 1000))}`,
      rtoLeft > 0 ? `RTO left: ${formatDuration(rtoLeft)} of ${formatDuration(s.policy.rtoMs)}` : `RTO exceeded by ${formatDuration(Math.max(-rtoLeft, 1000))}`,
    ];
    await reply.inChannel(lines.join('\n'));
  },
};
