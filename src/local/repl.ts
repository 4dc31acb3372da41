import readline from 'node:readline';
import type { LocalSession } from './local-session';
import type { TerminalOutput } from './terminal-output';

export interface ReplOptions {
  session: LocalSession;
  output: TerminalOutput;
  input?: NodeJS.ReadStream;
  /** Called once, after the last typed command has finished. */
  onQuit: () => void;
}

/**
 * Reads commands from stdin, one line at a time and strictly in order, so a
 * piped script behaves like a person typing. Ctrl-C, Ctrl-D and `quit` all
 * stop the bot cleanly. When a piped stdin ends the bot keeps serving HTTP
 * (a container started without a terminal), and says so.
 */
export function startRepl(opts: ReplOptions): void {
  const input = opts.input ?? process.stdin;
  const terminal = Boolean(input.isTTY) && opts.output.isTerminal;
  // Without a terminal there is no prompt: it would glue itself to the next printed line.
  const rl = readline.createInterface({ input, output: terminal ? process.stdout : undefined, terminal });
  opts.output.attach(rl, () => opts.session.prompt);
  let pending: Promise<unknown> = Promise.resolve();
  let quitting = false;

  const prompt = () => {
    if (!terminal || quitting) return;
    rl.setPrompt(opts.session.prompt);
    rl.prompt(true);
  };
  const quit = () => {
    if (quitting) return;
    quitting = true;
    opts.output.line('Stopping: letting running jobs finish…');
    void pending.finally(() => {
      opts.output.detach();
      rl.close();
      opts.onQuit();
    });
  };

  rl.on('line', (line) => {
    if (quitting) return;
    pending = pending
      .then(() => opts.session.handleLine(line))
      .then((outcome) => (outcome === 'quit' ? quit() : prompt()))
      .catch((err: unknown) => opts.output.line(`(only you) Sorry, that failed: ${(err as Error).message}`));
  });
  rl.on('SIGINT', quit);
  rl.on('close', () => {
    if (quitting) return;
    // Ctrl-D at a keyboard means "I am done"; a pipe that ends is just a script that ran out.
    if (input.isTTY) return quit();
    void pending.then(() => {
      if (!quitting) opts.output.line('(stdin closed: no more console commands; the bot keeps serving HTTP until it gets SIGTERM)');
    });
  });
  prompt();
}
