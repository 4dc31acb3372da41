import path from 'node:path';
import { ConsoleProcess } from '../console/console-process';

export const ROOT = path.resolve(__dirname, '../../..');

/**
 * A bot process in local mode whose console a test types into (stdin stays
 * open), and whose end says how it ended: by code, or killed by a signal.
 */
export class BotChild extends ConsoleProcess {
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The first line at or after `from` matching `pattern`; fails with the transcript after the timeout or when the process is gone. */
  line(pattern: RegExp, from = 0, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    return this.waitFor(pattern, from, timeoutMs);
  }

  /** How the process ended; fails with the transcript when it is still running after `timeoutMs`. */
  async exitWithin(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms. Output:\n${this.transcript()}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.ended, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGTERM (the bot drains and exits 0) when still running; resolves with how it ended. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.running) this.child.kill('SIGTERM');
    return this.ended;
  }
}
