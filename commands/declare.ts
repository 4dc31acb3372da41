import { declareIncident } from '../src/app/respond';
import type { Subcommand } from './command-types';

export const declare: Subcommand = {
  name: 'declare',
  usage: '/incident declare <L1-L4> <title>',
  summary: 'opens an incident by hand, starting the chain at that level',
  async run(ctx, req, reply) {
    const [level, ...titleWords] = req.args;
    const title = titleWords.join(' ').trim();
    const levels = ctx.policy.levels.map((l) => l.id);
    if (!level || !title) return reply.ephemeral(`Usage: ${this.usage}\nLevels: ${levels.join(', ')}. Example: /incident declare L2 API returns 500s`);
    const id = levels.find((l) => l.toLowerCase() === level.toLowerCase());
    if (!id) return reply.ephemeral(`There is no level "${level}". Levels: ${levels.join(', ')}.\nUsage: ${this.usage}`);
    const state = await declareIncident(ctx, { kind: 'user', id: req.userId }, id, title.slice(0, 300));
    await reply.inChannel(`<@${req.userId}> declared incident #${state.number} at ${id}: ${state.title}. A channel is being opened and ${id} is being paged.`);
  },
};
