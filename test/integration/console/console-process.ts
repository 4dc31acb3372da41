import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');

/** `npm test` builds first (pretest); running one file with jest directly still gets a fresh dist/. */
export function buildIfNeeded(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-needed.js')], { cwd: ROOT, stdio: 'inherit' });
}

export function uniquePrefix(what: string): string {
  return `irbot-test-${what}-${randomBytes(5).toString('hex')}`;
}

export function tempDir(what: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `irbot-${what}-`));
}

/** PORT must be 1-65535, so ask the kernel for a free one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A spawned console process: its stdout as lines, its stdin to type into. */
export class ConsoleProcess {
  readonly lines: string[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<number | null>;
  /** How the process ended: its exit code, or the signal that killed it. */
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  protected readonly child: ChildProcessWithoutNullStreams;
  private partial = '';
  protected running = true;

  constructor(script: string, env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [path.join(ROOT, script)], { cwd: ROOT, env, stdio: 'pipe' });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop() ?? '';
      this.lines.push(...parts);
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => this.stderr.push(chunk));
    this.ended = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.running = false;
        resolve({ code, signal });
      }),
    );
    this.exited = this.ended.then((e) => e.code);
  }

  /** Where the next wait starts looking, so earlier output cannot satisfy it. */
  mark(): number {
    return this.lines.length;
  }

  type(line: string): number {
    const from = this.mark();
    this.child.stdin.write(`${line}\n`);
    return from;
  }

  /** The first line at or after `from` matching `pattern`; fails with the transcript after `timeoutMs`. */
  async waitFor(pattern: RegExp, from = 0, timeoutMs = 30_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = from; i < this.lines.length; i++) {
        const match = this.lines[i]?.match(pattern);
        if (match) return match;
      }
      if (!this.running || Date.now() > deadline) {
        const why = this.running ? `not printed within ${timeoutMs} ms` : 'the process exited first';
        throw new Error(`${pattern} ${why}. Output:\n${this.transcript()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  transcript(): string {
    return `${this.lines.join('\n')}\nstderr:\n${this.stderr.join('')}`;
  }

  output(from = 0): string {
    return this.lines.slice(from).join('\n');
  }

  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGTERM');
    await this.exited;
  }
}
