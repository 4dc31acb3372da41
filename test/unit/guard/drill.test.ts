import { ACTIVE_INTERVAL_MS } from '../../../src/actions/dynamodb/table-state';
import { compareItemCounts, compareKeySchema } from '../../../src/guard/drill/drill-compare';
import { drillTableName, tableOfTheMonth } from '../../../src/guard/drill/drill-names';
import { drillPlan } from '../../../src/guard/drill/drill-plan';
import { formatDrillReport } from '../../../src/guard/drill/drill-report';
import { runLiveDrill, type DrillSpec } from '../../../src/guard/drill/run-drill';
import { expectSentMatchesPlan, harness, HOUR, mocks, NOW, resetMocks } from '../actions/support/harness';
import { EVENTS, TABLES } from '../actions/support/targets-fixture';
import { awsError, DynamoModel, sentCommands } from './support/dynamo-model';

const TARGET = `${EVENTS}-drill-20250711`;
const spec: DrillSpec = { region: 'ap-northeast-1', source: EVENTS, target: TARGET, resumed: false, rtoMs: 4 * HOUR, rpoMs: HOUR };

describe('drill names and comparisons', () => {
  it('names the drill table <table>-drill-<yyyymmdd> and takes one table a month in turn', () => {
    expect(drillTableName(EVENTS, NOW)).toBe(TARGET);
    const months = ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01'].map((d) => tableOfTheMonth(TABLES, new Date(`${d}T01:00:00Z`)));
    expect(new Set(months.slice(0, 6)).size).toBe(6);
    expect(months[6]).toBe(months[0]);
  });

  it('accepts item counts within 1 % or 10 items, whichever is larger', () => {
    expect(compareItemCounts(1000, 990).ok).toBe(true);
    expect(compareItemCounts(1000, 989).ok).toBe(false);
    expect(compareItemCounts(5, 0).ok).toBe(true);
    expect(compareItemCounts(100_000, 99_000).ok).toBe(true);
    expect(compareItemCounts(100_000, 98_999)).toMatchObject({ ok: false, detail: expect.stringContaining('more than the 1000 allowed') });
    expect(compareItemCounts(undefined, 3).ok).toBe(false);
  });

  it('compares the key: names, HASH/RANGE and attribute types', () => {
    const table = (type: 'S' | 'N') => ({ KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: type }] });
    expect(compareKeySchema(table('S'), table('S'))).toEqual({ ok: true, detail: 'key schema matches the source (pk HASH S)' });
    expect(compareKeySchema(table('S'), table('N'))).toEqual({ ok: false, detail: 'key schema differs: source pk HASH S, drill pk HASH N' });
  });
});

