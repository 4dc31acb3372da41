import { DescribeContinuousBackupsCommand, DescribeTableCommand, RestoreTableToPointInTimeCommand } from '@aws-sdk/client-dynamodb';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { ChangeResourceRecordSetsCommand, GetChangeCommand } from '@aws-sdk/client-route-53';
import type { ActionDefinition } from '../../../src/actions/action-types';
import { runbookL1 } from '../../../src/actions/catalogue/runbook-l1';
import { runbookL2 } from '../../../src/actions/catalogue/runbook-l2';
import { runbookL3 } from '../../../src/actions/catalogue/runbook-l3';
import { deployment, rollingOut, service, TD_ARN } from './support/ecs-fixtures';
import { awsError, expectSentMatchesPlan, harness, HOUR, mocks, NOW, REQUESTED_AT, resetMocks } from './support/harness';
import { EVENTS, TABLES, targets } from './support/targets-fixture';

const RESTORED = `${EVENTS}-restored-202507110325`;
const OURS = new Date('2025-07-11T03:31:00Z');
const pitr = { ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED' as const, PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' as const } } };

function parse<P>(action: ActionDefinition<P>, args: Record<string, string>): P {
  const parsed = action.parseParams({ requestedAt: REQUESTED_AT, ...args }, targets());
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.params;
}

