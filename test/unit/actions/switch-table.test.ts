import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { switchTable, type SwitchTableParams } from '../../../src/actions/catalogue/switch-table';
import { CLUSTER, deployment, SERVICE, service, TD_ARN } from './support/ecs-fixtures';
import { awsError, expectSentMatchesPlan, harness, mocks, NOW, resetMocks } from './support/harness';
import { EVENTS, TABLES, targets } from './support/targets-fixture';

const RESTORED = `${EVENTS}-restored-202507110325`;
const NEW_TD = 'arn:aws:ecs:ap-northeast-1:123456789012:task-definition/lightningtalk-circle-prod-api:42';
const params: SwitchTableParams = {
  region: 'ap-northeast-1',
  cluster: CLUSTER,
  service: SERVICE,
  container: 'api',
  envVar: 'DYNAMODB_EVENTS_TABLE',
  table: EVENTS,
  to: RESTORED,
};

function taskDefinition(eventsTable: string): TaskDefinition {
  return {
    taskDefinitionArn: TD_ARN,
    family: 'lightningtalk-circle-prod-api',
    revision: 41,
    status: 'ACTIVE',
    taskRoleArn: 'arn:aws:iam::123456789012:role/lightningtalk-circle-prod-task',
    executionRoleArn: 'arn:aws:iam::123456789012:role/lightningtalk-circle-prod-exec',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    compatibilities: ['EC2', 'FARGATE'],
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
    cpu: '512',
    memory: '1024',
    registeredAt: new Date('2025-07-01T00:00:00Z'),
    registeredBy: 'arn:aws:sts::123456789012:assumed-role/cdk',
    containerDefinitions: [
      {
        name: 'api',
        image: '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/lightningtalk-circle-prod:v1',
        essential: true,
        environment: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'DYNAMODB_EVENTS_TABLE', value: eventsTable },
        ],
        secrets: [{ name: 'JWT_SECRET', valueFrom: 'arn:aws:secretsmanager:…' }],
      },
      { name: 'log-router', image: 'fluent-bit', essential: false },
    ],
  };
}

const TAGS = [{ key: 'Project', value: 'lightningtalk-circle' }];

function mockHappyPath(): void {
  mocks.dynamodb.on(DescribeTableCommand).resolves({ Table: { TableName: RESTORED, TableStatus: 'ACTIVE' } });
  mocks.ecs
    .on(DescribeServicesCommand)
    .resolvesOnce(service())
    .resolves(service({ taskDefinition: NEW_TD, deployments: [deployment({ taskDefinition: NEW_TD })] }));
  mocks.ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: taskDefinition(EVENTS), tags: TAGS });
  mocks.ecs.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: NEW_TD } });
  mocks.ecs.on(UpdateServiceCommand).resolves({});
}

