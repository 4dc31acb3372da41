import { DescribeServicesCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { ecsScale } from '../../../src/actions/catalogue/ecs-scale';
import { deployment, service } from './support/ecs-fixtures';
import { awsError, expectSentMatchesPlan, harness, mocks, NOW, resetMocks } from './support/harness';
import { targets } from './support/targets-fixture';

const DR = { cluster: 'lightningtalk-circle-prod-dr', service: 'lightningtalk-circle-prod-dr-api' };

function parse(args: Record<string, string>) {
  const parsed = ecsScale.parseParams(args, targets());
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return parsed.params;
}

describe('ecs-scale', () => {
  beforeEach(resetMocks);

  it('defaults to the DR region’s service: UpdateService desiredCount, then waits for the tasks, as planned', async () => {
    mocks.ecs.on(UpdateServiceCommand).resolves({});
    mocks.ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(service({ desiredCount: 4, runningCount: 1, deployments: [deployment({ desiredCount: 4, runningCount: 1, rolloutState: 'IN_PROGRESS' })] }))
      .resolves(service({ desiredCount: 4, runningCount: 4, deployments: [deployment({ desiredCount: 4, runningCount: 4 })] }));
    const params = parse({ desired: '4' });
    expect(params).toEqual({ region: 'us-west-2', ...DR, desired: 4 });
    const h = harness();
    const report = await ecsScale.run(params, h.ctx);

    expect(mocks.ecs.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([{ ...DR, desiredCount: 4 }]);
    expect(mocks.ecs.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: DR.cluster, services: [DR.service] },
      { cluster: DR.cluster, services: [DR.service] },
    ]);
    const plan = ecsScale.plan(params, targets(), NOW);
    expect(plan[0]).toMatchObject({
      region: 'us-west-2',
      command: 'UpdateService',
      cli: 'aws ecs update-service --cluster lightningtalk-circle-prod-dr --service lightningtalk-circle-prod-dr-api --desired-count 4 --region us-west-2',
      mutates: true,
    });
    expectSentMatchesPlan(plan, h.sent());
    expect(report.ok).toBe(true);
    expect(report.summary).toBe('lightningtalk-circle-prod-dr-api (us-west-2) is running 4 task(s)');
  });

  it('region= the primary region and explicit cluster=/service= are honoured', () => {
    expect(parse({ desired: '0', region: 'ap-northeast-1' })).toEqual({ region: 'ap-northeast-1', cluster: 'lightningtalk-circle-prod', service: 'lightningtalk-circle-prod-api', desired: 0 });
    expect(parse({ desired: '2', cluster: 'other', service: 'other-api' })).toEqual({ region: 'us-west-2', cluster: 'other', service: 'other-api', desired: 2 });
  });

  it('reports UpdateService’s AWS error with the failing call', async () => {
    mocks.ecs.on(UpdateServiceCommand).rejects(awsError('ServiceNotFoundException', 'Service not found.'));
    const report = await ecsScale.run(parse({ desired: '2' }), harness().ctx);
    expect(mocks.ecs.commandCalls(DescribeServicesCommand)).toHaveLength(0);
    expect(report.summary).toBe('ecs-scale failed at UpdateService: UpdateService failed: ServiceNotFoundException: Service not found.');
  });

  it('param errors name the key', () => {
    const errors = (args: Record<string, string>) => {
      const parsed = ecsScale.parseParams(args, targets());
      return parsed.ok ? [] : parsed.errors;
    };
    expect(errors({})).toEqual(['desired: required (the number of tasks, 0 to 100)']);
    expect(errors({ desired: '-1' })).toEqual(['desired: expected a whole number from 0 to 100 (got "-1")']);
    expect(errors({ desired: '500' })).toEqual(['desired: expected a whole number from 0 to 100 (got "500")']);
    expect(errors({ desired: '2', cluster: 'bad name' })).toEqual(['cluster: expected an ECS name (letters, digits, - or _) (got "bad name")']);
    expect(errors({ desired: '2', region: 'eu-west-1' })).toEqual(['region: expected ap-northeast-1 (primary) or us-west-2 (DR) (got "eu-west-1")']);
  });
});