describe('runbooks: one approval, steps in order, the first failure stops them', () => {
  beforeEach(resetMocks);

  it('declare their steps, and need approval', () => {
    expect(runbookL1.steps).toEqual(['ecs-status', 'ecs-restart', 'health-check']);
    expect(runbookL2.steps).toEqual(['pitr-status', 'dynamodb-restore', 'switch-table', 'health-check']);
    expect(runbookL3.steps).toEqual(['ecs-scale', 'route53-failover', 'health-check']);
    for (const runbook of [runbookL1, runbookL2, runbookL3]) expect(runbook.needsApproval).toBe(true);
  });

  it('runbook-l1: ecs-status → ecs-restart → health-check, one health check only, as planned', async () => {
    mocks.ecs
      .on(DescribeServicesCommand)
      .resolvesOnce(service())
      .resolvesOnce(service())
      .resolvesOnce(rollingOut(OURS))
      .resolves(service({ deployments: [deployment({ createdAt: OURS })] }));
    mocks.ecs.on(UpdateServiceCommand).resolves({});
    const params = parse(runbookL1, {});
    const h = harness();
    const report = await runbookL1.run(params, h.ctx);

    const plan = runbookL1.plan(params, targets(), NOW);
    expect(plan.map((c) => c.command)).toEqual(['DescribeServices', 'DescribeServices', 'UpdateService', 'DescribeServices', 'GET']);
    expectSentMatchesPlan(plan, h.sent());
    expect(h.sent().filter((c) => c.command === 'GET')).toHaveLength(1);
    expect(report.ok).toBe(true);
    expect(report.summary).toMatch(/^runbook-l1: all 3 steps succeeded\. The plan also asks to read the logs/);
    expect(report.steps.map((s) => s.name)).toEqual([
      '1. ecs-status: counts',
      '1. ecs-status: deployments',
      '1. ecs-status: last events',
      '2. ecs-restart: UpdateService',
      '2. ecs-restart: wait for stable',
      '3. health-check: health check',
    ]);
    expect(h.progress.filter((line) => line.startsWith('runbook-l1: step'))).toEqual(['runbook-l1: step 1/3 ecs-status', 'runbook-l1: step 2/3 ecs-restart', 'runbook-l1: step 3/3 health-check']);
  });

  it('runbook-l2: pitr-status → dynamodb-restore → switch-table → health-check, as planned', async () => {
    mocks.dynamodb.on(DescribeContinuousBackupsCommand).resolves(pitr);
    mocks.dynamodb
      .on(DescribeTableCommand)
      .rejectsOnce(awsError('ResourceNotFoundException', 'not found'))
      .resolves({ Table: { TableName: RESTORED, TableStatus: 'ACTIVE' } });
    mocks.dynamodb.on(RestoreTableToPointInTimeCommand).resolves({});
    const NEW_TD = `${TD_ARN.replace(/:41$/, ':42')}`;
    mocks.ecs.on(DescribeServicesCommand).resolvesOnce(service()).resolves(service({ deployments: [deployment({ taskDefinition: NEW_TD })] }));
    mocks.ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { family: 'api', containerDefinitions: [{ name: 'api', environment: [{ name: 'DYNAMODB_EVENTS_TABLE', value: EVENTS }] }] } });
    mocks.ecs.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: NEW_TD } });
    mocks.ecs.on(UpdateServiceCommand).resolves({});
    const params = parse(runbookL2, { table: EVENTS, at: '2025-07-11T02:10:00Z' });
    const h = harness();
    const report = await runbookL2.run(params, h.ctx);

    expect(mocks.dynamodb.commandCalls(RestoreTableToPointInTimeCommand)[0]?.args[0].input).toEqual({
      SourceTableName: EVENTS,
      TargetTableName: RESTORED,
      RestoreDateTime: new Date('2025-07-11T02:10:00Z'),
    });
    expect(mocks.ecs.commandCalls(RegisterTaskDefinitionCommand)[0]?.args[0].input.containerDefinitions).toEqual([
      { name: 'api', environment: [{ name: 'DYNAMODB_EVENTS_TABLE', value: RESTORED }] },
    ]);
    const plan = runbookL2.plan(params, targets(), NOW);
    expect(plan.map((c) => c.command)).toEqual([
      'DescribeContinuousBackups',
      'DescribeTable',
      'DescribeContinuousBackups',
      'RestoreTableToPointInTime',
      'DescribeTable',
      'DescribeTable',
      'DescribeServices',
      'DescribeTaskDefinition',
      'RegisterTaskDefinition',
      'UpdateService',
      'DescribeServices',
      'GET',
    ]);
    expectSentMatchesPlan(plan, h.sent());
    expect(report.ok).toBe(true);
    expect(report.summary).toMatch(/verify data integrity/);
    expect(runbookL2.risk?.(params, targets(), NOW, HOUR)).toMatch(/loses the 1h 20m of writes since then — beyond the RPO of 1h/);
  });

  it('runbook-l2 stops at a failed step, says which and why, and runs nothing after it', async () => {
    mocks.dynamodb.on(DescribeContinuousBackupsCommand).resolves(pitr);
    mocks.dynamodb.on(DescribeTableCommand).rejects(awsError('ResourceNotFoundException', 'not found'));
    mocks.dynamodb.on(RestoreTableToPointInTimeCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform: dynamodb:RestoreTableToPointInTime'));
    const h = harness();
    const report = await runbookL2.run(parse(runbookL2, { table: EVENTS }), h.ctx);

    expect(report.ok).toBe(false);
    expect(report.summary).toBe(
      'runbook-l2 stopped at step 2/4 dynamodb-restore: dynamodb-restore failed at RestoreTableToPointInTime: RestoreTableToPointInTime failed: AccessDeniedException: not authorized to perform: dynamodb:RestoreTableToPointInTime',
    );
    expect(mocks.ecs.calls()).toHaveLength(0);
    expect(h.sent().some((c) => c.command === 'GET')).toBe(false);
    expect(report.steps.slice(-2)).toEqual([
      { name: '3. switch-table', ok: false, detail: 'not run: step 2/4 dynamodb-restore failed' },
      { name: '4. health-check', ok: false, detail: 'not run: step 2/4 dynamodb-restore failed' },
    ]);
  });

  it('runbook-l3: scales the DR service up, fails DNS over, checks health, as planned', async () => {
    mocks.ecs.on(UpdateServiceCommand).resolves({});
    mocks.ecs.on(DescribeServicesCommand).resolves(service({ desiredCount: 2 }));
    mocks.route53.on(ChangeResourceRecordSetsCommand).resolves({ ChangeInfo: { Id: 'C1', Status: 'PENDING', SubmittedAt: NOW } });
    mocks.route53.on(GetChangeCommand).resolves({ ChangeInfo: { Id: 'C1', Status: 'INSYNC', SubmittedAt: NOW } });
    const params = parse(runbookL3, { desired: '2' });
    const h = harness();
    const report = await runbookL3.run(params, h.ctx);

    expect(mocks.ecs.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toEqual({ cluster: 'lightningtalk-circle-prod-dr', service: 'lightningtalk-circle-prod-dr-api', desiredCount: 2 });
    const plan = runbookL3.plan(params, targets(), NOW);
    expect(plan.map((c) => `${c.region}:${c.command}`)).toEqual(['us-west-2:UpdateService', 'us-west-2:DescribeServices', 'us-east-1:ChangeResourceRecordSets', 'us-east-1:GetChange', 'global:GET']);
    expectSentMatchesPlan(plan, h.sent());
    expect(report.ok).toBe(true);
  });

  it('runbook-l3 stops before DNS when the DR service does not come up', async () => {
    mocks.ecs.on(UpdateServiceCommand).rejects(awsError('ClusterNotFoundException', 'Cluster not found.'));
    const report = await runbookL3.run(parse(runbookL3, { desired: '2' }), harness().ctx);
    expect(mocks.route53.calls()).toHaveLength(0);
    expect(report.summary).toBe('runbook-l3 stopped at step 1/3 ecs-scale: ecs-scale failed at UpdateService: UpdateService failed: ClusterNotFoundException: Cluster not found.');
  });

  it('param errors name the key, each once', () => {
    const errors = (action: ActionDefinition, args: Record<string, string>) => {
      const parsed = action.parseParams(args, targets());
      return parsed.ok ? [] : parsed.errors;
    };
    expect(errors(runbookL2, {})).toEqual([`table: required (one of ${TABLES.join(', ')})`]);
    expect(errors(runbookL2, { table: 'events' })).toEqual([`table: unknown table "events" (expected one of ${TABLES.join(', ')})`]);
    expect(errors(runbookL2, { table: EVENTS, at: 'yesterday' })).toEqual(['at: expected an ISO time with a zone like 2025-07-11T10:00:00Z (got "yesterday")']);
    expect(errors(runbookL3, {})).toEqual(['desired: required (the number of DR tasks to run, 1 to 100)']);
    expect(errors(runbookL3, { desired: '0' })).toEqual(['desired: expected at least 1 task before moving DNS to DR (got "0")']);
    expect(errors(runbookL1, { force: 'yes' })).toEqual(['force: unknown parameter (this action takes no parameters)']);
  });
});
