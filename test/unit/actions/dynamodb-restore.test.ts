import { DescribeContinuousBackupsCommand, DescribeTableCommand, RestoreTableToPointInTimeCommand } from '@aws-sdk/client-dynamodb';
import { dynamodbRestore, type DynamodbRestoreParams } from '../../../src/actions/catalogue/dynamodb-restore';
import { ACTIVE_CHECKS, ACTIVE_INTERVAL_MS } from '../../../src/actions/dynamodb/table-state';
import { awsError, expectSentMatchesPlan, harness, HOUR, mocks, NOW, REQUESTED_AT, resetMocks } from './support/harness';
import { EVENTS, TABLES, targets } from './support/targets-fixture';

const TARGET = `${EVENTS}-restored-202507110325`;
const AT = '2025-07-11T02:10:00.000Z';
const pitr = {
  ContinuousBackupsDescription: {
    ContinuousBackupsStatus: 'ENABLED' as const,
    PointInTimeRecoveryDescription: {
      PointInTimeRecoveryStatus: 'ENABLED' as const,
      EarliestRestorableDateTime: new Date('2025-06-06T03:30:00Z'),
      LatestRestorableDateTime: new Date('2025-07-11T03:24:00Z'),
    },
  },
};
const notFound = awsError('ResourceNotFoundException', `Requested resource not found: Table: ${TARGET} not found`);

function parse(args: Record<string, string>): DynamodbRestoreParams {
  const parsed = dynamodbRestore.parseParams({ requestedAt: REQUESTED_AT, ...args }, targets());
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return parsed.params;
}

/** Every call that names the source table, whatever the key. */
function callsNaming(table: string): string[] {
  return mocks.dynamodb
    .calls()
    .filter((call) => Object.values(call.args[0].input as Record<string, unknown>).includes(table))
    .map((call) => `${call.args[0].constructor.name}:${Object.entries(call.args[0].input as Record<string, unknown>).find(([, v]) => v === table)?.[0]}`);
}

