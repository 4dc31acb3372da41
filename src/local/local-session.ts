import type { AppContext } from '../app/context';
import type { ButtonRegistry } from '../adapters/console/button-registry';
import type { ChannelFocus } from './channel-focus';
import { consoleReply } from './console-reply';
import { findSessionCommand, shortHelp } from './session-commands';

export const DEFAULT_LOCAL_USER = 'U0LOCALUSER';

export interface LocalSessionDeps {
  ctx: AppContext;
  buttons: ButtonRegistry;
  focus: ChannelFocus;
  /** Prints one line on the console. */
  out: (line: string) => void;
  userId?: string;
  /** Where relative `alarm <file>` paths start. */
  cwd?: string;
}

export type LineOutcome = 'quit' | undefined;

/**
 * One person at the console: who they act as and where they are. The REPL and
 * the demo both feed it lines, so the demo exercises what a person would type.
 */
export class LocalSession {
  readonly ctx: AppContext;
  readonly buttons: ButtonRegistry;
  readonly focus: ChannelFocus;
  readonly out: (line: string) => void;
  readonly cwd: string;
  userId: string;

  constructor(deps: LocalSessionDeps) {
    this.ctx = deps.ctx;
    this.buttons = deps.buttons;
    this.focus = deps.focus;
    this.out = deps.out;
    this.cwd = deps.cwd ?? process.cwd();
    this.userId = deps.userId ?? DEFAULT_LOCAL_USER;
  }

  get channel(): string {
    return this.focus.current;
  }

  /** The prompt on a terminal: who you are and where your commands go. */
  get prompt(): string {
    return `${this.userId} #${this.channel}> `;
  }

  /** Only-you answers, as Slack's ephemeral messages. */
  tell(text: string): Promise<void> {
    return consoleReply(this.out, this.channel).ephemeral(text);
  }

  /** Runs one typed line; resolves when its effects on the engine are stored. */
  async handleLine(raw: string): Promise<LineOutcome> {
    const line = raw.trim();
    if (line === '') return undefined;
    const [word = ''] = line.split(/\s+/);
    const command = findSessionCommand(word);
    if (!command) {
      await this.tell(`Unknown command "${word.slice(0, 40)}". ${shortHelp()}`);
      return undefined;
    }
    const arg = line.slice(word.length).trim();
    try {
      return (await command.run(this, arg)) ?? undefined;
    } catch (err) {
      this.ctx.log.error({ err, command: command.name }, 'console command failed');
      await this.tell(`Sorry, "${command.name}" failed: ${(err as Error).message}`);
      return undefined;
    }
  }
}