describe('a live drill', () => {
  let model: DynamoModel;
  beforeEach(() => {
    resetMocks();
    model = new DynamoModel();
    model.addTable(EVENTS, 1000);
    model.restorePoint = new Date(NOW.getTime() - 5 * 60_000);
    model.attach(mocks.dynamodb);
  });

  it('restores, waits for ACTIVE, compares, deletes: exactly the planned calls, and passes', async () => {
    const h = harness();
    const outcome = await runLiveDrill(h.ctx, spec);
    expect(outcome).toMatchObject({ pass: true, tableLeft: false, restoreMs: 0, restorePoint: model.restorePoint });
    expectSentMatchesPlan(drillPlan(spec.region, EVENTS, TARGET), h.sent());
    expect(sentCommands(mocks.dynamodb).filter((c) => /^(RestoreTableToPointInTime|DeleteTable) /.test(c))).toEqual([
      `RestoreTableToPointInTime {"SourceTableName":"${EVENTS}","TargetTableName":"${TARGET}","UseLatestRestorableTime":true}`,
      `DeleteTable {"TableName":"${TARGET}"}`,
    ]);
    expect(h.sleeps).toEqual([ACTIVE_INTERVAL_MS, ACTIVE_INTERVAL_MS]);
    expect([...model.tables.keys()]).toEqual([EVENTS]);
    const report = formatDrillReport({ source: EVENTS, target: TARGET, origin: 'monthly schedule', rtoMs: 4 * HOUR, rpoMs: HOUR }, outcome);
    expect(report.split('\n').slice(0, 3)).toEqual([
      `*Restore drill PASSED*: ${EVENTS} → ${TARGET} (live, monthly schedule)`,
      '✅ Restore time: 0s — within the RTO of 4h',
      '✅ Restore point: 2025-07-11 03:25 UTC, 5m before the restore — within the RPO of 1h',
    ]);
  });

  it('fails on item counts out of tolerance, still deleting the drill table', async () => {
    model.restoredItemCount = 900;
    const outcome = await runLiveDrill(harness().ctx, spec);
    expect(outcome.pass).toBe(false);
    expect(outcome.log.steps.find((s) => s.name === 'compare item count')).toMatchObject({ ok: false });
    expect([...model.tables.keys()]).toEqual([EVENTS]);
  });

  it('fails when the restore point is older than the RPO', async () => {
    model.restorePoint = new Date(NOW.getTime() - 2 * HOUR);
    expect((await runLiveDrill(harness().ctx, spec)).pass).toBe(false);
  });

  it('reports a failed restore and leaves no table', async () => {
    model.restoreError = awsError('LimitExceededException', 'Too many concurrent restores');
    const outcome = await runLiveDrill(harness().ctx, spec);
    expect(outcome.pass).toBe(false);
    expect(outcome.tableLeft).toBe(false);
    expect(outcome.log.steps.map((s) => `${s.ok ? 'ok' : 'FAIL'} ${s.name}: ${s.detail}`).slice(-2)).toEqual([
      'FAIL RestoreTableToPointInTime: RestoreTableToPointInTime failed: LimitExceededException: Too many concurrent restores',
      `ok clean up: no drill table left behind (${TARGET} does not exist)`,
    ]);
    expect([...model.tables.keys()]).toEqual([EVENTS]);
  });

  it('deletes a drill table that can never become ACTIVE', async () => {
    model.restoredStatus = 'INACCESSIBLE_ENCRYPTION_CREDENTIALS';
    model.creatingChecks = 1;
    const outcome = await runLiveDrill(harness().ctx, spec);
    expect(outcome).toMatchObject({ pass: false, tableLeft: false });
    expect(outcome.log.steps.at(-1)).toEqual({ name: 'clean up', ok: true, detail: `${TARGET} deleted (DELETING)` });
    expect([...model.tables.keys()]).toEqual([EVENTS]);
  });

  it('gives up waiting at the RTO, then waits out CREATING to delete the table', async () => {
    model.creatingChecks = 6;
    const h = harness();
    const outcome = await runLiveDrill(h.ctx, { ...spec, rtoMs: ACTIVE_INTERVAL_MS });
    expect(outcome).toMatchObject({ pass: false, tableLeft: false });
    expect(outcome.log.steps.find((s) => s.name === 'wait for ACTIVE')?.detail).toMatch(/^gave up after 2 checks \(30s\)/);
    expect(sentCommands(mocks.dynamodb).filter((c) => c.startsWith('DeleteTable')).length).toBeGreaterThan(1);
    expect([...model.tables.keys()]).toEqual([EVENTS]);
  });

  it('never touches a table of that name it did not make', async () => {
    model.addTable(TARGET, 3);
    const outcome = await runLiveDrill(harness().ctx, spec);
    expect(outcome).toMatchObject({ pass: false, tableLeft: false });
    expect(sentCommands(mocks.dynamodb).map((c) => c.split(' ')[0])).toEqual(['DescribeTable', 'DescribeTable']);
    expect(model.tables.has(TARGET)).toBe(true);
  });

  it('resumes its own drill after a crash: waits for the table it asked for instead of restoring again', async () => {
    model.addTable(TARGET, 995, 'CREATING');
    model.tables.get(TARGET)!.description.RestoreSummary = { RestoreDateTime: model.restorePoint, RestoreInProgress: true };
    model.tables.get(TARGET)!.upcoming = ['CREATING', 'ACTIVE'];
    model.tables.get(TARGET)!.description.TableStatus = 'ACTIVE';
    const outcome = await runLiveDrill(harness().ctx, { ...spec, resumed: true });
    expect(outcome.pass).toBe(true);
    expect(sentCommands(mocks.dynamodb).some((c) => c.startsWith('RestoreTableToPointInTime'))).toBe(false);
    expect(model.tables.has(TARGET)).toBe(false);
  });
});
