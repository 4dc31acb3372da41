import { ConsoleChat } from '../adapters/console/console-chat';
import { ChannelFocus } from './channel-focus';

export interface ConsoleSurface {
  chat: ConsoleChat;
  focus: ChannelFocus;
}

/**
 * The chat the engine talks to and the "current channel" it moves, made
 * before the bot starts because the engine needs its chat at start-up.
 */
export function createConsoleSurface(out: (line: string) => void): ConsoleSurface {
  const focus = new ChannelFocus();
  const chat = new ConsoleChat(out, {
    onChannelOpened: (channel) => {
      if (focus.opened(channel.id)) out(`(you are now in #${channel.id}: /incident commands you type run there)`);
    },
  });
  return { chat, focus };
}
