import type { AppContext } from '../src/app/context';

/** A `/incident …` invocation, from Slack or the local console. */
export interface CommandRequest {
  userId: string;
  channelId: string;
  /** The words after the subcommand. */
  args: string[];
  /** Everything after the subcommand, as typed (titles and notes keep their spacing). */
  rest: string;
}

/** How a handler answers: only to the person who typed it, or to everyone in the channel. */
export interface CommandReply {
  ephemeral(text: string): Promise<void>;
  inChannel(text: string): Promise<void>;
}

export interface Subcommand {
  name: string;
  usage: string;
  summary: string;
  run(ctx: AppContext, req: CommandRequest, reply: CommandReply): Promise<void>;
}
