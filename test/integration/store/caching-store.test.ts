import { CachingIncidentStore } from '../../../src/adapters/store/caching-incident-store';
import type { DynamoIncidentStore } from '../../../src/adapters/store/dynamo-incident-store';
import { ConflictError } from '../../../src/domain/errors';
import { useFreshStorePerTest } from './embedded-store';
import { alarmReceived, escalated, opened } from './fixtures';

const fresh = useFreshStorePerTest();
const system = { kind: 'system' } as const;
const at = new Date('2024-05-01T02:03:04.005Z');

/** Counts the rows the cache asked the real store for, to show it reads only the tail. */
function countingRows(inner: DynamoIncidentStore): { store: DynamoIncidentStore; rowsRead: () => number } {
  let rows = 0;
  const loadAfter = inner.loadAfter.bind(inner);
  const spy = Object.create(inner) as DynamoIncidentStore;
  spy.loadAfter = async (id, after) => {
    const events = await loadAfter(id, after);
    rows += events.length;
    return events;
  };
  return { store: spy, rowsRead: () => rows };
}

describe('the log cache in front of the store (two replicas on one store)', () => {
  it('sees what another replica appended, and reads only the events it has not seen', async () => {
    const counted = countingRows(fresh.store());
    const replicaA = new CachingIncidentStore(counted.store);
    const replicaB = new CachingIncidentStore(fresh.store());
    await replicaA.append('inc-1', 0, opened, system, at);
    expect(await replicaA.load('inc-1')).toHaveLength(1);
    const readBefore = counted.rowsRead();

    await replicaB.append('inc-1', 1, alarmReceived, system, at);
    await replicaB.append('inc-1', 2, escalated, system, at);
    const seenByA = await replicaA.load('inc-1');

    expect(seenByA).toStrictEqual(await fresh.store().load('inc-1'));
    expect(seenByA.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(counted.rowsRead() - readBefore).toBe(2);
  });

  it('still refuses a stale append with ConflictError, and the next load has the winner', async () => {
    const replicaA = new CachingIncidentStore(fresh.store());
    const replicaB = new CachingIncidentStore(fresh.store());
    await replicaA.append('inc-2', 0, opened, system, at);
    await replicaA.load('inc-2');
    await replicaB.append('inc-2', 1, alarmReceived, system, at);

    await expect(replicaA.append('inc-2', 1, escalated, system, at)).rejects.toBeInstanceOf(ConflictError);
    const after = await replicaA.load('inc-2');
    expect(after.map((e) => e.type)).toEqual(['Opened', 'AlarmReceived']);
  });

  it('gives each caller its own copy: changing a loaded array does not change the next load', async () => {
    const replica = new CachingIncidentStore(fresh.store());
    await replica.append('inc-3', 0, opened, system, at);
    const first = await replica.load('inc-3');
    first.pop();

    expect(await replica.load('inc-3')).toHaveLength(1);
  });

  it('forgets the least recently used incident past its limit and reads it whole again', async () => {
    const counted = countingRows(fresh.store());
    const replica = new CachingIncidentStore(counted.store, 2);
    for (const id of ['a', 'b', 'c']) {
      await replica.append(id, 0, opened, system, at);
      await replica.load(id);
    }
    const before = counted.rowsRead();
    await replica.load('c');
    expect(counted.rowsRead()).toBe(before);
    await replica.load('a');
    expect(counted.rowsRead()).toBe(before + 1);
  });
});
