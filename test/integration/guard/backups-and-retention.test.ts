import { CreateBackupCommand, DeleteBackupCommand, type BackupSummary } from '@aws-sdk/client-dynamodb';
import { yyyymmdd } from '../../../src/actions/names';
import { waitFor } from '../../support/wait-for';
import { BackupWorld } from './backup-world';
import { channelMessages, startGuardBot, TABLES, type GuardBot } from './guard-bot';

const DAY = 86_400_000;
const [EVENTS, , USERS] = TABLES as [string, string, string];

/** EVENTS holds every kind of backup retention must tell apart; the other tables one fresh bot backup each. */
function seed(world: BackupWorld, now: number) {
  const at = (days: number) => new Date(now - days * DAY);
  const mine = (days: number) => world.backup(EVENTS, `${EVENTS}-backup-${yyyymmdd(at(days))}`, at(days));
  const expired = [mine(45), mine(31)];
  const kept: BackupSummary[] = [
    mine(29),
    mine(1),
    world.backup(EVENTS, 'before-schema-migration', at(90)),
    world.backup(EVENTS, `${EVENTS}-backup-manual-${yyyymmdd(at(60))}`, at(60)),
    world.backup(EVENTS, `${EVENTS}-backup-${yyyymmdd(at(50))}`, at(50), { BackupType: 'AWS_BACKUP' }),
  ];
  for (const table of TABLES) world.backups.set(table, table === EVENTS ? [...expired, ...kept] : [world.backup(table, `${table}-backup-${yyyymmdd(at(1))}`, at(1))]);
  return { expired, kept };
}

describe.each(['live', 'dry-run'] as const)('daily backup and retention (ACTIONS_MODE=%s)', (mode) => {
  let g: GuardBot;
  let world: BackupWorld;
  let seeded: ReturnType<typeof seed>;
  beforeAll(async () => {
    g = await startGuardBot({ env: { ACTIONS_MODE: mode }, sections: { retention: '720h' } });
    world = new BackupWorld(TABLES);
    world.attach(g.dynamodb);
    seeded = seed(world, Date.now());
  });
  afterAll(() => g.stop());
  const alerts = () => channelMessages(g.t);

  it(mode === 'live' ? 'creates <table>-backup-<yyyymmdd> of every table; a failed one opens an incident' : 'reports the backups it would make and sends no CreateBackup', async () => {
    world.createFails.add(USERS);
    // The id a scheduler tick gets: the tick time names the backups.
    const tick = Date.now() - 1000;
    await g.run({ task: 'backup' }, `repeat:guard-backup:${tick}`);
    const stamp = yyyymmdd(new Date(tick));
    if (mode === 'live') {
      await waitFor('the failed backup incident', async () => (await g.t.bot.ctx.store.listOpen()).find((i) => i.dedupKey === `check:backup-job:${USERS}`));
      expect(g.dynamodb.commandCalls(CreateBackupCommand).map((c) => c.args[0].input)).toEqual(TABLES.map((TableName) => ({ TableName, BackupName: `${TableName}-backup-${stamp}` })));
      expect((await g.t.bot.ctx.store.listOpen()).map((i) => i.dedupKey)).toEqual([`check:backup-job:${USERS}`]);
      // The next day's backup works: the incident resolves.
      world.createFails.clear();
      await g.run({ task: 'backup' }, `repeat:guard-backup:${tick + DAY}`);
      await waitFor('the backup incident resolved', async () => (await g.t.bot.ctx.store.listOpen()).length === 0);
    } else {
      const report = await waitFor('the dry-run report', () => alerts().find((m) => m.startsWith('Scheduled backup (dry run')));
      expect(report.split('\n')[0]).toBe('Scheduled backup (dry run, ACTIONS_MODE=dry-run): would send 12 call(s); nothing was changed.');
      expect(report).toContain(`aws dynamodb create-backup --table-name ${EVENTS} --backup-name ${EVENTS}-backup-${stamp} --region ap-northeast-1`);
      expect(g.dynamodb.commandCalls(CreateBackupCommand)).toHaveLength(0);
    }
  });

  it(mode === 'live' ? 'deletes exactly its own backups past retention, never one it did not make' : 'lists what retention would delete and deletes nothing', async () => {
    const before = alerts().length;
    await g.run({ task: 'retention' }, 'retention-run-1');
    const report = await waitFor('the retention report', () => alerts().slice(before).find((m) => m.startsWith('Backup retention')));
    const names = seeded.expired.map((b) => b.BackupName ?? '');
    if (mode === 'live') {
      expect(g.dynamodb.commandCalls(DeleteBackupCommand).map((c) => c.args[0].input)).toEqual(seeded.expired.map((b) => ({ BackupArn: b.BackupArn })));
      // Left: everything kept, plus the backup the daily job made above.
      const left = world.backups.get(EVENTS)?.map((b) => b.BackupArn) ?? [];
      expect(left).toEqual(expect.arrayContaining(seeded.kept.map((b) => b.BackupArn)));
      for (const b of seeded.expired) expect(left).not.toContain(b.BackupArn);
      expect(report.split('\n')[0]).toMatch(/^Backup retention \(720h\): deleted 2 of the bot's own backup\(s\) created before /);
    } else {
      expect(g.dynamodb.commandCalls(DeleteBackupCommand)).toHaveLength(0);
      expect(report.split('\n')[0]).toBe("Backup retention (dry run, ACTIONS_MODE=dry-run): 2 of the bot's own backup(s) are older than 720h; nothing was deleted.");
    }
    for (const name of names) expect(report).toContain(name);
    for (const b of seeded.kept) expect(report).not.toContain(`${b.BackupName} (`);
  });
});
