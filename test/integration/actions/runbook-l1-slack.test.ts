import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DescribeServicesCommand, ECSClient, UpdateServiceCommand, type Deployment } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { createHttpProbe } from '../../../src/actions/http-probe';
import type { IncidentEvent } from '../../../src/domain/events';
import type { Params, SlackCall } from '../../support/fake-slack-server';
import { writeTestPolicy } from '../../support/test-policy';
import { waitFor } from '../../support/wait-for';
import { deployment, service } from '../../unit/actions/support/ecs-fixtures';
import { startHarness, type Harness } from '../slack/harness';

const CLUSTER = 'lightningtalk-circle-prod';
const SERVICE = 'lightningtalk-circle-prod-api';
const REGION = 'ap-northeast-1';
const HEALTH_URL = 'https://api.xn--6wym69a.com/health';
const REQUESTER = 'U0REQUESTER';
const APPROVER = 'U0APPROVER';
const DESCRIBE = { cluster: CLUSTER, services: [SERVICE] };

/**
 * AWS ECS at the SDK-command level, as a small model of one service: stable
 * on an old deployment until UpdateService forces a new one, which is rolling
 * out at the next describe and stable after that.
 */
function mockEcs() {
  const ecs = mockClient(ECSClient);
  let forcedAt: Date | undefined;
  let describesSinceForced = 0;
  ecs.on(UpdateServiceCommand).callsFake(() => {
    forcedAt = new Date();
    return { service: service().services[0] };
  });
  ecs.on(DescribeServicesCommand).callsFake(() => {
    if (forcedAt === undefined) return service();
    describesSinceForced += 1;
    const fresh: Deployment = deployment({ id: 'ecs-svc/2222', createdAt: forcedAt });
    if (describesSinceForced === 1) {
      return service({ runningCount: 3, deployments: [{ ...fresh, runningCount: 1, rolloutState: 'IN_PROGRESS' }, deployment({ status: 'ACTIVE' })] });
    }
    return service({ deployments: [fresh] });
  });
  return ecs;
}

