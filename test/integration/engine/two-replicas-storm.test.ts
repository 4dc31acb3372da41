import { deletePrefix, REDIS_URL, uniquePrefix } from '../../support/redis-cleanup';
import { startBotProcess, type BotProcess } from '../../support/bot-process';
import { startSharedStore, type SharedStore } from '../../support/shared-store';
import { TEST_ALARM_TOKEN } from '../../support/start-test-bot';
import { writeTestPolicy } from '../../support/test-policy';
import { waitFor } from '../../support/wait-for';

describe('two bot processes sharing one Redis and one store', () => {
  let shared: SharedStore;
  let replicas: BotProcess[] = [];
  const prefix = uniquePrefix('replicas');

  beforeAll(async () => {
    shared = await startSharedStore();
    const env = { ...shared.env, REDIS_URL, QUEUE_PREFIX: prefix, ALARM_TOKEN: TEST_ALARM_TOKEN, ESCALATION_POLICY: writeTestPolicy({ ackTimeout: '1h' }), LOG_LEVEL: 'warn', DATA_DIR: '/tmp/irbot-unused' };
    replicas = await Promise.all([startBotProcess(env), startBotProcess(env)]);
  }, 90000);

  afterAll(async () => {
    for (const r of replicas) r.child.kill('SIGTERM');
    await Promise.all(replicas.map((r) => r.exited));
    await shared.close();
    await deletePrefix(prefix);
  });

  it('turns 1,000 concurrent alarms for 10 keys into exactly 10 incidents holding every alarm', async () => {
    const total = 1000;
    const keys = 10;
    let next = 0;
    const statuses: number[] = [];
    async function sender() {
      while (next < total) {
        const i = next++;
        const replica = replicas[i % replicas.length]!;
        const res = await fetch(`${replica.baseUrl}/alarms/generic`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ALARM_TOKEN}` },
          body: JSON.stringify({ key: `svc-${i % keys}`, title: `Service ${i % keys} failing`, state: 'alarm', details: { n: i } }),
        });
        statuses.push(res.status);
      }
    }
    await Promise.all(Array.from({ length: 50 }, sender));
    expect(statuses.filter((s) => s === 202)).toHaveLength(total);

    const incidents = await waitFor('every alarm on an incident', async () => {
      const all = await shared.allIncidents();
      const alarms = all.reduce((n, s) => n + s.alarmCount, 0);
      return alarms >= total ? all : undefined;
    }, 240000, 1000);
    expect(incidents).toHaveLength(keys);
    expect(new Set(incidents.map((s) => s.dedupKey)).size).toBe(keys);
    expect(incidents.reduce((n, s) => n + s.alarmCount, 0)).toBe(total);
    for (const s of incidents) expect(s.alarmCount).toBe(total / keys);
  }, 300000);
});
