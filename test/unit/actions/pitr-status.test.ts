import { DescribeContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import { pitrStatus } from '../../../src/actions/catalogue/pitr-status';
import { awsError, expectSentMatchesPlan, harness, mocks, NOW, resetMocks } from './support/harness';
import { EVENTS, TABLES, targets } from './support/targets-fixture';

const enabled = {
  ContinuousBackupsDescription: {
    ContinuousBackupsStatus: 'ENABLED' as const,
    PointInTimeRecoveryDescription: {
      PointInTimeRecoveryStatus: 'ENABLED' as const,
      EarliestRestorableDateTime: new Date('2025-06-06T03:30:00Z'),
      LatestRestorableDateTime: new Date('2025-07-11T03:25:00Z'),
    },
  },
};

describe('pitr-status', () => {
  beforeEach(resetMocks);

  it('asks DescribeContinuousBackups for each of the six tables by default, as planned', async () => {
    mocks.dynamodb.on(DescribeContinuousBackupsCommand).resolves(enabled);
    const parsed = pitrStatus.parseParams({}, targets());
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const h = harness();
    const report = await pitrStatus.run(parsed.params, h.ctx);

    expect(mocks.dynamodb.commandCalls(DescribeContinuousBackupsCommand).map((c) => c.args[0].input)).toEqual(TABLES.map((TableName) => ({ TableName })));
    const plan = pitrStatus.plan(parsed.params, targets(), NOW);
    expect(plan[0]).toEqual({
      service: 'dynamodb',
      region: 'ap-northeast-1',
      command: 'DescribeContinuousBackups',
      input: { TableName: EVENTS },
      cli: 'aws dynamodb describe-continuous-backups --table-name lightningtalk-circle-prod-events --region ap-northeast-1',
      mutates: false,
    });
    expectSentMatchesPlan(plan, h.sent());
    expect(report.ok).toBe(true);
    expect(report.summary).toBe('PITR enabled on 6 table(s)');
    expect(report.steps[0]).toEqual({ name: EVENTS, ok: true, detail: 'PITR ENABLED; restorable from 2025-06-06T03:30:00.000Z to 2025-07-11T03:25:00.000Z' });
  });

  it('table= one table asks for that one only', async () => {
    mocks.dynamodb.on(DescribeContinuousBackupsCommand).resolves(enabled);
    const parsed = pitrStatus.parseParams({ table: EVENTS }, targets());
    expect(parsed).toEqual({ ok: true, params: { region: 'ap-northeast-1', tables: [EVENTS] } });
  });

  it('fails, naming the table, when PITR is off or a call fails, but still reports the others', async () => {
    mocks.dynamodb
      .on(DescribeContinuousBackupsCommand)
      .resolves(enabled)
      .on(DescribeContinuousBackupsCommand, { TableName: 'lightningtalk-circle-prod-users' })
      .resolves({ ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } } })
      .on(DescribeContinuousBackupsCommand, { TableName: 'lightningtalk-circle-prod-talks' })
      .rejects(awsError('TableNotFoundException', 'Table not found: lightningtalk-circle-prod-talks'));
    const parsed = pitrStatus.parseParams({ table: 'all' }, targets());
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const report = await pitrStatus.run(parsed.params, harness().ctx);
    expect(report.ok).toBe(false);
    expect(report.steps).toHaveLength(6);
    expect(report.summary).toBe(
      'pitr-status: lightningtalk-circle-prod-users: PITR DISABLED; lightningtalk-circle-prod-talks: DescribeContinuousBackups failed: TableNotFoundException: Table not found: lightningtalk-circle-prod-talks',
    );
  });

  it('names the key of an unknown table', () => {
    expect(pitrStatus.parseParams({ table: 'orders' }, targets())).toEqual({
      ok: false,
      errors: [`table: unknown table "orders" (expected one of all, ${TABLES.join(', ')})`],
    });
  });
});
