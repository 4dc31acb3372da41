import { DescribeContinuousBackupsCommand, ListBackupsCommand } from '@aws-sdk/client-dynamodb';
import { dispatchIncidentCommand } from '../../../commands';
import { foldIncident } from '../../../src/domain/incident-state';
import { waitFor } from '../../support/wait-for';
import { BackupWorld } from './backup-world';
import { recorder, startGuardBot, TABLES, type GuardBot } from './guard-bot';

const H = 3_600_000;
const [EVENTS, PARTICIPANTS, USERS, TALKS] = TABLES as [string, string, string, string];

describe('scheduled checks: PITR and fresh backups, through the alarm pipeline', () => {
  let g: GuardBot;
  let world: BackupWorld;
  let runs = 0;
  const run = async (task: 'pitrCheck' | 'backupCheck') => g.run({ task }, `check-run-${++runs}`);
  const checkIncidents = async () => (await g.t.bot.ctx.store.listOpen()).filter((i) => i.dedupKey?.startsWith('check:'));
  const metrics = async () => (await fetch(`${g.t.baseUrl}/metrics`)).text();

  beforeAll(async () => {
    g = await startGuardBot();
    world = new BackupWorld(TABLES);
    world.healthy(new Date());
    world.attach(g.dynamodb);
  });
  afterAll(() => g.stop());

  it('opens exactly one incident per failing table and check, however often the check runs', async () => {
    const now = Date.now();
    world.pitr.set(PARTICIPANTS, { status: 'DISABLED' });
    world.pitr.set(USERS, { status: 'ENABLED', latest: new Date(now - 2 * H) });
    world.backups.set(TALKS, [world.backup(TALKS, `${TALKS}-backup-20250709`, new Date(now - 30 * H))]);
    g.dynamodb.resetHistory();
    await run('pitrCheck');
    await run('backupCheck');
    const opened = await waitFor('three check incidents', async () => ((await checkIncidents()).length === 3 ? checkIncidents() : undefined));
    expect(opened.map((i) => i.dedupKey).sort()).toEqual([`check:backup:${TALKS}`, `check:pitr:${PARTICIPANTS}`, `check:pitr:${USERS}`].sort());
    expect(opened.find((i) => i.dedupKey === `check:pitr:${PARTICIPANTS}`)?.title).toBe(`PITR check failed: point-in-time recovery is DISABLED on ${PARTICIPANTS}: it cannot be restored to a point in time`);
    expect(opened.find((i) => i.dedupKey === `check:pitr:${USERS}`)?.title).toMatch(new RegExp(`^PITR check failed: the latest restorable time of ${USERS} is 2h( \\d+s)? old, beyond the RPO of 1h$`));
    expect(opened.find((i) => i.dedupKey === `check:backup:${TALKS}`)?.title).toMatch(/^Backup check failed: the newest completed backup of .*-talks \(.*-backup-20250709\) is 30h( \d+s)? old, more than 26h$/);
    // Read-only calls, one per table and check, with exactly these inputs.
    expect(g.dynamodb.commandCalls(DescribeContinuousBackupsCommand).map((c) => c.args[0].input)).toEqual(TABLES.map((TableName) => ({ TableName })));
    expect(g.dynamodb.commandCalls(ListBackupsCommand).map((c) => c.args[0].input)).toEqual(TABLES.map((TableName) => ({ TableName, BackupType: 'ALL' })));

    // Failing again joins the same incidents.
    await run('pitrCheck');
    await run('backupCheck');
    await waitFor('the second alarms on the same incidents', async () => {
      const states = await Promise.all((await checkIncidents()).map(async (i) => foldIncident(await g.t.bot.ctx.store.load(i.incidentId))));
      return states.length === 3 && states.every((s) => s.alarmCount === 2);
    });
    expect(await checkIncidents()).toHaveLength(3);
    const text = await metrics();
    expect(text).toMatch(new RegExp(`irbot_check_ok\\{check="pitr",table="${PARTICIPANTS}"\\} 0`));
    expect(text).toMatch(new RegExp(`irbot_check_ok\\{check="pitr",table="${EVENTS}"\\} 1`));
    expect(text).toMatch(new RegExp(`irbot_backup_age_seconds\\{table="${TALKS}"\\} 10800\\d`));
  });

  it('resolves each incident once its condition clears', async () => {
    const before = await checkIncidents();
    world.healthy(new Date());
    await run('pitrCheck');
    await run('backupCheck');
    await waitFor('every check incident resolved', async () => (await checkIncidents()).length === 0);
    for (const incident of before) {
      const state = foldIncident(await g.t.bot.ctx.store.load(incident.incidentId));
      expect(state).toMatchObject({ status: 'resolved', recovered: true });
    }
    expect(await metrics()).toMatch(new RegExp(`irbot_check_ok\\{check="pitr",table="${PARTICIPANTS}"\\} 1`));
  });

  it('/incident backups shows each table against the RPO', async () => {
    world.pitr.set(USERS, { status: 'DISABLED' });
    world.backups.set(USERS, [world.backup(USERS, `${USERS}-backup-20250709`, new Date(Date.now() - 30 * H))]);
    const reply = recorder();
    await dispatchIncidentCommand(g.t.bot.ctx, { text: 'backups', userId: 'U0L1AAAA', channelId: 'C0LOBBY' }, reply);
    expect(reply.said).toHaveLength(1);
    const lines = reply.said[0]!.text.split('\n');
    expect(reply.said[0]!.to).toBe('channel');
    expect(lines.find((l) => l.startsWith(`${EVENTS} `))).toMatch(/ENABLED .* OK \(loses ≤ 5m( \d+s)?\)$/);
    expect(lines.find((l) => l.startsWith(`${USERS} `))).toMatch(/DISABLED .*-backup-20250709 .* 30h( \d+s)? +AT RISK: loses 30h( \d+s)?$/);
  });
});