/** The service's health URL, answered on loopback: the probe is the real one, only its fetch goes to 127.0.0.1. */
async function startHealthServer(): Promise<{ server: Server; origin: string; gets: Array<{ method: string; path: string; userAgent: string }> }> {
  const gets: Array<{ method: string; path: string; userAgent: string }> = [];
  const server = createServer((req, res) => {
    gets.push({ method: req.method ?? '', path: req.url ?? '', userAgent: String(req.headers['user-agent'] ?? '') });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","db":"up"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, gets };
}

/** Block Kit as posted: header/section text, context elements, or an actions block's buttons. */
interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: Array<{ text?: unknown }>;
}

function blocksOf(params: Params): Block[] {
  return Array.isArray(params.blocks) ? (params.blocks as Block[]) : [];
}

function text(call: SlackCall): string {
  return typeof call.params.text === 'string' ? call.params.text : '';
}

describe('runbook-l1 end to end through Slack: propose, refuse the requester, approve, run live, report', () => {
  const ecs = mockEcs();
  const sleeps: number[] = [];
  let health: Awaited<ReturnType<typeof startHealthServer>>;
  let h: Harness;
  let incidentId: string;
  let channelId: string;
  let threadTs: string;
  let requestId: string;
  let approvalTs: string;

  const events = () => h.bot.ctx.store.load(incidentId);
  const requestEvents = async () => (await events()).filter((e) => 'requestId' in e && e.requestId === requestId);
  const short = () => requestId.slice(-6);

  beforeAll(async () => {
    health = await startHealthServer();
    const loopbackFetch: typeof fetch = (input, init) => fetch(new URL(new URL(String(input)).pathname, health.origin), init);
    h = await startHarness({
      policyPath: writeTestPolicy({ ackTimeout: '1h', targets: true }),
      env: { ACTIONS_MODE: 'live' },
      // The requester is an approver too: the refusal below is the own-request rule, not a missing role.
      usergroups: { S0INFRA: [REQUESTER, APPROVER], S0L2GROUP: ['U0L2CCCC'] },
      actions: {
        http: createHttpProbe(loopbackFetch),
        sleep: async (ms) => void sleeps.push(ms),
      },
    });
    expect((await h.command('declare L1 API is down', { channelId: 'C0LOBBY', userId: 'U0L1AAAA' })).status).toBe(200);
    const opened = await waitFor('the incident with its channel and message', async () => {
      const [summary] = await h.bot.ctx.store.listOpen();
      if (!summary?.channelId) return undefined;
      const posted = (await h.bot.ctx.store.load(summary.incidentId)).find((e) => e.type === 'MessagePosted');
      return posted?.type === 'MessagePosted' ? { summary, ts: posted.ts } : undefined;
    });
    incidentId = opened.summary.incidentId;
    channelId = opened.summary.channelId ?? '';
    threadTs = opened.ts;
  });

  afterAll(async () => {
    await h?.stop();
    await new Promise((resolve) => health?.server.close(resolve));
    ecs.restore();
  });

  it('posts the approval request in the incident channel: exact calls, LIVE mode, Approve and Reject', async () => {
    const sent = await h.command('run runbook-l1', { channelId, userId: REQUESTER });
    expect(sent.status).toBe(200);
    const proposed = await waitFor('ActionProposed stored', async () => (await events()).find((e) => e.type === 'ActionProposed'));
    requestId = (proposed as Extract<IncidentEvent, { type: 'ActionProposed' }>).requestId;
    await waitFor('the proposal announced in the channel', () =>
      h.fake.callsTo('chat.postMessage').some((c) => c.params.channel === channelId && text(c) === `<@${REQUESTER}> proposed \`runbook-l1\` (LIVE); the approval request follows (${short()}).`),
    );
    // Pressed only once the bot has stored where its request is, as a person could not click sooner.
    const posted = await waitFor('ApprovalMessagePosted stored', async () => (await requestEvents()).find((e) => e.type === 'ApprovalMessagePosted'));
    approvalTs = (posted as Extract<IncidentEvent, { type: 'ApprovalMessagePosted' }>).ts;

    const request = h.fake.callsTo('chat.postMessage').find((c) => c.params.channel === channelId && blocksOf(c.params).some((b) => b.type === 'header' && b.text?.text.includes('runbook-l1')));
    expect(request).toBeDefined();
    const blocks = blocksOf(request?.params ?? {});
    const byType = (type: string) => blocks.filter((b) => b.type === type);
    expect(byType('header')[0]?.text?.text).toBe('Recovery action for incident #1: runbook-l1');
    expect(byType('context')[0]?.elements?.[0]?.text).toBe(`Requested by <@${REQUESTER}> · mode: LIVE (changes AWS)`);
    const describeCli = `aws ecs describe-services --cluster ${CLUSTER} --services ${SERVICE} --region ${REGION}`;
    expect(byType('section')[0]?.text?.text).toBe(
      [
        '*Exact calls:*',
        `1. \`ecs:DescribeServices\` (${REGION}) _read-only_`,
        `\`\`\`${describeCli}\`\`\``,
        `2. \`ecs:DescribeServices\` (${REGION}) _read-only_`,
        `\`\`\`${describeCli}\`\`\``,
        `3. \`ecs:UpdateService\` (${REGION})`,
        `\`\`\`aws ecs update-service --cluster ${CLUSTER} --service ${SERVICE} --force-new-deployment --region ${REGION}\`\`\``,
        `4. \`ecs:DescribeServices\` (${REGION}) _read-only_`,
        `\`\`\`${describeCli}\`\`\``,
        '5. `http:GET` (global) _read-only_',
        `\`\`\`curl -sS -i --max-time 10 ${HEALTH_URL}\`\`\``,
      ].join('\n'),
    );
    expect(byType('section')[1]?.text?.text).toMatch(/^Waiting for 1 of 1 approval\(s\) from <!subteam\^S0INFRA>; expires in (30m|29m\s?\d*s?)\.$/);
    expect(byType('actions')).toEqual([
      {
        type: 'actions',
        block_id: `approval-${requestId}`,
        elements: [
          { type: 'button', action_id: 'action_approve', text: { type: 'plain_text', text: 'Approve runbook-l1' }, value: `${incidentId}|${requestId}`, style: 'primary' },
          { type: 'button', action_id: 'action_reject', text: { type: 'plain_text', text: 'Reject' }, value: `${incidentId}|${requestId}`, style: 'danger' },
        ],
      },
    ]);
    // Mode and plan are stored with the request: what was approved is what runs.
    expect(proposed).toMatchObject({ mode: 'live', needsApproval: true, required: 1, approvers: ['S0INFRA'], actor: { kind: 'user', id: REQUESTER } });
  });

  const approve = { actionId: 'action_approve', blockId: '', value: '', label: 'Approve runbook-l1' };

  it("refuses the requester's own approval privately, and runs nothing", async () => {
    const click = await h.click({ ...approve, blockId: `approval-${requestId}`, value: `${incidentId}|${requestId}` }, { channelId, userId: REQUESTER, messageTs: approvalTs });
    expect(click.status).toBe(200);
    const answer = await waitFor('the private answer', () => h.fake.responses.find((r) => r.id === click.responseId));
    expect(answer.body).toEqual({ response_type: 'ephemeral', replace_original: false, text: 'You proposed this runbook-l1; someone else has to approve it.' });
    const refused = await waitFor('the refusal in the log', async () => (await requestEvents()).find((e) => e.type === 'ActionApprovalRefused'));
    expect(refused).toMatchObject({ reason: 'own-request', actor: { kind: 'user', id: REQUESTER } });

    expect((await requestEvents()).map((e) => e.type)).toEqual(['ActionProposed', 'ApprovalMessagePosted', 'ActionApprovalRefused']);
    expect(await h.bot.queue.queue.getJob(`run-${requestId}`)).toBeUndefined();
    expect(ecs.calls()).toHaveLength(0);
    expect(health.gets).toHaveLength(0);
  });

  it('runs once an approver (a member of the S0INFRA user group) approves: exactly the ECS commands shown, then the health GET', async () => {
    const click = await h.click({ ...approve, blockId: `approval-${requestId}`, value: `${incidentId}|${requestId}` }, { channelId, userId: APPROVER, messageTs: approvalTs });
    expect(click.status).toBe(200);
    await waitFor('the approval announced', () =>
      h.fake.callsTo('chat.postMessage').some((c) => c.params.channel === channelId && text(c) === `<@${APPROVER}> approved \`runbook-l1\`; it is running now.`),
    );
    expect(h.fake.callsTo('usergroups.users.list').map((c) => c.params.usergroup)).toContain('S0INFRA');

    const finished = await waitFor('ActionFinished', async () => (await requestEvents()).find((e) => e.type === 'ActionFinished'), 30_000);
    expect(finished).toMatchObject({ ok: true, summary: expect.stringMatching(/^runbook-l1: all 3 steps succeeded\. /) });

    const sent = ecs.calls().map((c) => ({ command: c.args[0].constructor.name, input: c.args[0].input }));
    expect(sent).toEqual([
      { command: 'DescribeServicesCommand', input: DESCRIBE },
      { command: 'DescribeServicesCommand', input: DESCRIBE },
      { command: 'UpdateServiceCommand', input: { cluster: CLUSTER, service: SERVICE, forceNewDeployment: true } },
      { command: 'DescribeServicesCommand', input: DESCRIBE },
      { command: 'DescribeServicesCommand', input: DESCRIBE },
    ]);
    expect(health.gets).toEqual([{ method: 'GET', path: '/health', userAgent: 'irbot-health-check' }]);
    // One wait between "rolling out" and "stable", at the action's 15 s interval (instant here).
    expect(sleeps).toEqual([15_000]);
    const steps = (finished as Extract<IncidentEvent, { type: 'ActionFinished' }>).steps;
    expect(steps.map((s) => s.name)).toEqual([
      '1. ecs-status: counts',
      '1. ecs-status: deployments',
      '1. ecs-status: last events',
      '2. ecs-restart: UpdateService',
      '2. ecs-restart: wait for stable',
      '3. health-check: health check',
    ]);
    expect(steps.every((s) => s.ok)).toBe(true);
    expect(steps[5]?.detail).toMatch(new RegExp(`^GET ${HEALTH_URL.replace(/[.]/g, '\\.')} → 200 in \\d+ ms: \\{"status":"ok","db":"up"\\}$`));
  });

  it('reports every step in the incident thread and updates the approval message with the outcome', async () => {
    const r = `runbook-l1 (${short()})`;
    const expected: Array<string | RegExp> = [
      `<@${REQUESTER}> proposed runbook-l1 (live); needs 1 approval(s)`,
      `Refused an approval click by <@${REQUESTER}> on ${r} (own-request)`,
      `<@${APPROVER}> approved ${r}`,
      `Started ${r}`,
      `${r}: runbook-l1: step 1/3 ecs-status`,
      `${r}: runbook-l1: step 2/3 ecs-restart`,
      `${r}: ecs-restart: new deployment of ${SERVICE} started; waiting until it is stable`,
      new RegExp(`^${r.replace(/[()]/g, '\\$&')}: Waiting for ${SERVICE} \\(${REGION}\\) to be stable \\(1/40\\): `),
      `${r}: runbook-l1: step 3/3 health-check`,
      new RegExp(`^Succeeded ${r.replace(/[()]/g, '\\$&')}: runbook-l1: all 3 steps succeeded\\. `),
    ];
    const threadNotes = () => h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channelId && c.params.thread_ts === threadTs).map(text);
    const missing = () => expected.filter((e) => !threadNotes().some((t) => (typeof e === 'string' ? t === e : e.test(t))));
    await waitFor('every step in the thread', () => missing().length === 0 || undefined, 15_000).catch(() => {
      throw new Error(`not in the thread: ${missing().join(' | ')}\nthread: ${threadNotes().join('\n')}`);
    });

    const update = await waitFor('the approval message updated with the outcome', () =>
      h.fake.callsTo('chat.update').find((c) => c.params.channel === channelId && c.params.ts === approvalTs && text(c).includes('Succeeded: runbook-l1: all 3 steps succeeded.')),
    );
    expect(text(update)).toContain(`✓ 3. health-check: health check: GET ${HEALTH_URL} → 200`);
    // Decided: the buttons are gone.
    expect(blocksOf(update.params).some((b) => b.type === 'actions')).toBe(false);
  });

  it('keeps every step in the incident timeline, in order', async () => {
    const types = (await requestEvents()).map((e) => e.type);
    expect(types).toEqual([
      'ActionProposed',
      'ApprovalMessagePosted',
      'ActionApprovalRefused',
      'ActionApproved',
      'ActionStarted',
      'ActionProgress',
      'ActionProgress',
      'ActionProgress',
      'ActionProgress',
      'ActionProgress',
      'ActionFinished',
    ]);

    const from = h.fake.callsTo('chat.postMessage').length;
    expect((await h.command('timeline', { channelId, userId: APPROVER })).status).toBe(200);
    const posted = await waitFor('the timeline', () => h.fake.callsTo('chat.postMessage').slice(from).find((c) => text(c).startsWith('*Timeline of incident #1: API is down*')));
    const r = `runbook-l1 (${short()})`;
    const lines = text(posted)
      .split('\n')
      .slice(1)
      .map((l) => l.replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ {2}/, ''))
      .filter((l) => l.includes('runbook-l1'));
    expect(lines).toEqual([
      `<@${REQUESTER}> proposed runbook-l1 (live); needs 1 approval(s)`,
      `Approval request ${r} posted`,
      `Refused an approval click by <@${REQUESTER}> on ${r} (own-request)`,
      `<@${APPROVER}> approved ${r}`,
      `Started ${r}`,
      `${r}: runbook-l1: step 1/3 ecs-status`,
      `${r}: runbook-l1: step 2/3 ecs-restart`,
      `${r}: ecs-restart: new deployment of ${SERVICE} started; waiting until it is stable`,
      expect.stringMatching(new RegExp(`^${r.replace(/[()]/g, '\\$&')}: Waiting for ${SERVICE} \\(${REGION}\\) to be stable \\(1/40\\): `)),
      `${r}: runbook-l1: step 3/3 health-check`,
      expect.stringMatching(new RegExp(`^Succeeded ${r.replace(/[()]/g, '\\$&')}: runbook-l1: all 3 steps succeeded\\. `)),
    ]);
  });
});
