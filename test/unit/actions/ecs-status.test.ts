import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { ecsStatus } from '../../../src/actions/catalogue/ecs-status';
import { CLUSTER, rollingOut, SERVICE, service } from './support/ecs-fixtures';
import { awsError, expectSentMatchesPlan, harness, mocks, NOW, resetMocks } from './support/harness';
import { targets } from './support/targets-fixture';

function params(args: Record<string, string> = {}) {
  const parsed = ecsStatus.parseParams(args, targets());
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.params;
}

describe('ecs-status', () => {
  beforeEach(resetMocks);

  it('needs no approval', () => {
    expect(ecsStatus.needsApproval).toBe(false);
  });

  it('sends one DescribeServices for the plan’s cluster and service, as planned', async () => {
    mocks.ecs.on(DescribeServicesCommand).resolves(rollingOut(new Date('2025-07-11T03:26:00Z')));
    const h = harness();
    const report = await ecsStatus.run(params(), h.ctx);

    const calls = mocks.ecs.commandCalls(DescribeServicesCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({ cluster: CLUSTER, services: [SERVICE] });
    const plan = ecsStatus.plan(params(), targets(), NOW);
    expect(plan).toEqual([
      {
        service: 'ecs',
        region: 'ap-northeast-1',
        command: 'DescribeServices',
        input: { cluster: CLUSTER, services: [SERVICE] },
        cli: 'aws ecs describe-services --cluster lightningtalk-circle-prod --services lightningtalk-circle-prod-api --region ap-northeast-1',
        mutates: false,
      },
    ]);
    expectSentMatchesPlan(plan, h.sent());

    expect(report.ok).toBe(true);
    expect(report.summary).toBe('lightningtalk-circle-prod-api (ap-northeast-1): desired 2, running 3, pending 0; 2 deployment(s)');
    expect(report.steps.map((s) => s.name)).toEqual(['counts', 'deployments', 'last events']);
    expect(report.steps[1]?.detail).toContain('PRIMARY lightningtalk-circle-prod-api:41: running 1/2, rollout IN_PROGRESS');
    expect(report.steps[2]?.detail).toContain('has reached a steady state');
  });

  it('region= the DR region describes the DR service', async () => {
    mocks.ecs.on(DescribeServicesCommand).resolves(service());
    await ecsStatus.run(params({ region: 'us-west-2' }), harness().ctx);
    expect(mocks.ecs.commandCalls(DescribeServicesCommand)[0]?.args[0].input).toEqual({ cluster: 'lightningtalk-circle-prod-dr', services: ['lightningtalk-circle-prod-dr-api'] });
    expect(ecsStatus.plan(params({ region: 'us-west-2' }), targets(), NOW)[0]?.region).toBe('us-west-2');
  });

  it('reports an AWS error naming the failing call', async () => {
    mocks.ecs.on(DescribeServicesCommand).rejects(awsError('AccessDeniedException', 'User: arn:aws:sts::123456789012:assumed-role/irbot is not authorized to perform: ecs:DescribeServices'));
    const report = await ecsStatus.run(params(), harness().ctx);
    expect(report.ok).toBe(false);
    expect(report.summary).toBe(
      'ecs-status failed at DescribeServices: DescribeServices failed: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/irbot is not authorized to perform: ecs:DescribeServices',
    );
  });

  it('reports a missing service in words', async () => {
    mocks.ecs.on(DescribeServicesCommand).resolves({ services: [], failures: [{ arn: 'arn:…', reason: 'MISSING' }] });
    const report = await ecsStatus.run(params(), harness().ctx);
    expect(report.ok).toBe(false);
    expect(report.summary).toContain('service lightningtalk-circle-prod-api in cluster lightningtalk-circle-prod (ap-northeast-1) not found: MISSING');
  });

  it('refuses a region the targets do not know, naming the key', () => {
    expect(ecsStatus.parseParams({ region: 'eu-west-1' }, targets())).toEqual({
      ok: false,
      errors: ['region: expected ap-northeast-1 (primary) or us-west-2 (DR) (got "eu-west-1")'],
    });
    expect(ecsStatus.parseParams({ regoin: 'us-west-2' }, targets())).toEqual({ ok: false, errors: ['regoin: unknown parameter (did you mean region?)'] });
  });
});
