import type { IncidentEvent } from '../../src/domain/events';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { deletePrefix, REDIS_URL, uniquePrefix } from '../support/redis-cleanup';
import { startSharedStore, type SharedStore } from '../support/shared-store';
import { TEST_ALARM_TOKEN } from '../support/start-test-bot';
import { writeTestPolicy } from '../support/test-policy';
import { waitFor } from '../support/wait-for';

const ALARMS = 1000;
const KEYS = 20;
const KILL_AT = 400;
const SENDERS = 20;

/**
 * Two replicas share Redis and the store; one is SIGKILLed in the middle of
 * a storm, with jobs running. Every alarm that got a 2xx must end on its
 * key's one incident, exactly once (no alarm lost, none counted twice when the
 * survivor takes the dead replica's jobs over).
 */
describe('two replicas, one killed during a storm', () => {
  let shared: SharedStore;
  let replicas: BotProcess[] = [];
  const prefix = uniquePrefix('replica-kill');

  beforeAll(async () => {
    shared = await startSharedStore();
    const env = { ...shared.env, REDIS_URL, QUEUE_PREFIX: prefix, ALARM_TOKEN: TEST_ALARM_TOKEN, ESCALATION_POLICY: writeTestPolicy({ ackTimeout: '1h' }), LOG_LEVEL: 'warn', DATA_DIR: '/tmp/irbot-unused', JOB_LOCK_MS: '3000' };
    replicas = await Promise.all([startBotProcess(env), startBotProcess(env)]);
  }, 90000);

  afterAll(async () => {
    for (const r of replicas) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGTERM');
    await Promise.all(replicas.map((r) => r.exited));
    await shared.close();
    await deletePrefix(prefix);
  });

  it('every accepted alarm is on an incident, once', async () => {
    const [survivor, victim] = replicas as [BotProcess, BotProcess];
    const accepted = new Set<number>();
    let next = 0;
    let killed = false;
    const send = async () => {
      while (next < ALARMS) {
        const i = next++;
        if (i === KILL_AT) {
          victim.child.kill('SIGKILL');
          killed = true;
        }
        // A load balancer stops sending to the dead replica; until then half the traffic goes there.
        const target = !killed && i % 2 === 1 ? victim : survivor;
        const res = await fetch(`${target.baseUrl}/alarms/generic`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ALARM_TOKEN}` },
          body: JSON.stringify({ key: `replica-kill-${i % KEYS}`, title: `Replica kill ${i % KEYS}`, state: 'alarm', details: { n: String(i) } }),
        }).catch(() => undefined);
        if (res?.status === 202) accepted.add(i);
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, send));
    expect(await victim.exited).toBeNull();
    expect(accepted.size).toBeGreaterThan(ALARMS - SENDERS * 2);

    const onIncidents = async () => {
      const seen: number[] = [];
      const incidents = await shared.allIncidents();
      for (const s of incidents) {
        for (const e of await shared.store.load(s.id)) {
          if (e.type === 'AlarmReceived') seen.push(Number((e as Extract<IncidentEvent, { type: 'AlarmReceived' }>).details?.n));
        }
      }
      return { incidents, seen };
    };
    const { incidents, seen } = await waitFor('every accepted alarm on an incident', async () => {
      const found = await onIncidents();
      const have = new Set(found.seen);
      return [...accepted].every((n) => have.has(n)) ? found : undefined;
    }, 120000, 1000);
    await new Promise((r) => setTimeout(r, 4000));
    const settled = await onIncidents();
    expect(incidents).toHaveLength(KEYS);
    expect(new Set(incidents.map((s) => s.dedupKey)).size).toBe(KEYS);
    // Exactly once: no alarm number appears twice, even for jobs the survivor took over.
    expect(settled.seen.length).toBe(new Set(settled.seen).size);
    expect(seen.length).toBeGreaterThanOrEqual(accepted.size);
  }, 240000);
});
