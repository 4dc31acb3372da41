import { DescribeContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import { deletePrefix, uniquePrefix } from '../../support/redis-cleanup';
import { waitFor } from '../../support/wait-for';
import { BackupWorld } from './backup-world';
import { mockedAws, startGuardBot, TABLES, type GuardBot } from './guard-bot';

describe('two replicas registering the same schedules', () => {
  const prefix = uniquePrefix('guard-replicas');
  const aws = mockedAws();
  let replicas: GuardBot[] = [];

  beforeAll(async () => {
    const world = new BackupWorld(TABLES);
    world.healthy(new Date());
    world.attach(aws.dynamodb);
    // Every second, so a test sees several ticks; both replicas register it at start, as every replica does.
    const options = { aws, env: { QUEUE_PREFIX: prefix }, sections: { schedules: { timezone: 'Asia/Tokyo', pitrCheck: '* * * * * *' } } };
    replicas = [await startGuardBot(options), await startGuardBot(options)];
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await deletePrefix(prefix);
    aws.dynamodb.restore();
  });

  const callsFor = (table: string) => aws.dynamodb.commandCalls(DescribeContinuousBackupsCommand, { TableName: table }).length;

  it('keeps one scheduler and runs each tick once', async () => {
    const queue = replicas[0]!.t.bot.queue.queue;
    const schedulers = (await queue.getJobSchedulers()).filter((s) => s.key.startsWith('guard-'));
    expect(schedulers.map((s) => ({ key: s.key, pattern: s.pattern, tz: s.tz }))).toEqual([{ key: 'guard-pitrCheck', pattern: '* * * * * *', tz: 'Asia/Tokyo' }]);

    await waitFor('five ticks of the PITR check', () => callsFor(TABLES[0]!) >= 5, 30000, 200);
    // Stop the schedule (as taking it out of the policy would) and let the last tick finish.
    await queue.removeJobScheduler('guard-pitrCheck');
    await waitFor('no guard job left to run', async () => (await queue.getJobs(['active', 'waiting', 'delayed', 'prioritized'])).every((j) => j.name !== 'guard'), 30000, 200);

    const ran = (await queue.getJobs(['completed'])).filter((j) => j.name === 'guard');
    const ticks = ran.map((j) => Number(String(j.id).split(':').pop())).sort((a, b) => a - b);
    expect(ran.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ticks).size).toBe(ticks.length);
    for (let i = 1; i < ticks.length; i += 1) expect(ticks[i]! - ticks[i - 1]!).toBeGreaterThanOrEqual(1000);
    // Each tick's job asked about every table exactly once: no tick ran on both replicas.
    for (const table of TABLES) expect(callsFor(table)).toBe(ran.length);
    expect(ran.every((j) => j.returnvalue === `pitr: ${TABLES.length} ok`)).toBe(true);
  });
});
