import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');

/**
 * A bot process in local mode whose console a test types into (stdin stays
 * open), and whose exit says how it ended: by code, or killed by a signal.
 */
export class BotChild {
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcessWithoutNullStreams;
  private partial = '';
  private stderr = '';
  private running = true;

  constructor(script: string, env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [path.join(ROOT, script)], { cwd: ROOT, env, stdio: 'pipe' });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop() ?? '';
      this.lines.push(...parts);
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.running = false;
        resolve({ code, signal });
      }),
    );
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Types a line; returns where its output starts. */
  type(line: string): number {
    const from = this.lines.length;
    this.child.stdin.write(`${line}\n`);
    return from;
  }

  /** The first line at or after `from` matching `pattern`; fails with the transcript after the timeout or when the process is gone. */
  async line(pattern: RegExp, from = 0, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const l of this.lines.slice(from)) {
        const match = l.match(pattern);
        if (match) return match;
      }
      if (!this.running || Date.now() > deadline) {
        const why = this.running ? `not printed within ${timeoutMs} ms` : 'the process exited first';
        throw new Error(`${pattern} ${why}. Output:\n${this.transcript()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** How the process ended; fails with the transcript when it is still running after `timeoutMs`. */
  async exitWithin(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms. Output:\n${this.transcript()}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  transcript(): string {
    return `${this.lines.join('\n')}\nstderr:\n${this.stderr}`;
  }

  /** SIGTERM (the bot drains and exits 0) when still running; resolves with how it ended. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.running) this.child.kill('SIGTERM');
    return this.exited;
  }
}
