import { DescribeServicesCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { ecsRestart, type EcsRestartParams } from '../../../src/actions/catalogue/ecs-restart';
import { STABLE_CHECKS, STABLE_INTERVAL_MS } from '../../../src/actions/ecs/service-state';
import { CLUSTER, deployment, rollingOut, SERVICE, service } from './support/ecs-fixtures';
import { awsError, expectSentMatchesPlan, harness, mocks, NOW, REQUESTED_AT, resetMocks } from './support/harness';
import { targets } from './support/targets-fixture';

const params: EcsRestartParams = {
  region: 'ap-northeast-1',
  cluster: CLUSTER,
  service: SERVICE,
  requestedAt: REQUESTED_AT,
  healthUrl: 'https://api.example.com/health',
};
const DESCRIBE = { cluster: CLUSTER, services: [SERVICE] };
const FORCE = { cluster: CLUSTER, service: SERVICE, forceNewDeployment: true };
const OURS = new Date('2025-07-11T03:31:00Z');

describe('ecs-restart', () => {
  beforeEach(resetMocks);

  it('parses the request time and the targets’ service', () => {
    expect(ecsRestart.parseParams({ requestedAt: REQUESTED_AT }, targets())).toEqual({ ok: true, params });
    expect(ecsRestart.needsApproval).toBe(true);
  });

  it('forces a new deployment, polls until stable, then checks health: exactly the planned calls', async () => {
    mocks.ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(service())
      .resolvesOnce(rollingOut(OURS))
      .resolvesOnce(rollingOut(OURS))
      .resolves(service({ deployments: [deployment({ createdAt: OURS })] }));
    mocks.ecs.on(UpdateServiceCommand).resolves({});
    const h = harness();
    const report = await ecsRestart.run(params, h.ctx);

    expect(mocks.ecs.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([FORCE]);
    expect(mocks.ecs.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input)).toEqual([DESCRIBE, DESCRIBE, DESCRIBE, DESCRIBE]);
    expect(h.sleeps).toEqual([STABLE_INTERVAL_MS, STABLE_INTERVAL_MS]);
    const plan = ecsRestart.plan(params, targets(), NOW);
    expect(plan.map((c) => [c.command, c.mutates])).toEqual([
      ['DescribeServices', false],
      ['UpdateService', true],
      ['DescribeServices', false],
      ['GET', false],
    ]);
    expect(plan[1]).toMatchObject({
      input: FORCE,
      cli: 'aws ecs update-service --cluster lightningtalk-circle-prod --service lightningtalk-circle-prod-api --force-new-deployment --region ap-northeast-1',
    });
    expect(plan[2]?.note).toMatch(/at most 40 times/);
    expectSentMatchesPlan(plan, h.sent());
    expect(report.ok).toBe(true);
    expect(report.summary).toBe('lightningtalk-circle-prod-api (ap-northeast-1) restarted and stable; health check passed');
    expect(h.progress[0]).toMatch(/new deployment of lightningtalk-circle-prod-api started/);
  });

  it('on a retry, finds the deployment it already started and does not force another', async () => {
    mocks.ecs.on(DescribeServicesCommand).resolvesOnce(rollingOut(OURS)).resolves(service({ deployments: [deployment({ createdAt: OURS })] }));
    const report = await ecsRestart.run(params, harness().ctx);
    expect(mocks.ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    expect(report.ok).toBe(true);
    expect(report.steps[0]?.detail).toMatch(/^skipped: PRIMARY lightningtalk-circle-prod-api:41: running 1\/2, rollout IN_PROGRESS, started 2025-07-11T03:31:00.000Z began after the request/);
  });

  it('gives up after the bounded number of checks and says so', async () => {
    mocks.ecs.on(DescribeServicesCommand).resolvesOnce(service()).resolves(rollingOut(OURS));
    mocks.ecs.on(UpdateServiceCommand).resolves({});
    const h = harness();
    const report = await ecsRestart.run(params, h.ctx);
    expect(mocks.ecs.commandCalls(DescribeServicesCommand)).toHaveLength(1 + STABLE_CHECKS);
    expect(h.sleeps).toHaveLength(STABLE_CHECKS - 1);
    expect(report.ok).toBe(false);
    expect(report.summary).toMatch(/^ecs-restart failed at wait for stable: gave up after 40 checks \(9m 45s\) waiting for lightningtalk-circle-prod-api \(ap-northeast-1\) to be stable; last state: /);
    expect(h.sent().some((c) => c.command === 'GET')).toBe(false);
  });

  it('stops when the rollout fails (circuit breaker)', async () => {
    const failed = service({ deployments: [deployment({ createdAt: OURS, rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' })] });
    mocks.ecs.on(DescribeServicesCommand).resolvesOnce(service()).resolves(failed);
    mocks.ecs.on(UpdateServiceCommand).resolves({});
    const report = await ecsRestart.run(params, harness().ctx);
    expect(report.summary).toBe('ecs-restart failed at wait for stable: deployment failed: ECS deployment circuit breaker: tasks failed to start.');
  });

  it('reports UpdateService’s AWS error with the failing call', async () => {
    mocks.ecs.on(DescribeServicesCommand).resolves(service());
    mocks.ecs.on(UpdateServiceCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform: ecs:UpdateService'));
    const report = await ecsRestart.run(params, harness().ctx);
    expect(report.ok).toBe(false);
    expect(report.summary).toBe('ecs-restart failed at UpdateService: UpdateService failed: AccessDeniedException: not authorized to perform: ecs:UpdateService');
  });

  it('fails when the service is stable but unhealthy', async () => {
    mocks.ecs.on(DescribeServicesCommand).resolvesOnce(service()).resolves(service({ deployments: [deployment({ createdAt: OURS })] }));
    mocks.ecs.on(UpdateServiceCommand).resolves({});
    const report = await ecsRestart.run(params, harness({ status: 500, latencyMs: 3, bodyExcerpt: 'boom' }).ctx);
    expect(report.ok).toBe(false);
    expect(report.summary).toBe('ecs-restart failed at health check: GET https://api.example.com/health → 500 in 3 ms: boom');
  });
});
