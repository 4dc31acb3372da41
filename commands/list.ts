import type { IncidentSummary } from '../src/app/ports';
import type { Subcommand } from './command-types';

export const list: Subcommand = {
  name: 'list',
  usage: '/incident list',
  summary: 'open incidents',
  async run(ctx, _req, reply) {
    await reply.ephemeral(formatIncidentList(await ctx.store.listOpen()));
  },
};

export function formatIncidentList(open: IncidentSummary[]): string {
  if (open.length === 0) return 'No open incidents.';
  const lines = open.map((i) => `• #${i.number} ${i.title} — ${i.levelId}, ${i.status}${i.channelId ? ` — <#${i.channelId}>` : ''}`);
  return `Open incidents:\n${lines.join('\n')}`;
}
