import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { yyyymmddHHMM } from '../../../src/actions/names';
import type { IncidentEvent } from '../../../src/domain/events';
import { freePort } from '../../support/bot-process';
import { deletePrefix, REDIS_URL, uniquePrefix } from '../../support/redis-cleanup';
import { startSharedStore, type SharedStore } from '../../support/shared-store';
import { writeTestPolicy } from '../../support/test-policy';
import { waitFor } from '../../support/wait-for';
import { buildIfNeeded } from '../console/console-process';
import { BotChild } from './bot-child';

const SOURCE = 'lightningtalk-circle-prod-events';
const RESTORERS = ['U0RESTORE1', 'U0RESTORE2'];

interface AwsCall {
  pid: number;
  command: string;
  input: Record<string, unknown>;
}

type Event<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;

/**
 * A worker is SIGKILLed right after AWS accepted RestoreTableToPointInTime and
 * before the bot recorded anything. The next process takes the job over once
 * its lock runs out (JOB_LOCK_MS), recognises the restore it already asked for
 * (check-then-act on the target table) and finishes it: one restore, never two.
 *
 * The bot runs as its own process (test/support/mocked-aws-bot.js: the built
 * bot with DynamoDB mocked at the SDK-command level, every call logged to a
 * file that survives the kill), on a store and a Redis this test shares. The
 * test drives its local-mode console over stdin, as a person would: declare,
 * /incident run, `as` each approver, `press` Approve.
 */
