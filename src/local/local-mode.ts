import type { Config } from '../config/load-config';
import type { Logger } from '../observability/logger';
import type { Bot } from '../runtime/start-bot';
import type { ConsoleChat } from '../adapters/console/console-chat';
import { localBanner } from './banner';
import { createConsoleSurface } from './console-surface';
import { createLocalLogger } from './local-logger';
import { LocalSession } from './local-session';
import { startRepl } from './repl';
import { TerminalOutput } from './terminal-output';

export interface LocalMode {
  log: Logger;
  chat: ConsoleChat;
  /** Once the bot is up: prints the banner and starts reading commands. `onQuit` runs after `quit`. */
  start(bot: Bot, onQuit: () => void): Promise<void>;
}

/** `npm start` without a Slack token: the same engine, this terminal as the chat. */
export function prepareLocalMode(config: Readonly<Config>): LocalMode {
  const output = new TerminalOutput();
  const { log, file } = createLocalLogger(config);
  const { chat, focus } = createConsoleSurface(output.line);
  return {
    log,
    chat,
    async start(bot, onQuit) {
      await focus.restore(bot.ctx.store);
      for (const line of localBanner(config, bot.port, file)) output.line(line);
      const session = new LocalSession({ ctx: bot.ctx, buttons: chat.buttons, focus, out: output.line });
      startRepl({ session, output, onQuit });
    },
  };
}
