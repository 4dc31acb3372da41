import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockClient } from 'aws-sdk-client-mock';
import { createAwsClients } from '../../../src/actions/aws-clients';
import { dispatchIncidentCommand, pressApprovalButton } from '../../../commands';
import type { CommandReply } from '../../../commands';
import { foldIncident } from '../../../src/domain/incident-state';
import type { IncidentEvent } from '../../../src/domain/events';
import { startTestBot, type TestBot } from '../../support/start-test-bot';
import { waitFor } from '../../support/wait-for';

/** The shipped policy's targets, with second-scale levels and a short expiry for one action. */
function policyWithTargets(): string {
  const shipped = readFileSync(join(__dirname, '..', '..', '..', 'escalation', 'policy.yaml'), 'utf8');
  const targets = shipped.slice(shipped.indexOf('\ntargets:'));
  const yaml = `rto: 4h
rpo: 1h
levels:
  - { id: L1, name: L1 support, responders: [U0L1AAAA], ackTimeout: 1h }
  - { id: L2, name: L2 engineer, responders: [U0L2BBBB], ackTimeout: 1h }
approvals:
  default: { approvers: [S0INFRA], required: 1 }
  dynamodb-restore: { approvers: [S0INFRA], required: 2 }
  ecs-scale: { approvers: [S0INFRA], required: 1, expiresAfter: 2s }
${targets}`;
  const path = join(mkdtempSync(join(tmpdir(), 'irbot-actions-')), 'policy.yaml');
  writeFileSync(path, yaml);
  return path;
}

type Said = { to: 'me' | 'channel'; text: string };
function recorder(): CommandReply & { said: Said[] } {
  const said: Said[] = [];
  return { said, ephemeral: async (text) => void said.push({ to: 'me', text }), inChannel: async (text) => void said.push({ to: 'channel', text }) };
}

