import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../test/support/bot-process';

export interface ChildServer {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Runs `node <script>` with PORT set and waits for `readyPath` to answer 200 (at most 30 s). */
export async function startChildServer(script: string, env: Record<string, string>, readyPath = '/readyz'): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  return serveWhenReady(child, `http://127.0.0.1:${port}`, readyPath, script);
}

/**
 * Waits until a spawned server answers 200 on `readyPath` (at most 30 s; it is
 * killed and its stderr reported if not), then hands it over with a `stop()`
 * that sends SIGTERM, waits for the exit and runs `cleanUp`.
 */
export async function serveWhenReady(child: ChildProcess, baseUrl: string, readyPath: string, what: string, cleanUp: () => void = () => undefined): Promise<ChildServer> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = performance.now() + 30_000;
  for (;;) {
    const res = await fetch(`${baseUrl}${readyPath}`).catch(() => undefined);
    if (res?.status === 200) break;
    if (child.exitCode !== null || performance.now() > deadline) {
      child.kill('SIGKILL');
      cleanUp();
      throw new Error(`${what} did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    pid: child.pid ?? -1,
    baseUrl,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      cleanUp();
    },
  };
}
