import { deletePrefix, REDIS_URL, uniquePrefix } from '../../support/redis-cleanup';
import { startBotProcess, type BotProcess } from '../../support/bot-process';
import { startSharedStore, type SharedStore } from '../../support/shared-store';
import { TEST_ALARM_TOKEN } from '../../support/start-test-bot';
import { writeTestPolicy } from '../../support/test-policy';
import { waitFor } from '../../support/wait-for';
import type { IncidentEvent } from '../../../src/domain/events';

const ACK_TIMEOUT_MS = 4000;

describe('escalation survives the process being killed', () => {
  let shared: SharedStore;
  let bot: BotProcess | undefined;
  const prefix = uniquePrefix('restart');
  let env: Record<string, string>;

  beforeAll(async () => {
    shared = await startSharedStore();
    env = { ...shared.env, REDIS_URL, QUEUE_PREFIX: prefix, ALARM_TOKEN: TEST_ALARM_TOKEN, ESCALATION_POLICY: writeTestPolicy({ ackTimeout: `${ACK_TIMEOUT_MS / 1000}s` }), LOG_LEVEL: 'warn', DATA_DIR: '/tmp/irbot-unused' };
  });

  afterAll(async () => {
    if (bot && bot.child.exitCode === null) {
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
    await shared.close();
    await deletePrefix(prefix);
  });

  const pagedEvents = (events: IncidentEvent[]) => events.filter((e): e is Extract<IncidentEvent, { type: 'Paged' }> => e.type === 'Paged');

  it('SIGKILL while waiting on L1, start again: L2 is still paged once, on time, then L3 and L4', async () => {
    bot = await startBotProcess(env);
    const res = await fetch(`${bot.baseUrl}/alarms/generic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ALARM_TOKEN}` },
      body: JSON.stringify({ key: 'orders-api', title: 'Orders API down', state: 'alarm' }),
    });
    expect(res.status).toBe(202);
    const incident = await waitFor('L1 paged and the channel posted', async () => {
      const [open] = await shared.store.listOpen();
      if (!open) return undefined;
      const events = await shared.store.load(open.incidentId);
      return pagedEvents(events).length === 1 && events.some((e) => e.type === 'MessagePosted') ? open : undefined;
    });

    bot.child.kill('SIGKILL');
    expect(await bot.exited).toBeNull();
    bot = await startBotProcess(env);

    const events = await waitFor('L4 paged', async () => {
      const all = await shared.store.load(incident.incidentId);
      return pagedEvents(all).some((p) => p.levelId === 'L4') ? all : undefined;
    }, 60000, 200);
    const pages = pagedEvents(events);
    expect(pages.slice(0, 4).map((p) => p.levelId)).toEqual(['L1', 'L2', 'L3', 'L4']);
    expect(pages.filter((p) => p.levelId === 'L2')).toHaveLength(1);

    const opened = Date.parse(events[0]!.at);
    const escalatedToL2 = events.find((e) => e.type === 'Escalated' && e.toLevelIndex === 1)!;
    const lateBy = Date.parse(escalatedToL2.at) - (opened + ACK_TIMEOUT_MS);
    // On time: not before the timeout, and not waiting for anything like a lock expiry.
    expect(lateBy).toBeGreaterThanOrEqual(0);
    expect(lateBy).toBeLessThan(5000);
  }, 120000);
});