describe('SIGKILL during a live dynamodb-restore', () => {
  let shared: SharedStore;
  let dir: string;
  let callLog: string;
  let env: NodeJS.ProcessEnv;
  const prefix = uniquePrefix('restore-crash');
  const children: BotChild[] = [];

  const awsCalls = (): AwsCall[] =>
    readFileSync(callLog, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as AwsCall);

  const start = async (extra: Record<string, string> = {}): Promise<BotChild> => {
    const port = await freePort();
    const child = new BotChild('test/support/mocked-aws-bot.js', { ...env, PORT: String(port), ...extra });
    children.push(child);
    await waitFor(`bot on port ${port} ready`, async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200, 30_000, 100).catch((err: Error) => {
      throw new Error(`${err.message}\n${child.transcript()}`);
    });
    return child;
  };

  beforeAll(async () => {
    buildIfNeeded();
    shared = await startSharedStore();
    dir = mkdtempSync(join(tmpdir(), 'irbot-restore-crash-'));
    callLog = join(dir, 'aws-calls.jsonl');
    env = {
      PATH: process.env.PATH,
      ...shared.env,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      DATA_DIR: join(dir, 'data'),
      ESCALATION_POLICY: writeTestPolicy({
        ackTimeout: '1h',
        targets: true,
        approvals: { 'dynamodb-restore': { approvers: RESTORERS, required: 2 } },
      }),
      ACTIONS_MODE: 'live',
      JOB_LOCK_MS: '3000',
      LOG_LEVEL: 'info',
      AWS_CALL_LOG: callLog,
    };
  });

  afterAll(async () => {
    for (const child of children) await child.stop();
    await deletePrefix(prefix);
    await shared?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the worker dies after the restore call; the restarted bot finishes the job with exactly one RestoreTableToPointInTime', async () => {
    const first = await start({ CRASH_AFTER_RESTORE: '1' });

    let from = first.type('/incident declare L2 Events table corrupted');
    const channel = (await first.line(/^\(you are now in #(inc-\d{8}-1-events-table-corrupted):/, from))[1];
    // The console moves into the channel as it is created; commands work there once the bot has recorded it.
    const summary = await waitFor('the channel recorded', () => shared.store.findByChannel(channel ?? ''));
    const incidentId = summary.incidentId;
    const events = () => shared.store.load(incidentId);

    const typedAt = Date.now();
    from = first.type(`/incident run dynamodb-restore table=${SOURCE}`);
    await first.line(/^ +Requested by @U0LOCALUSER · mode: LIVE \(changes AWS\)$/, from);
    await first.line(/^ +Waiting for 2 of 2 approval\(s\) from @U0RESTORE1, @U0RESTORE2; /, from);
    const firstButtons = await first.line(/\[(\d+)\] Approve dynamodb-restore +\[\d+\] Reject/, from);
    // Pressed once the bot has stored where its request is, as a person could not click sooner.
    await waitFor('ApprovalMessagePosted stored', async () => (await events()).some((e) => e.type === 'ApprovalMessagePosted'));

    first.type(`as ${RESTORERS[0]}`);
    from = first.type(`press ${firstButtons[1]}`);
    await first.line(new RegExp(`^\\[#${channel}\\] @${RESTORERS[0]} approved \`dynamodb-restore\`; it needs 1 more approval\\(s\\) from someone else\\.$`), from);
    // The request is redrawn with the approval so far, and new buttons.
    const secondButtons = await first.line(/\[(\d+)\] Approve dynamodb-restore +\[\d+\] Reject/, from);

    first.type(`as ${RESTORERS[1]}`);
    first.type(`press ${secondButtons[1]}`);

    // The mock kills the process once AWS has the restore request.
    expect(await first.exitWithin(30_000)).toEqual({ code: null, signal: 'SIGKILL' });
    const proposed = (await events()).find((e): e is Event<'ActionProposed'> => e.type === 'ActionProposed');
    expect(proposed).toBeDefined();
    const requestId = proposed?.requestId ?? '';
    const ofRequest = async () => (await events()).filter((e) => 'requestId' in e && e.requestId === requestId);
    expect((await ofRequest()).map((e) => e.type)).toEqual(['ActionProposed', 'ApprovalMessagePosted', 'ActionApproved', 'ActionApproved', 'ActionStarted']);
    expect((await ofRequest()).filter((e) => e.type === 'ActionApproved').map((e) => e.actor)).toEqual(RESTORERS.map((id) => ({ kind: 'user', id })));
    // The restored table is named from the request time, so every attempt of this request asks for the same one.
    const requestedAt = new Date(String((proposed?.params as { requestedAt?: string }).requestedAt));
    expect(requestedAt.getTime()).toBeGreaterThanOrEqual(typedAt - 1000);
    expect(requestedAt.getTime()).toBeLessThanOrEqual(Date.parse(proposed?.at ?? ''));
    const target = `${SOURCE}-restored-${yyyymmddHHMM(requestedAt)}`;
    expect(target).toMatch(/^lightningtalk-circle-prod-events-restored-\d{12}$/);
    const restore = { command: 'RestoreTableToPointInTime', input: { SourceTableName: SOURCE, TargetTableName: target, UseLatestRestorableTime: true } };
    expect(awsCalls().map(({ command, input }) => ({ command, input }))).toEqual([
      { command: 'DescribeTable', input: { TableName: target } },
      { command: 'DescribeContinuousBackups', input: { TableName: SOURCE } },
      restore,
    ]);

    // Started again, without the crash: the job is taken over after its lock (3 s) expires.
    const second = await start();
    const finished = await waitFor(
      'ActionFinished after the restart',
      async () => (await ofRequest()).find((e): e is Event<'ActionFinished'> => e.type === 'ActionFinished'),
      40_000,
      200,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${second.transcript()}`);
    });
    expect(finished.ok).toBe(true);
    expect(finished.summary).toMatch(new RegExp(`^Restored ${SOURCE} to its latest restorable time into ${target}, now ACTIVE; `));
    expect(finished.steps).toEqual([
      { name: 'RestoreTableToPointInTime', ok: true, detail: `skipped: ${target} already exists (CREATING), made by an earlier attempt of this request; waiting for it` },
      { name: 'wait for ACTIVE', ok: true, detail: `${target} is ACTIVE (1234 items as last reported)` },
    ]);

    // AWS saw exactly one restore, with the exact input; the second process only looked.
    const calls = awsCalls();
    expect(calls.filter((c) => c.command === 'RestoreTableToPointInTime')).toHaveLength(1);
    expect(calls.map(({ command, input }) => ({ command, input }))).toEqual([
      { command: 'DescribeTable', input: { TableName: target } },
      { command: 'DescribeContinuousBackups', input: { TableName: SOURCE } },
      restore,
      { command: 'DescribeTable', input: { TableName: target } },
      { command: 'DescribeTable', input: { TableName: target } },
    ]);
    const pids = [...new Set(calls.map((c) => c.pid))];
    expect(pids).toEqual([first.pid, second.pid]);
    expect(calls.slice(3).every((c) => c.pid === second.pid)).toBe(true);

    // Started once (by the first process), finished once (by the second).
    const types = (await ofRequest()).map((e) => e.type);
    expect(types.filter((t) => t === 'ActionStarted')).toHaveLength(1);
    expect(types.filter((t) => t === 'ActionFinished')).toHaveLength(1);

    expect(await second.stop()).toEqual({ code: 0, signal: null });
  }, 90_000);
});
