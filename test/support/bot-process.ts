import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitFor } from './wait-for';

const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

export interface BotProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts the built bot (`dist/src/main.js`) as its own process and waits until /readyz says 200. */
export async function startBotProcess(env: Record<string, string>, port?: number): Promise<BotProcess> {
  const chosen = port ?? (await freePort());
  // stdin stays an open pipe: local mode reads commands from it.
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env, PORT: String(chosen) }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${chosen}`;
  await waitFor(`bot on port ${chosen} to be ready (output so far: ${out.slice(-500)})`, async () => {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}: ${out.slice(-2000)}`);
    const res = await fetch(`${baseUrl}/readyz`).catch(() => undefined);
    return res?.status === 200;
  }, 30000, 200);
  return { child, port: chosen, baseUrl, output: () => out, exited };
}
