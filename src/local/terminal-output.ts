import readline from 'node:readline';

/**
 * Prints lines for the console. The engine prints from background jobs at any
 * moment; on a terminal the half-typed input line is cleared, the message
 * printed, and the prompt with the typed text redrawn below it.
 */
export class TerminalOutput {
  private rl?: readline.Interface;
  private promptText?: () => string;

  constructor(private readonly stream: NodeJS.WriteStream = process.stdout) {}

  get isTerminal(): boolean {
    return Boolean(this.stream.isTTY);
  }

  /** Only a terminal REPL needs redrawing; piped output stays plain lines. */
  attach(rl: readline.Interface, promptText: () => string): void {
    if (!this.isTerminal) return;
    this.rl = rl;
    this.promptText = promptText;
  }

  detach(): void {
    this.rl = undefined;
  }

  readonly line = (text: string): void => {
    if (!this.rl) {
      this.stream.write(`${text}\n`);
      return;
    }
    readline.cursorTo(this.stream, 0);
    readline.clearLine(this.stream, 0);
    this.stream.write(`${text}\n`);
    // The current channel may have just moved (a new incident opened): show where commands go now.
    if (this.promptText) this.rl.setPrompt(this.promptText());
    this.rl.prompt(true);
  };
}
