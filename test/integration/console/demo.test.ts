import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { ConsoleProcess, buildIfNeeded, tempDir } from './console-process';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** `npm run demo`: the scripted incident plays end to end on the real engine and exits 0. */
describe('npm run demo', () => {
  beforeAll(() => buildIfNeeded());

  it('plays alarm → page L1 → L2 → ack → action → OK → resolved → timeline, exits 0 and cleans up', async () => {
    const demo = new ConsoleProcess('dist/src/demo/run-demo.js', { PATH: process.env.PATH, REDIS_URL });
    const code = await demo.exited;
    const out = demo.output();
    expect({ code, out }).toEqual({ code: 0, out: expect.stringContaining('Demo finished') });

    const steps = out.split('\n').filter((l) => /^=== Step \d\/\d: /.test(l));
    expect(steps).toHaveLength(7);
    expect(out).toMatch(/^\[#alerts\] New incident #1 at L1 support \(L1\): lightningtalk-circle-prod-api-unhealthy/m);
    expect(out).toMatch(/✓ paged L1 support \(L1\): U0DEMOL1/);
    expect(out).toMatch(/✓ escalated to L2 engineer \(L2\) after the timeout/);
    expect(out).toMatch(/^\[#inc-\d{8}-1-[a-z0-9-]+\] PAGE L2 engineer: @U0DEMOL2/m);
    expect(out).toMatch(/@U0DEMOL2 acknowledged incident #1; escalation stopped/);
    expect(out).toMatch(/\/incident run ecs-status[^\n]*\n\(only you\) /);
    expect(out).toMatch(/✓ incident resolved automatically/);
    expect(out).toMatch(/Timeline of incident #1[^\n]*\n(?: +\d{4}-\d\d-\d\d [^\n]+\n)+/);
    expect(out).toMatch(/Not acknowledged in time: escalated from L1 support to L2 engineer/);
    expect(out).toMatch(/Resolved automatically/);

    // Its throw-away queue prefix leaves nothing behind in a shared Redis.
    const prefix = out.match(/queue prefix (irbot-demo-[0-9a-f]+)/)?.[1];
    expect(prefix).toBeDefined();
    const redis = new Redis(REDIS_URL);
    try {
      expect(await redis.keys(`${prefix}:*`)).toEqual([]);
    } finally {
      redis.disconnect();
    }
  }, 120_000);
});

describe('npm run demo when a step does not happen', () => {
  beforeAll(() => buildIfNeeded());

  it('says which step failed and exits 1 (here: L1 never times out, so L2 is never paged)', async () => {
    const dir = await tempDir('demo-fail');
    const policy = path.join(dir, 'slow-policy.yaml');
    await fs.writeFile(
      policy,
      [
        'rto: 4h',
        'rpo: 1h',
        'levels:',
        '  - { id: L1, name: L1 support, responders: [U0DEMOL1], ackTimeout: 1h }',
        '  - { id: L2, name: L2 engineer, responders: [U0DEMOL2], ackTimeout: 1h }',
        'approvals:',
        '  default: { approvers: [U0DEMOINFRA1], required: 1 }',
      ].join('\n'),
    );
    const demo = new ConsoleProcess('dist/src/demo/run-demo.js', { PATH: process.env.PATH, REDIS_URL, DEMO_POLICY: policy, DEMO_STEP_TIMEOUT_MS: '2000' });
    const code = await demo.exited;
    const out = demo.output();
    const kept = out.match(/Logs and data kept in (\S+) /)?.[1];
    await fs.rm(dir, { recursive: true, force: true });
    if (kept) await fs.rm(kept, { recursive: true, force: true });

    expect({ code, out }).toEqual({ code: 1, out: expect.stringMatching(/✗ escalated to L2 engineer \(L2\) after the timeout: did not happen within 2 s/) });
    expect(out).toMatch(/^Demo FAILED: /m);
    expect(out).not.toMatch(/=== Step 4\//);
    expect(kept).toBeDefined();
  }, 60_000);
});