describe('dynamodb-restore', () => {
  beforeEach(resetMocks);

  it('parses table= and at= into the source, the derived target name and the restore point', () => {
    expect(parse({ table: EVENTS, at: '2025-07-11T11:10:00+09:00' })).toEqual({
      region: 'ap-northeast-1',
      source: EVENTS,
      target: TARGET,
      at: AT,
      requestedAt: REQUESTED_AT,
      drill: false,
    });
    expect(parse({ table: EVENTS, drill: 'true' }).target).toBe(`${EVENTS}-drill-202507110325`);
  });

  it('checks the target does not exist, the PITR window, restores to at=, waits for ACTIVE: exactly the planned calls', async () => {
    mocks.dynamodb
      .on(DescribeTableCommand)
      .rejectsOnce(notFound)
      .resolvesOnce({ Table: { TableName: TARGET, TableStatus: 'CREATING' } })
      .resolvesOnce({ Table: { TableName: TARGET, TableStatus: 'CREATING' } })
      .resolves({ Table: { TableName: TARGET, TableStatus: 'ACTIVE', ItemCount: 1234 } });
    mocks.dynamodb.on(DescribeContinuousBackupsCommand).resolves(pitr);
    mocks.dynamodb.on(RestoreTableToPointInTimeCommand).resolves({ TableDescription: { TableName: TARGET, TableStatus: 'CREATING' } });
    const params = parse({ table: EVENTS, at: AT });
    const h = harness();
    const report = await dynamodbRestore.run(params, h.ctx);

    expect(mocks.dynamodb.commandCalls(RestoreTableToPointInTimeCommand).map((c) => c.args[0].input)).toEqual([
      { SourceTableName: EVENTS, TargetTableName: TARGET, RestoreDateTime: new Date(AT) },
    ]);
    expect(mocks.dynamodb.commandCalls(DescribeTableCommand).map((c) => c.args[0].input)).toEqual(Array(4).fill({ TableName: TARGET }));
    expect(mocks.dynamodb.commandCalls(DescribeContinuousBackupsCommand).map((c) => c.args[0].input)).toEqual([{ TableName: EVENTS }]);
    // The source is only ever read: no call but DescribeContinuousBackups names it as its table.
    expect(callsNaming(EVENTS)).toEqual(['DescribeContinuousBackupsCommand:TableName', 'RestoreTableToPointInTimeCommand:SourceTableName']);
    expect(h.sleeps).toEqual([ACTIVE_INTERVAL_MS, ACTIVE_INTERVAL_MS]);

    const plan = dynamodbRestore.plan(params, targets(), NOW);
    expect(plan.map((c) => c.command)).toEqual(['DescribeTable', 'DescribeContinuousBackups', 'RestoreTableToPointInTime', 'DescribeTable']);
    expect(plan[2]).toEqual({
      service: 'dynamodb',
      region: 'ap-northeast-1',
      command: 'RestoreTableToPointInTime',
      // Plain JSON, so the request can be stored; the SDK call above got the Date.
      input: { SourceTableName: EVENTS, TargetTableName: TARGET, RestoreDateTime: AT },
      cli: `aws dynamodb restore-table-to-point-in-time --source-table-name ${EVENTS} --target-table-name ${TARGET} --restore-date-time 2025-07-11T02:10:00.000Z --region ap-northeast-1`,
      mutates: true,
    });
    expectSentMatchesPlan(plan, h.sent());

    expect(report.ok).toBe(true);
    expect(report.summary).toMatch(new RegExp(`^Restored ${EVENTS} to 2025-07-11 02:10 UTC into ${TARGET}, now ACTIVE; auto scaling, TTL`));
    expect(report.summary).toContain(`Next: switch-table table=${EVENTS} to=${TARGET}.`);
  });

  it('without at= restores to the latest restorable time', async () => {
    mocks.dynamodb.on(DescribeTableCommand).rejectsOnce(notFound).resolves({ Table: { TableStatus: 'ACTIVE' } });
    mocks.dynamodb.on(DescribeContinuousBackupsCommand).resolves(pitr);
    mocks.dynamodb.on(RestoreTableToPointInTimeCommand).resolves({});
    const params = parse({ table: EVENTS });
    const h = harness();
    await dynamodbRestore.run(params, h.ctx);
    expect(mocks.dynamodb.commandCalls(RestoreTableToPointInTimeCommand)[0]?.args[0].input).toEqual({ SourceTableName: EVENTS, TargetTableName: TARGET, UseLatestRestorableTime: true });
    const plan = dynamodbRestore.plan(params, targets(), NOW);
    expect(plan[2]?.cli).toContain('--use-latest-restorable-time --region ap-northeast-1');
    expectSentMatchesPlan(plan, h.sent());
  });

  it('a retry after a crash finds the target table and sends no second RestoreTableToPointInTime', async () => {
    mocks.dynamodb.on(DescribeTableCommand).resolvesOnce({ Table: { TableName: TARGET, TableStatus: 'CREATING' } }).resolves({ Table: { TableName: TARGET, TableStatus: 'ACTIVE' } });
    const report = await dynamodbRestore.run(parse({ table: EVENTS, at: AT }), harness().ctx);
    expect(mocks.dynamodb.commandCalls(RestoreTableToPointInTimeCommand)).toHaveLength(0);
    expect(mocks.dynamodb.commandCalls(DescribeContinuousBackupsCommand)).toHaveLength(0);
    expect(report.ok).toBe(true);
    expect(report.steps[0]?.detail).toBe(`skipped: ${TARGET} already exists (CREATING), made by an earlier attempt of this request; waiting for it`);
  });

  it('gives up after a bounded number of checks when the table never becomes ACTIVE', async () => {
    mocks.dynamodb.on(DescribeTableCommand).rejectsOnce(notFound).resolves({ Table: { TableName: TARGET, TableStatus: 'CREATING' } });
    mocks.dynamodb.on(DescribeContinuousBackupsCommand).resolves(pitr);
    mocks.dynamodb.on(RestoreTableToPointInTimeCommand).resolves({});
    const h = harness();
    const report = await dynamodbRestore.run(parse({ table: EVENTS, at: AT }), h.ctx);
    expect(mocks.dynamodb.commandCalls(DescribeTableCommand)).toHaveLength(1 + ACTIVE_CHECKS);
    expect(h.sleeps).toHaveLength(ACTIVE_CHECKS - 1);
    expect(report.ok).toBe(false);
    expect(report.summary).toBe(
      `dynamodb-restore failed at wait for ACTIVE: gave up after 120 checks (59m 30s) waiting for ${TARGET} to be ACTIVE; last state: ${TARGET} is CREATING`,
    );
    expect(h.progress.at(-1)).toBe(`Waiting for ${TARGET} to be ACTIVE (119/120): ${TARGET} is CREATING`);
  });

  it('refuses a restore point outside the PITR window without restoring', async () => {
    mocks.dynamodb.on(DescribeTableCommand).rejects(notFound);
    mocks.dynamodb.on(DescribeContinuousBackupsCommand).resolves(pitr);
    const report = await dynamodbRestore.run(parse({ table: EVENTS, at: '2025-06-06T03:26:00Z' }), harness().ctx);
    expect(mocks.dynamodb.commandCalls(RestoreTableToPointInTimeCommand)).toHaveLength(0);
    expect(report.summary).toBe(
      `dynamodb-restore failed at DescribeContinuousBackups: 2025-06-06T03:26:00.000Z is outside ${EVENTS}'s restorable window 2025-06-06T03:30:00.000Z – 2025-07-11T03:24:00.000Z`,
    );
  });

  it('reports the restore’s AWS error with the failing call', async () => {
    mocks.dynamodb.on(DescribeTableCommand).rejects(notFound);
    mocks.dynamodb.on(DescribeContinuousBackupsCommand).resolves(pitr);
    mocks.dynamodb.on(RestoreTableToPointInTimeCommand).rejects(awsError('LimitExceededException', 'Too many concurrent restores'));
    const report = await dynamodbRestore.run(parse({ table: EVENTS, at: AT }), harness().ctx);
    expect(report.ok).toBe(false);
    expect(report.summary).toBe('dynamodb-restore failed at RestoreTableToPointInTime: RestoreTableToPointInTime failed: LimitExceededException: Too many concurrent restores');
  });

  it('states the data-loss window against the RPO', () => {
    const at = parse({ table: EVENTS, at: '2025-07-11T02:10:00Z' });
    expect(dynamodbRestore.risk?.(at, targets(), NOW, HOUR)).toBe(
      `Restoring ${EVENTS} to 2025-07-11 02:10 UTC loses the 1h 20m of writes since then — beyond the RPO of 1h. Writes to ${EVENTS} after that point are not in ${TARGET}.`,
    );
    const recent = parse({ table: EVENTS, at: '2025-07-11T03:00:00Z' });
    expect(dynamodbRestore.risk?.(recent, targets(), NOW, HOUR)).toMatch(/loses the 30m of writes since then — within the RPO of 1h\./);
    const latest = parse({ table: EVENTS });
    expect(dynamodbRestore.risk?.(latest, targets(), NOW, HOUR)).toMatch(/loses at most the last ~5 minutes of writes \(PITR lag\) — within the RPO of 1h\./);
  });

  it('param errors name the key: missing table, unknown table, bad or future time', () => {
    const errors = (args: Record<string, string>) => {
      const parsed = dynamodbRestore.parseParams({ requestedAt: REQUESTED_AT, ...args }, targets());
      return parsed.ok ? [] : parsed.errors;
    };
    expect(errors({})).toEqual([`table: required (one of ${TABLES.join(', ')})`]);
    expect(errors({ table: 'events' })).toEqual([`table: unknown table "events" (expected one of ${TABLES.join(', ')})`]);
    expect(errors({ table: EVENTS, at: '2025-07-11 10:00' })).toEqual(['at: expected an ISO time with a zone like 2025-07-11T10:00:00Z (got "2025-07-11 10:00")']);
    expect(errors({ table: EVENTS, at: '2025-07-11T10:00:00' })).toEqual(['at: expected an ISO time with a zone like 2025-07-11T10:00:00Z (got "2025-07-11T10:00:00")']);
    expect(errors({ table: EVENTS, at: '2025-07-12T00:00:00Z' })).toEqual(['at: 2025-07-12T00:00:00.000Z is after the request (2025-07-11T03:25:00.000Z); expected a past time']);
    expect(errors({ table: EVENTS, at: '2025-05-01T00:00:00Z' })).toEqual(['at: 2025-05-01T00:00:00.000Z is more than 35 days ago, beyond point-in-time recovery']);
    expect(errors({ table: EVENTS, drill: 'yes' })).toEqual(['drill: expected one of true, false (got "yes")']);
  });
});
