import { CreateBackupCommand, ListBackupsCommand } from '@aws-sdk/client-dynamodb';
import { dynamodbBackup } from '../../../src/actions/catalogue/dynamodb-backup';
import { awsError, expectSentMatchesPlan, harness, mocks, NOW, REQUESTED_AT, resetMocks } from './support/harness';
import { EVENTS, TABLES, targets } from './support/targets-fixture';

const SINCE = new Date(REQUESTED_AT);

function parse(args: Record<string, string>) {
  const parsed = dynamodbBackup.parseParams({ ...args, requestedAt: REQUESTED_AT }, targets());
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return parsed.params;
}

describe('dynamodb-backup', () => {
  beforeEach(resetMocks);

  it('lists this request’s backups, then creates <table>-backup-<yyyymmdd>, as planned', async () => {
    mocks.dynamodb.on(ListBackupsCommand).resolves({ BackupSummaries: [] });
    mocks.dynamodb.on(CreateBackupCommand).resolves({ BackupDetails: { BackupArn: 'arn:aws:dynamodb:…/backup/01', BackupName: 'x', BackupStatus: 'CREATING', BackupSizeBytes: 0, BackupType: 'USER', BackupCreationDateTime: NOW } });
    const params = parse({ table: EVENTS });
    const h = harness();
    const report = await dynamodbBackup.run(params, h.ctx);

    expect(mocks.dynamodb.commandCalls(ListBackupsCommand).map((c) => c.args[0].input)).toEqual([{ TableName: EVENTS, BackupType: 'USER', TimeRangeLowerBound: SINCE }]);
    expect(mocks.dynamodb.commandCalls(CreateBackupCommand).map((c) => c.args[0].input)).toEqual([{ TableName: EVENTS, BackupName: `${EVENTS}-backup-20250711` }]);
    const plan = dynamodbBackup.plan(params, targets(), NOW);
    expect(plan[1]?.cli).toBe(`aws dynamodb create-backup --table-name ${EVENTS} --backup-name ${EVENTS}-backup-20250711 --region ap-northeast-1`);
    expect(plan[0]?.cli).toBe(`aws dynamodb list-backups --table-name ${EVENTS} --backup-type USER --time-range-lower-bound 2025-07-11T03:25:00.000Z --region ap-northeast-1`);
    expectSentMatchesPlan(plan, h.sent());
    expect(report.ok).toBe(true);
    expect(report.steps[0]?.detail).toBe(`${EVENTS}-backup-20250711: CREATING (arn:aws:dynamodb:…/backup/01)`);
  });

  it('table=all backs up all six tables in order', async () => {
    mocks.dynamodb.on(ListBackupsCommand).resolves({});
    mocks.dynamodb.on(CreateBackupCommand).resolves({});
    const params = parse({ table: 'all' });
    const h = harness();
    await dynamodbBackup.run(params, h.ctx);
    expect(mocks.dynamodb.commandCalls(CreateBackupCommand).map((c) => c.args[0].input)).toEqual(TABLES.map((TableName) => ({ TableName, BackupName: `${TableName}-backup-20250711` })));
    expectSentMatchesPlan(dynamodbBackup.plan(params, targets(), NOW), h.sent());
  });

  it('on a retry, skips a table whose backup of that name this request already made (found on page 2)', async () => {
    mocks.dynamodb
      .on(ListBackupsCommand)
      .resolvesOnce({ BackupSummaries: [{ BackupName: 'someone-else' }], LastEvaluatedBackupArn: 'arn:page1' })
      .resolvesOnce({ BackupSummaries: [{ BackupName: `${EVENTS}-backup-20250711`, BackupStatus: 'AVAILABLE', BackupArn: 'arn:ours' }] });
    const report = await dynamodbBackup.run(parse({ table: EVENTS }), harness().ctx);
    expect(mocks.dynamodb.commandCalls(ListBackupsCommand).map((c) => c.args[0].input)).toEqual([
      { TableName: EVENTS, BackupType: 'USER', TimeRangeLowerBound: SINCE },
      { TableName: EVENTS, BackupType: 'USER', TimeRangeLowerBound: SINCE, ExclusiveStartBackupArn: 'arn:page1' },
    ]);
    expect(mocks.dynamodb.commandCalls(CreateBackupCommand)).toHaveLength(0);
    expect(report.ok).toBe(true);
    expect(report.steps[0]?.detail).toBe(`skipped: ${EVENTS}-backup-20250711 already made for this request (AVAILABLE, arn:ours)`);
  });

  it('reports a failed CreateBackup with the call, and carries on with the other tables', async () => {
    mocks.dynamodb.on(ListBackupsCommand).resolves({});
    mocks.dynamodb
      .on(CreateBackupCommand)
      .resolves({})
      .on(CreateBackupCommand, { TableName: EVENTS })
      .rejects(awsError('LimitExceededException', 'Too many concurrent backups'));
    const report = await dynamodbBackup.run(parse({ table: 'all' }), harness().ctx);
    expect(mocks.dynamodb.commandCalls(CreateBackupCommand)).toHaveLength(6);
    expect(report.ok).toBe(false);
    expect(report.summary).toBe(`dynamodb-backup failed for ${EVENTS}; see the steps`);
    expect(report.steps[0]).toEqual({ name: EVENTS, ok: false, detail: 'CreateBackup failed: LimitExceededException: Too many concurrent backups' });
  });

  it('param errors name the key', () => {
    expect(dynamodbBackup.parseParams({}, targets())).toEqual({ ok: false, errors: [`table: required (a table name or all; one of ${TABLES.join(', ')})`] });
    expect(dynamodbBackup.parseParams({ table: 'events' }, targets())).toEqual({ ok: false, errors: [`table: unknown table "events" (expected one of all, ${TABLES.join(', ')})`] });
    expect(dynamodbBackup.parseParams({ table: EVENTS, requestedAt: 'now' }, targets())).toEqual({
      ok: false,
      errors: ['requestedAt: expected an ISO time with a zone like 2025-07-11T10:00:00Z (got "now")'],
    });
  });
});