describe('switch-table', () => {
  beforeEach(resetMocks);

  it('parses table= and to= with the table’s environment variable from the targets', () => {
    expect(switchTable.parseParams({ table: EVENTS, to: RESTORED }, targets())).toEqual({ ok: true, params });
  });

  it('registers a copy of the running revision with only the variable changed, then deploys it: exactly the planned calls', async () => {
    mockHappyPath();
    const h = harness();
    const report = await switchTable.run(params, h.ctx);

    expect(mocks.dynamodb.commandCalls(DescribeTableCommand).map((c) => c.args[0].input)).toEqual([{ TableName: RESTORED }]);
    expect(mocks.ecs.commandCalls(DescribeTaskDefinitionCommand).map((c) => c.args[0].input)).toEqual([{ taskDefinition: TD_ARN, include: ['TAGS'] }]);
    const current = taskDefinition(EVENTS);
    expect(mocks.ecs.commandCalls(RegisterTaskDefinitionCommand).map((c) => c.args[0].input)).toEqual([
      {
        family: 'lightningtalk-circle-prod-api',
        taskRoleArn: current.taskRoleArn,
        executionRoleArn: current.executionRoleArn,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '512',
        memory: '1024',
        containerDefinitions: [
          {
            ...current.containerDefinitions?.[0],
            environment: [
              { name: 'NODE_ENV', value: 'production' },
              { name: 'DYNAMODB_EVENTS_TABLE', value: RESTORED },
            ],
          },
          current.containerDefinitions?.[1],
        ],
        tags: TAGS,
      },
    ]);
    expect(mocks.ecs.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([{ cluster: CLUSTER, service: SERVICE, taskDefinition: NEW_TD }]);

    const plan = switchTable.plan(params, targets(), NOW);
    expect(plan.map((c) => `${c.service}:${c.command}:${c.mutates}`)).toEqual([
      'dynamodb:DescribeTable:false',
      'ecs:DescribeServices:false',
      'ecs:DescribeTaskDefinition:false',
      'ecs:RegisterTaskDefinition:true',
      'ecs:UpdateService:true',
      'ecs:DescribeServices:false',
    ]);
    expect(plan[3]?.input.containerDefinitions).toBe(`<the current containers, with api's DYNAMODB_EVENTS_TABLE=${RESTORED}>`);
    expectSentMatchesPlan(plan, h.sent());
    expect(report.ok).toBe(true);
    expect(report.summary).toBe(`lightningtalk-circle-prod-api now uses ${RESTORED} for ${EVENTS} (DYNAMODB_EVENTS_TABLE). Verify data integrity before resolving.`);
  });

  it('on a retry, sees the service already runs a revision with that value and registers nothing', async () => {
    mocks.dynamodb.on(DescribeTableCommand).resolves({ Table: { TableStatus: 'ACTIVE' } });
    mocks.ecs.on(DescribeServicesCommand).resolves(service());
    mocks.ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: taskDefinition(RESTORED) });
    const report = await switchTable.run(params, harness().ctx);
    expect(mocks.ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
    expect(mocks.ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    expect(report.ok).toBe(true);
    expect(report.steps.find((s) => s.name === 'RegisterTaskDefinition')?.detail).toBe(`skipped: ${TD_ARN} already has DYNAMODB_EVENTS_TABLE=${RESTORED}`);
  });

  it('refuses to switch to a table that is not ACTIVE, before touching the service', async () => {
    mocks.dynamodb.on(DescribeTableCommand).resolves({ Table: { TableStatus: 'CREATING' } });
    const report = await switchTable.run(params, harness().ctx);
    expect(mocks.ecs.calls()).toHaveLength(0);
    expect(report.summary).toBe(`switch-table failed at DescribeTable: ${RESTORED} is CREATING; switch only to an ACTIVE table`);
  });

  it('refuses when the container has no such plain environment variable', async () => {
    mocks.dynamodb.on(DescribeTableCommand).resolves({ Table: { TableStatus: 'ACTIVE' } });
    mocks.ecs.on(DescribeServicesCommand).resolves(service());
    mocks.ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { ...taskDefinition(EVENTS), containerDefinitions: [{ name: 'api', environment: [] }] } });
    const report = await switchTable.run(params, harness().ctx);
    expect(mocks.ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
    expect(report.summary).toBe(
      `switch-table failed at DescribeTaskDefinition: container api of ${TD_ARN} has no environment variable DYNAMODB_EVENTS_TABLE; switch-table only changes an existing one`,
    );
  });

  it('reports RegisterTaskDefinition’s AWS error with the failing call', async () => {
    mockHappyPath();
    mocks.ecs.on(RegisterTaskDefinitionCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform: iam:PassRole'));
    const report = await switchTable.run(params, harness().ctx);
    expect(mocks.ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    expect(report.summary).toBe('switch-table failed at RegisterTaskDefinition: RegisterTaskDefinition failed: AccessDeniedException: not authorized to perform: iam:PassRole');
  });

  it('param errors name the key', () => {
    const errors = (args: Record<string, string>) => {
      const parsed = switchTable.parseParams(args, targets());
      return parsed.ok ? [] : parsed.errors;
    };
    expect(errors({ table: EVENTS })).toEqual(['to: required (the restored table, <table>-restored-<yyyymmddHHMM>, or the table itself to switch back)']);
    expect(errors({ table: 'events', to: RESTORED })).toEqual([`table: unknown table "events" (expected one of ${TABLES.join(', ')})`]);
    expect(errors({ table: EVENTS, to: 'lightningtalk-circle-prod-users' })).toEqual([
      `to: "lightningtalk-circle-prod-users": expected ${EVENTS}-restored-<yyyymmddHHMM> or ${EVENTS}`,
    ]);
    expect(errors({ table: EVENTS, to: `${EVENTS}-drill-202507110325` })).toEqual([`to: "${EVENTS}-drill-202507110325": a drill table is never switched to`]);
    expect(errors({ table: 'lightningtalk-circle-prod-talks', to: 'lightningtalk-circle-prod-talks' })).toEqual([
      "table: lightningtalk-circle-prod-talks has no environment variable in the policy's targets.ecs.tableEnvVars, so it cannot be switched",
    ]);
    expect(errors({ table: EVENTS, to: EVENTS })).toEqual([]);
  });
});
