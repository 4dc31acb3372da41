import { DynamoIncidentStore } from '../../../src/adapters/store/dynamo-incident-store';
import { ConflictError } from '../../../src/domain/errors';
import type { IncidentEventBody } from '../../../src/domain/events';
import { useFreshStorePerTest } from './embedded-store';
import { alarmReceived, escalated, opened, resolvedWithoutNote } from './fixtures';

const fresh = useFreshStorePerTest();
let store: DynamoIncidentStore;
beforeEach(() => {
  store = fresh.store();
});

const at = new Date('2024-05-01T02:03:04.005Z');

describe('incident event log on the embedded store', () => {
  it('gives back every event exactly as appended, oldest first', async () => {
    const bodies: IncidentEventBody[] = [opened, alarmReceived, escalated, resolvedWithoutNote];
    const appended = [];
    for (const [seq, body] of bodies.entries()) {
      const actor = seq === 3 ? ({ kind: 'user', id: 'U0ACK' } as const) : ({ kind: 'system' } as const);
      appended.push(await store.append('inc-1', seq, body, actor, new Date(at.getTime() + seq * 1000)));
    }

    const loaded = await store.load('inc-1');

    expect(loaded).toStrictEqual(appended);
    expect(loaded[0]).toStrictEqual({ ...opened, incidentId: 'inc-1', seq: 0, at: '2024-05-01T02:03:04.005Z', actor: { kind: 'system' } });
    expect(loaded[3]).toStrictEqual({ type: 'Resolved', reason: 'auto', incidentId: 'inc-1', seq: 3, at: '2024-05-01T02:03:07.005Z', actor: { kind: 'user', id: 'U0ACK' } });
    expect(loaded.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
  });

  it('keeps incidents apart and answers an unknown incident with no events', async () => {
    await store.append('inc-a', 0, opened, { kind: 'system' }, at);
    await store.append('inc-b', 0, opened, { kind: 'system' }, at);

    expect(await store.load('inc-a')).toHaveLength(1);
    expect(await store.load('nobody')).toEqual([]);
  });

  it('lets exactly one of 20 concurrent appends at the same seq win; the others get ConflictError', async () => {
    await store.append('inc-race', 0, opened, { kind: 'system' }, at);

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.append('inc-race', 1, { type: 'EffectFailed', effect: `writer-${i}`, error: 'x' }, { kind: 'system' }, at),
      ),
    );

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const err of lost) expect(err).toBeInstanceOf(ConflictError);

    const log = await store.load('inc-race');
    expect(log).toHaveLength(2);
    expect(log[1]).toStrictEqual((won[0] as PromiseFulfilledResult<unknown>).value);
  });

  it('reads a log longer than one 1 MB page completely and in order', async () => {
    const bulky = { region: 'x'.repeat(60_000) };
    for (let seq = 0; seq < 30; seq++) {
      await store.append('inc-long', seq, { ...alarmReceived, details: bulky, title: `a${seq}` } as IncidentEventBody, { kind: 'system' }, at);
    }

    const loaded = await store.load('inc-long');

    expect(loaded.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('refuses a negative or fractional seq without writing', async () => {
    await expect(store.append('inc-bad', -1, opened, { kind: 'system' }, at)).rejects.toThrow(/seq/);
    await expect(store.append('inc-bad', 0.5, opened, { kind: 'system' }, at)).rejects.toThrow(/seq/);
    expect(await store.load('inc-bad')).toEqual([]);
  });
});
