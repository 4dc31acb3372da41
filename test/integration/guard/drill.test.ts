import { yyyymmdd } from '../../../src/actions/names';
import { dispatchIncidentCommand } from '../../../commands';
import { waitFor } from '../../support/wait-for';
import { awsError, DynamoModel, sentCommands } from '../../unit/guard/support/dynamo-model';
import { channelMessages, recorder, startGuardBot, TABLES, type GuardBot } from './guard-bot';

const [EVENTS, , USERS] = TABLES as [string, string, string];
const CHANNEL = 'C0DRILLS';
const ENGINEER = 'U0INFRA1';

describe('/incident drill, live', () => {
  let g: GuardBot;
  let model: DynamoModel;
  beforeAll(async () => {
    g = await startGuardBot({ env: { ACTIONS_MODE: 'live' } });
    g.t.chat.groups = { S0INFRA: [ENGINEER] };
  });
  afterAll(() => g.stop());
  beforeEach(() => {
    g.dynamodb.reset();
    model = new DynamoModel();
    for (const table of TABLES) model.addTable(table, 1000);
    model.restorePoint = new Date(Date.now() - 5 * 60_000);
    model.attach(g.dynamodb);
  });

  const drill = async (text: string, userId = ENGINEER) => {
    const reply = recorder();
    await dispatchIncidentCommand(g.t.bot.ctx, { text, userId, channelId: CHANNEL }, reply);
    return reply.said;
  };
  const report = (table: string) => waitFor(`the drill report for ${table}`, () => channelMessages(g.t, CHANNEL).find((m) => m.includes(`: ${table} → `)));

  it('restores, waits, compares, deletes, and reports against the RTO and RPO in the channel', async () => {
    const target = `${EVENTS}-drill-${yyyymmdd(new Date())}`;
    expect(await drill(`drill ${EVENTS}`)).toEqual([
      { to: 'channel', text: `<@${ENGINEER}> started a restore drill of ${EVENTS} (LIVE: restores ${EVENTS} into ${target}, compares, then deletes it). The report will be posted here.` },
    ]);
    const text = await report(EVENTS);
    expect(sentCommands(g.dynamodb)).toEqual([
      `DescribeTable {"TableName":"${EVENTS}"}`,
      `DescribeTable {"TableName":"${target}"}`,
      `DescribeContinuousBackups {"TableName":"${EVENTS}"}`,
      `RestoreTableToPointInTime {"SourceTableName":"${EVENTS}","TargetTableName":"${target}","UseLatestRestorableTime":true}`,
      `DescribeTable {"TableName":"${target}"}`,
      `DescribeTable {"TableName":"${target}"}`,
      `DescribeTable {"TableName":"${target}"}`,
      `DeleteTable {"TableName":"${target}"}`,
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`*Restore drill PASSED*: ${EVENTS} → ${target} (live, requested by <@${ENGINEER}>)`);
    expect(lines[1]).toMatch(/^✅ Restore time: \d+s — within the RTO of 4h$/);
    expect(lines[2]).toMatch(/^✅ Restore point: .* UTC, 5m( \d+s)? before the restore — within the RPO of 1h$/);
    expect(text).toContain('✓ compare item count: 995 item(s) restored, source 1000: differ by 5, within ±1 % or ±10 items');
    expect(text).toContain('✓ compare key schema: key schema matches the source (pk HASH S, sk RANGE S)');
    expect([...model.tables.keys()]).toEqual(TABLES);
    const metrics = await (await fetch(`${g.t.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`irbot_check_ok\\{check="drill",table="${EVENTS}"\\} 1`));
  });

  it('reports a failed drill when the restore fails, and leaves no table behind', async () => {
    model.restoreError = awsError('LimitExceededException', 'Subscriber limit exceeded: too many concurrent restores');
    const target = `${USERS}-drill-${yyyymmdd(new Date())}`;
    await drill(`drill ${USERS}`);
    const text = await report(USERS);
    expect(text.split('\n')[0]).toBe(`*Restore drill FAILED*: ${USERS} → ${target} (live, requested by <@${ENGINEER}>)`);
    expect(text).toContain('✗ RestoreTableToPointInTime: RestoreTableToPointInTime failed: LimitExceededException: Subscriber limit exceeded');
    expect(text).toContain(`✓ clean up: no drill table left behind (${target} does not exist)`);
    expect(sentCommands(g.dynamodb).slice(-2)).toEqual([
      `RestoreTableToPointInTime {"SourceTableName":"${USERS}","TargetTableName":"${target}","UseLatestRestorableTime":true}`,
      `DeleteTable {"TableName":"${target}"}`,
    ]);
    expect([...model.tables.keys()]).toEqual(TABLES);
    // The plan may not hold: the failed drill opens an incident, as a failed backup check does.
    const incident = await waitFor('the incident for the failed drill', async () => (await g.t.bot.ctx.store.listOpen()).find((i) => i.dedupKey === `check:drill:${USERS}`));
    expect(incident.title).toBe(`Restore drill failed: *Restore drill FAILED*: ${USERS} → ${target} (live, requested by <@${ENGINEER}>)`);

    // A drill of that table that passes again brings the incident back to OK.
    model.restoreError = undefined;
    await drill(`drill ${USERS}`);
    await waitFor('the drill incident recovered', async () => (await g.t.bot.ctx.store.load(incident.incidentId)).some((e) => e.type === 'Recovered'));
  });

  it('only lets the people who may approve a restore start a live drill; a table name must be one of the targets', async () => {
    expect(await drill(`drill ${EVENTS}`, 'U0L1AAAA')).toEqual([{ to: 'me', text: expect.stringMatching(/^A live drill restores a production table, so only/) }]);
    expect(await drill('drill lightningtalk-circle-prod-event')).toEqual([{ to: 'me', text: expect.stringMatching(/^Unknown table "lightningtalk-circle-prod-event". Did you mean lightningtalk-circle-prod-events\?/) }]);
    expect(g.dynamodb.calls()).toHaveLength(0);
  });
});

describe('the monthly drill in dry run', () => {
  let g: GuardBot;
  beforeAll(async () => {
    g = await startGuardBot({ env: { ACTIONS_MODE: 'dry-run' } });
  });
  afterAll(() => g.stop());

  it('posts the calls it would make to the alerts channel and sends none', async () => {
    const tick = Date.parse('2025-07-01T01:00:00Z');
    await g.run({ task: 'drill' }, `repeat:guard-drill:${tick}`);
    const text = await waitFor('the dry-run drill report', () => channelMessages(g.t).find((m) => m.startsWith('*Restore drill (dry run')));
    const source = TABLES[(2025 * 12 + 6) % TABLES.length]!;
    expect(text.split('\n')[0]).toBe(`*Restore drill (dry run, ACTIONS_MODE=dry-run)*: ${source} → ${source}-drill-20250701 (monthly schedule). Would send 6 call(s); nothing was changed.`);
    expect(text).toContain(`aws dynamodb restore-table-to-point-in-time --source-table-name ${source} --target-table-name ${source}-drill-20250701 --use-latest-restorable-time --region ap-northeast-1`);
    expect(text).toContain(`aws dynamodb delete-table --table-name ${source}-drill-20250701 --region ap-northeast-1`);
    expect(g.dynamodb.calls()).toHaveLength(0);
  });
});
