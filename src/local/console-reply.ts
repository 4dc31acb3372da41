import type { CommandReply } from '../../commands';
import { prefixed } from '../adapters/console/slack-text';

/** Answers of commands and button presses, as the console shows them. */
export function consoleReply(out: (line: string) => void, channelId: string): CommandReply {
  return {
    async ephemeral(text) {
      for (const line of prefixed('(only you) ', text)) out(line);
    },
    async inChannel(text) {
      for (const line of prefixed(`[#${channelId}] `, text)) out(line);
    },
  };
}
