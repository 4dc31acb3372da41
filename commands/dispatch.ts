import { IrbotError } from '../src/domain/errors';
import type { AppContext } from '../src/app/context';
import type { CommandReply, Subcommand } from './command-types';
import { subcommands } from './registry';

export function helpText(all: Subcommand[]): string {
  return ['*/incident* subcommands:', ...all.map((s) => `• \`${s.usage}\` — ${s.summary}`), '• `/incident help` — this list'].join('\n');
}

/**
 * Runs `/incident <text>` for a user in a channel. Refusals (already resolved,
 * unknown level…) are answered in words to the person who typed the command.
 */
export async function dispatchIncidentCommand(
  ctx: AppContext,
  input: { text: string; userId: string; channelId: string },
  reply: CommandReply,
): Promise<void> {
  const text = input.text.trim();
  const [word = 'help', ...args] = text.split(/\s+/).filter((w) => w !== '');
  const rest = text.slice(word.length).trim();
  const name = word.toLowerCase();
  if (name === 'help' || text === '') return reply.ephemeral(helpText(subcommands));
  const sub = subcommands.find((s) => s.name === name);
  if (!sub) return reply.ephemeral(`Unknown subcommand "${word}".\n${helpText(subcommands)}`);
  try {
    await sub.run(ctx, { userId: input.userId, channelId: input.channelId, args, rest }, reply);
  } catch (err) {
    if (err instanceof IrbotError && err.code !== 'conflict') return reply.ephemeral(err.message);
    ctx.log.error({ err, subcommand: name }, 'command failed');
    await reply.ephemeral(`Sorry, \`/incident ${name}\` failed: ${(err as Error).message}. Nothing was changed unless the channel says so; try again.`);
  }
}
