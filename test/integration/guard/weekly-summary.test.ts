import { dispatchIncidentCommand } from '../../../commands';
import { waitFor } from '../../support/wait-for';
import { BackupWorld } from './backup-world';
import { channelMessages, recorder, startGuardBot, TABLES, type GuardBot } from './guard-bot';

describe('the weekly summary', () => {
  let g: GuardBot;
  beforeAll(async () => {
    g = await startGuardBot({ policy: { ackTimeout: '1h' } });
    const world = new BackupWorld(TABLES);
    world.healthy(new Date());
    world.pitr.set(TABLES[1]!, { status: 'DISABLED' });
    world.attach(g.dynamodb);
  });
  afterAll(() => g.stop());

  const say = (text: string, channelId: string, userId = 'U0L1AAAA') => dispatchIncidentCommand(g.t.bot.ctx, { text, userId, channelId }, recorder());
  const channelOf = (title: string) =>
    waitFor(`the channel of ${title}`, async () => (await g.t.bot.ctx.store.listOpen()).find((i) => i.title === title && i.channelId)?.channelId);

  it('posts MTTA, MTTR, incidents by level and failed checks to the alerts channel, from the incident log', async () => {
    await say('declare L1 Checkout errors', 'C0LOBBY');
    await say('declare L2 Orders table slow', 'C0LOBBY');
    const checkout = await channelOf('Checkout errors');
    const orders = await channelOf('Orders table slow');
    await say('ack', checkout);
    await say('resolve fixed by restart', checkout);
    await say('ack', orders, 'U0L2BBBB');
    await g.run({ task: 'pitrCheck' }, 'pitr-run-1');
    await waitFor('the PITR incident', async () => (await g.t.bot.ctx.store.listOpen()).find((i) => i.dedupKey === `check:pitr:${TABLES[1]}`));

    await g.run({ task: 'weeklySummary' }, 'summary-run-1');
    const text = await waitFor('the summary', () => channelMessages(g.t).find((m) => m.startsWith('*Weekly incident summary*')));
    const lines = text.split('\n');
    expect(lines[1]).toBe('Incidents opened: 3 (1 resolved, 2 still open)');
    expect(lines[2]).toMatch(/^MTTA: \d+s \(over 2 acknowledged\)$/);
    expect(lines[3]).toMatch(/^MTTR: \d+s \(over 1 resolved\)$/);
    expect(lines[4]).toBe('By level: L1 support (L1): 2 · L2 engineer (L2): 1');
    expect(lines[5]).toBe(`Checks failed (incidents opened by a check): PITR check: 1 (${TABLES[1]})`);
    expect(lines.slice(6)).toEqual(['Failing now:', `• PITR check — ${TABLES[1]}: point-in-time recovery is DISABLED on ${TABLES[1]}: it cannot be restored to a point in time`]);
  });
});
