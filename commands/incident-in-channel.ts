import type { AppContext } from '../src/app/context';
import type { IncidentSummary } from '../src/app/ports';
import type { CommandReply, CommandRequest } from './command-types';
import { formatIncidentList } from './list';

/**
 * The incident whose channel this is. Elsewhere, says so and lists the open
 * incidents, so the responder knows where to go.
 */
export async function incidentOfChannel(ctx: AppContext, req: CommandRequest, reply: CommandReply, what: string): Promise<IncidentSummary | undefined> {
  const summary = await ctx.store.findByChannel(req.channelId);
  if (summary) return summary;
  const open = await ctx.store.listOpen();
  await reply.ephemeral(`\`/incident ${what}\` works in an incident channel, and this is not one.\n${formatIncidentList(open)}`);
  return undefined;
}