describe('recovery actions: proposal, approval rules, dry run', () => {
  let t: TestBot;
  let channelId: string;
  let incidentId: string;
  // The bot's own AWS clients, mocked one by one: mocking the DynamoDBClient class would also capture the store's.
  const clients = createAwsClients();
  const aws = {
    ecs: mockClient(clients.ecs('ap-northeast-1')),
    ecsDr: mockClient(clients.ecs('us-west-2')),
    dynamodb: mockClient(clients.dynamodb('ap-northeast-1')),
    route53: mockClient(clients.route53()),
  };

  beforeAll(async () => {
    t = await startTestBot({ env: { ESCALATION_POLICY: policyWithTargets(), ACTIONS_MODE: 'dry-run' }, botOptions: { actions: { aws: clients } } });
    t.chat.groups = { S0INFRA: ['U0INFRA1', 'U0INFRA2'] };
    await dispatchIncidentCommand(t.bot.ctx, { text: 'declare L1 Orders table corrupted', userId: 'U0L1AAAA', channelId: 'C0LOBBY' }, recorder());
    const open = await waitFor('the incident with its message', async () => {
      const [s] = await t.bot.ctx.store.listOpen();
      return s?.channelId && foldIncident(await t.bot.ctx.store.load(s.incidentId)).message ? s : undefined;
    });
    channelId = open.channelId!;
    incidentId = open.incidentId;
  });
  afterAll(async () => {
    await t.stop();
    for (const m of Object.values(aws)) m.restore();
  });

  const events = () => t.bot.ctx.store.load(incidentId);
  const state = async () => foldIncident(await events());
  const run = async (text: string, userId = 'U0L1AAAA') => {
    const reply = recorder();
    await dispatchIncidentCommand(t.bot.ctx, { text: `run ${text}`, userId, channelId }, reply);
    return reply.said;
  };
  const latestRequest = async (action: string) => waitFor(`${action} posted`, async () => [...(await state()).actions.values()].reverse().find((r) => r.action === action && r.message));
  const click = async (requestId: string, userId: string, choice: 'action_approve' | 'action_reject' = 'action_approve') => {
    const reply = recorder();
    await pressApprovalButton(t.bot.ctx, { actionId: choice, value: `${incidentId}|${requestId}`, userId }, reply);
    return reply.said;
  };

  it('posts the approval request with the exact calls and the mode', async () => {
    const said = await run('ecs-restart');
    expect(said).toEqual([{ to: 'channel', text: expect.stringContaining('proposed `ecs-restart` (dry run)') }]);
    const request = await latestRequest('ecs-restart');
    const posted = t.chat.calls.find((c) => c.kind === 'postApprovalRequest' && c.view.request.requestId === request.requestId);
    expect(posted).toBeDefined();
    expect(request.calls.map((c) => c.command)).toContain('UpdateService');
    const update = request.calls.find((c) => c.command === 'UpdateService')!;
    expect(update.input).toMatchObject({ cluster: 'lightningtalk-circle-prod', service: 'lightningtalk-circle-prod-api', forceNewDeployment: true });
    expect(update.cli).toContain('aws ecs update-service');
    expect(request).toMatchObject({ mode: 'dry-run', required: 1, status: 'pending', requestedBy: 'U0L1AAAA' });
  });

  it('applies the approval rules, records every click, and runs the dry run once approved', async () => {
    const { requestId } = await latestRequest('ecs-restart');
    expect(await click(requestId, 'U0L1AAAA')).toEqual([{ to: 'me', text: expect.stringContaining('someone else has to approve it') }]);
    expect(await click(requestId, 'U0RANDOM')).toEqual([{ to: 'me', text: expect.stringContaining('not an approver') }]);
    expect(await click(requestId, 'U0INFRA1')).toEqual([{ to: 'channel', text: expect.stringContaining('approved `ecs-restart`; it is running now') }]);
    const done = await waitFor('the dry run to finish', async () => {
      const r = (await state()).actions.get(requestId);
      return r?.status === 'succeeded' ? r : undefined;
    });
    expect(done.outcome?.summary).toMatch(/^Dry run: would send \d+ call\(s\); nothing was changed/);
    expect(done.outcome?.steps.map((s) => s.name).join('\n')).toContain('would send ecs:UpdateService');
    // Dry run sends nothing to AWS.
    expect(aws.ecs.calls()).toHaveLength(0);
    const types = (await events()).filter((e) => 'requestId' in e && e.requestId === requestId).map((e) => e.type);
    expect(types).toEqual(['ActionProposed', 'ApprovalMessagePosted', 'ActionApprovalRefused', 'ActionApprovalRefused', 'ActionApproved', 'ActionStarted', 'ActionFinished']);
    const refusals = (await events()).filter((e): e is Extract<IncidentEvent, { type: 'ActionApprovalRefused' }> => e.type === 'ActionApprovalRefused');
    expect(refusals.map((e) => e.reason)).toEqual(['own-request', 'not-approver']);
    await waitFor('the approval message updated with the outcome', () =>
      t.chat.calls.some((c) => c.kind === 'updateApprovalRequest' && c.view.request.requestId === requestId && c.view.request.status === 'succeeded'),
    );
  });

  it('needs two different approvers for a restore', async () => {
    await run('dynamodb-restore table=lightningtalk-circle-prod-events');
    const { requestId, risk } = await latestRequest('dynamodb-restore');
    expect(risk).toMatch(/RPO/);
    expect(await click(requestId, 'U0INFRA1')).toEqual([{ to: 'channel', text: expect.stringContaining('needs 1 more approval') }]);
    expect(await click(requestId, 'U0INFRA1')).toEqual([{ to: 'me', text: expect.stringContaining('already approved') }]);
    expect((await state()).actions.get(requestId)?.status).toBe('pending');
    await click(requestId, 'U0INFRA2');
    const done = await waitFor('restore dry run', async () => ((await state()).actions.get(requestId)?.status === 'succeeded' ? (await state()).actions.get(requestId) : undefined));
    expect(done.approvals).toEqual(['U0INFRA1', 'U0INFRA2']);
    expect(aws.dynamodb.calls()).toHaveLength(0);
    expect(aws.route53.calls()).toHaveLength(0);
  });

  it('a rejected request never runs', async () => {
    await run('dynamodb-backup table=all');
    const { requestId } = await latestRequest('dynamodb-backup');
    expect(await click(requestId, 'U0INFRA2', 'action_reject')).toEqual([{ to: 'channel', text: expect.stringContaining('rejected') }]);
    expect(await click(requestId, 'U0INFRA1')).toEqual([{ to: 'me', text: expect.stringContaining('already rejected') }]);
    expect((await state()).actions.get(requestId)).toMatchObject({ status: 'rejected', rejectedBy: 'U0INFRA2' });
  });

  it('a request expires when nobody approves it in time', async () => {
    await run('ecs-scale desired=2');
    const { requestId } = await latestRequest('ecs-scale');
    await waitFor('the expiry job', async () => (await state()).actions.get(requestId)?.status === 'expired', 15000);
    expect(await click(requestId, 'U0INFRA1')).toEqual([{ to: 'me', text: expect.stringContaining('already expired') }]);
  });

  it('read-only actions run without approval, and bad parameters are answered with usage', async () => {
    await run('ecs-status');
    const done = await waitFor('ecs-status report', async () => [...(await state()).actions.values()].find((r) => r.action === 'ecs-status' && r.status === 'succeeded'));
    expect(done.approvals).toEqual([]);
    expect(await run('dynamodb-restore table=no-such-table')).toEqual([{ to: 'me', text: expect.stringMatching(/table[\s\S]*Usage: \/incident run dynamodb-restore/) }]);
    expect(await run('reboot-the-world')).toEqual([{ to: 'me', text: expect.stringContaining('No recovery action named "reboot-the-world". Available: ') }]);
  });
});
