import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/support/bot-process';
import { deletePrefix } from '../../test/support/redis-cleanup';

export const ALARM_TOKEN = 'bench-alarm-token-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-000000000-bench-token';
export const SIGNING_SECRET = 'feedface0123456789abcdef01234567';
export const ALERTS_CHANNEL = 'CBENCHALERTS';

export interface BotUnderTest {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  prefix: string;
  /** From spawn to the first /readyz 200. */
  readyMs: number;
  /** SIGTERM, wait for the exit, run `afterExit` on the data dir (the store is closed then), remove everything. */
  stop(afterExit?: (dataDir: string) => Promise<void>): Promise<void>;
}

const MAIN = join(__dirname, '..', '..', 'src', 'main.js');
const READY_TIMEOUT_MS = 60_000;

/**
 * Starts the built bot (dist/src/main.js) as its own process in Slack HTTP
 * mode against a loopback Slack API, with its own queue prefix and data dir,
 * and waits for /readyz. `stop()` sends SIGTERM and removes what it made.
 */
export async function startBotUnderTest(opts: { slackApiUrl: string; policyPath: string; extraEnv?: Record<string, string>; nodeArgs?: string[] }): Promise<BotUnderTest> {
  const port = await freePort();
  const prefix = `bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'irbot-bench-data-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: opts.slackApiUrl,
    SLACK_ALERTS_CHANNEL: ALERTS_CHANNEL,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: prefix,
    STORE: 'local',
    DATA_DIR: dataDir,
    ESCALATION_POLICY: opts.policyPath,
    ALARM_TOKEN,
    LOG_LEVEL: 'warn',
    ...opts.extraEnv,
    // BENCH_BOT_ENV="WORKER_CONCURRENCY=32 …" tries settings under the bench's load.
    ...Object.fromEntries((process.env.BENCH_BOT_ENV ?? '').split(' ').filter((kv) => kv.includes('=')).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])),
  };
  const started = performance.now();
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the bot under the bench's load.
  const nodeArgs = [...(opts.nodeArgs ?? []), ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  const child = spawn(process.execPath, [...nodeArgs, MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const cleanUp = async () => {
    await deletePrefix(prefix);
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (;;) {
    if (child.exitCode !== null || performance.now() - started > READY_TIMEOUT_MS) {
      child.kill('SIGKILL');
      await cleanUp();
      throw new Error(`the bot did not become ready: ${output}`);
    }
    const res = await fetch(`${baseUrl}/readyz`).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - started;
  return {
    child,
    pid: child.pid ?? -1,
    baseUrl,
    prefix,
    readyMs,
    async stop(afterExit) {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      try {
        await afterExit?.(dataDir);
      } finally {
        await cleanUp();
      }
    },
  };
}
