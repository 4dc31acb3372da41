import { acknowledgeIncident, escalateIncident } from '../src/app/respond';
import { resolveIncident } from '../src/app/resolve-incident';
import { currentLevel } from '../src/domain/incident-state';
import type { Subcommand } from './command-types';
import { incidentOfChannel } from './incident-in-channel';

export const ack: Subcommand = {
  name: 'ack',
  usage: '/incident ack',
  summary: 'acknowledges the incident of this channel; escalation stops',
  async run(ctx, req, reply) {
    const inc = await incidentOfChannel(ctx, req, reply, 'ack');
    if (!inc) return;
    const state = await acknowledgeIncident(ctx, inc.incidentId, { kind: 'user', id: req.userId });
    await reply.inChannel(`<@${req.userId}> acknowledged incident #${state.number}; escalation stopped.`);
  },
};

export const escalate: Subcommand = {
  name: 'escalate',
  usage: '/incident escalate',
  summary: 'jumps to the next level now',
  async run(ctx, req, reply) {
    const inc = await incidentOfChannel(ctx, req, reply, 'escalate');
    if (!inc) return;
    const state = await escalateIncident(ctx, inc.incidentId, { kind: 'user', id: req.userId });
    const level = currentLevel(state);
    await reply.inChannel(`<@${req.userId}> escalated incident #${state.number} to ${level.name} (${level.id}); paging them now.`);
  },
};

export const resolve: Subcommand = {
  name: 'resolve',
  usage: '/incident resolve [note]',
  summary: 'resolves the incident',
  async run(ctx, req, reply) {
    const inc = await incidentOfChannel(ctx, req, reply, 'resolve');
    if (!inc) return;
    const note = req.rest.trim().slice(0, 1000) || undefined;
    const state = await resolveIncident(ctx, inc.incidentId, { kind: 'user', id: req.userId }, { reason: 'manual', note });
    await reply.inChannel(`<@${req.userId}> resolved incident #${state.number}${note ? `: ${note}` : '.'}`);
  },
};
