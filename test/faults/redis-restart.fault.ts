import type { IncidentEvent } from '../../src/domain/events';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { startSharedStore, type SharedStore } from '../support/shared-store';
import { TEST_ALARM_TOKEN } from '../support/start-test-bot';
import { writeTestPolicy } from '../support/test-policy';
import { waitFor } from '../support/wait-for';
import { OwnRedis } from './support/own-redis';

const INCIDENTS = 100;
const ACK_TIMEOUT_S = 15;

/**
 * 100 incidents wait on L1 (their escalation timers are delayed jobs in Redis)
 * when Redis is killed and started again from its AOF: every timer still fires,
 * and fires once: one escalation to L2 and one L2 page per incident.
 */
describe('Redis restarted while 100 escalations are pending', () => {
  let redis: OwnRedis;
  let shared: SharedStore;
  let bot: BotProcess;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    shared = await startSharedStore();
    bot = await startBotProcess({
      ...shared.env,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'fault-redis-restart',
      ALARM_TOKEN: TEST_ALARM_TOKEN,
      ESCALATION_POLICY: writeTestPolicy({ ackTimeout: `${ACK_TIMEOUT_S}s` }),
      LOG_LEVEL: 'warn',
      DATA_DIR: '/tmp/irbot-unused',
    });
  }, 60000);

  afterAll(async () => {
    if (bot.child.exitCode === null) bot.child.kill('SIGTERM');
    await bot.exited;
    await shared.close();
    await redis.stop();
  });

  const ofType = <T extends IncidentEvent['type']>(events: IncidentEvent[], type: T) => events.filter((e): e is Extract<IncidentEvent, { type: T }> => e.type === type);

  it('every escalation fires exactly once', async () => {
    for (let n = 0; n < INCIDENTS; n++) {
      const res = await fetch(`${bot.baseUrl}/alarms/generic`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ALARM_TOKEN}` },
        body: JSON.stringify({ key: `restart-${n}`, title: `Restart victim ${n}`, state: 'alarm' }),
      });
      expect(res.status).toBe(202);
    }
    const opened = await waitFor('every incident open and L1 paged', async () => {
      const open = await shared.store.listOpen();
      if (open.length < INCIDENTS) return undefined;
      for (const s of open) if (ofType(await shared.store.load(s.incidentId), 'Paged').length === 0) return undefined;
      return open;
    }, 60000, 500);
    const firstOpenedAt = Math.min(...(await Promise.all(opened.map(async (s) => Date.parse((await shared.store.load(s.incidentId))[0]!.at)))));
    // The timers must still be pending when Redis goes away.
    expect(Date.now() - firstOpenedAt).toBeLessThan(ACK_TIMEOUT_S * 1000 - 3000);

    await redis.restart(1000);

    const events = await waitFor('every incident escalated to L2 and L2 paged', async () => {
      const all = await Promise.all(opened.map((s) => shared.store.load(s.incidentId)));
      return all.every((e) => ofType(e, 'Paged').some((p) => p.levelId === 'L2')) ? all : undefined;
    }, 90000, 500);
    // A duplicate would come from a timer delivered twice; give it time to show.
    await new Promise((r) => setTimeout(r, 2000));
    for (const [i, summary] of opened.entries()) {
      const now = await shared.store.load(summary.incidentId);
      expect(ofType(now, 'Escalated').filter((e) => e.fromLevelIndex === 0)).toHaveLength(1);
      expect(ofType(now, 'Paged').filter((p) => p.levelId === 'L2')).toHaveLength(1);
      expect(events[i]).toBeDefined();
    }
    expect(bot.child.exitCode).toBeNull();
  }, 180000);
});
