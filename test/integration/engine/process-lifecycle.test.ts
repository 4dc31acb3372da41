import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { deletePrefix, REDIS_URL, uniquePrefix } from '../../support/redis-cleanup';
import { startBotProcess } from '../../support/bot-process';
import { TEST_ALARM_TOKEN } from '../../support/start-test-bot';
import { writeTestPolicy } from '../../support/test-policy';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const MAIN = join(__dirname, '..', '..', '..', 'dist', 'src', 'main.js');

function runToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

describe('the bot process', () => {
  it('fails fast with exit 1 and one line per wrong setting', async () => {
    const { code, stderr } = await runToExit({ PORT: 'abc', STORE: 'mongo', ESCALATION_POLICY: '/nope.yaml', REDIS_URL });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toMatch(/cannot start/);
    expect(lines.filter((l) => /^\s+PORT: /.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^\s+STORE: expected local or dynamodb/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^\s+ESCALATION_POLICY: \/nope.yaml/.test(l))).toHaveLength(1);
  });

  it('says so and exits 1 when Redis does not answer', async () => {
    const { code, stderr } = await runToExit({ REDIS_URL: 'redis://127.0.0.1:1', ESCALATION_POLICY: writeTestPolicy(), DATA_DIR: mkdtempSync(join(tmpdir(), 'irbot-noredis-')) });
    expect(code).toBe(1);
    expect(stderr).toContain('Redis is not answering at redis://127.0.0.1:1');
  });

  it('serves health, readiness and metrics, and drains on SIGTERM with exit 0', async () => {
    const prefix = uniquePrefix('lifecycle');
    const bot = await startBotProcess({
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'irbot-life-')),
      ALARM_TOKEN: TEST_ALARM_TOKEN,
      ESCALATION_POLICY: writeTestPolicy(),
      LOG_LEVEL: 'warn',
    });
    try {
      expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
      const ready = await fetch(`${bot.baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { redis: 'ok', store: 'ok' } });
      const metrics = await (await fetch(`${bot.baseUrl}/metrics`)).text();
      expect(metrics).toContain('# TYPE irbot_alarms_received_total counter');
      expect(metrics).toContain('# TYPE irbot_job_duration_seconds histogram');
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await deletePrefix(prefix);
    }
  });
});
