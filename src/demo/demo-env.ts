import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../config/load-config';

/** The folder holding package.json: the demo's fixtures live under its demo/ folder. */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'demo', 'policy.yaml'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the project folder (with demo/policy.yaml) above ${from}`);
  }
}

export interface DemoEnv {
  root: string;
  dataDir: string;
  config: Readonly<Config>;
  /** How long any one expected outcome may take; the longest wait is L1's 3 s ack timeout. */
  stepTimeoutMs: number;
}

const DEFAULT_STEP_TIMEOUT_MS = 30_000;

/**
 * A throw-away deployment: its own data folder and queue prefix, so the demo
 * never touches a real one sharing this Redis, and the demo policy with
 * second-scale timeouts. Slack settings are ignored: the demo is local mode.
 * DEMO_POLICY and DEMO_STEP_TIMEOUT_MS exist so a test can make a step fail
 * on purpose and check that the demo then exits non-zero.
 */
export async function prepareDemoEnv(): Promise<DemoEnv> {
  const root = projectRoot();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'irbot-demo-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('SLACK_')) delete env[key];
  Object.assign(env, {
    DATA_DIR: dataDir,
    QUEUE_PREFIX: `irbot-demo-${randomBytes(6).toString('hex')}`,
    ESCALATION_POLICY: process.env.DEMO_POLICY ? path.resolve(process.env.DEMO_POLICY) : path.join(root, 'demo', 'policy.yaml'),
    STORE: 'local',
    ACTIONS_MODE: 'dry-run',
    ALARM_TOKEN: randomBytes(24).toString('hex'),
    TABLE_PREFIX: 'irbot-',
  });
  const result = loadConfig(env);
  if (!result.ok) {
    await fs.rm(dataDir, { recursive: true, force: true });
    throw new Error(`the demo's settings are wrong:\n  ${result.errors.join('\n  ')}`);
  }
  const stepTimeoutMs = Number(process.env.DEMO_STEP_TIMEOUT_MS) > 0 ? Number(process.env.DEMO_STEP_TIMEOUT_MS) : DEFAULT_STEP_TIMEOUT_MS;
  // Any free port: the demo drives the console, and must not clash with a running bot on 3000.
  return { root, dataDir, config: { ...result.config, port: 0 }, stepTimeoutMs };
}
