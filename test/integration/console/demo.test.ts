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
    // The recovery action: proposed by L2, the approval request printed with its calls and numbered buttons,
    // approved by an approver pressing Approve, then the dry-run report of every call it would send.
    expect(out).toMatch(/^U0DEMOL2 #inc-\d{8}-1-[a-z0-9-]+> \/incident run runbook-l1$/m);
    expect(out).toMatch(/^\[#inc-\d{8}-1-[a-z0-9-]+\] Recovery action for incident #1: runbook-l1$/m);
    expect(out).toMatch(/^ +Requested by @U0DEMOL2 · mode: dry run \(changes nothing\)$/m);
    expect(out).toMatch(/^ +3\. ecs:UpdateService \(ap-northeast-1\)\n +aws ecs update-service --cluster lightningtalk-circle-prod --service lightningtalk-circle-prod-api --force-new-deployment --region ap-northeast-1$/m);
    expect(out).toMatch(/^ +Waiting for 1 of 1 approval\(s\) from @U0DEMOINFRA1, @U0DEMOINFRA2; expires in /m);
    const approve = out.match(/^ +\[(\d+)\] Approve runbook-l1 +\[\d+\] Reject$/m)?.[1];
    expect(approve).toBeDefined();
    expect(out).toMatch(new RegExp(`^U0DEMOINFRA1 #inc-[^>]+> press ${approve}$`, 'm'));
    expect(out).toMatch(/^\[#inc-[^\]]+\] @U0DEMOINFRA1 approved `runbook-l1`; it is running now\.$/m);
    expect(out).toMatch(/^ +Succeeded: Dry run: would send 5 call\(s\); nothing was changed \(ACTIONS_MODE=dry-run\)\.$/m);
    expect(out).toMatch(
      /^ +✓ 3\. would send ecs:UpdateService \(ap-northeast-1\): \{"cluster":"lightningtalk-circle-prod","service":"lightningtalk-circle-prod-api","forceNewDeployment":true\}$/m,
    );
    expect(out).toMatch(/✓ dry-run report: every call it would send, nothing changed/);
    expect(out).toMatch(/↳ Succeeded runbook-l1 \([0-9a-f]{6}\): Dry run: would send 5 call\(s\)/);
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
