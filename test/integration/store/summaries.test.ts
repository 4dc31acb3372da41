import { DynamoIncidentStore } from '../../../src/adapters/store/dynamo-incident-store';
import { useFreshStorePerTest } from './embedded-store';
import { summary } from './fixtures';

const fresh = useFreshStorePerTest();
let store: DynamoIncidentStore;
beforeEach(() => {
  store = fresh.store();
});

describe('incident summaries', () => {
  it('lists open and acknowledged incidents by number, never resolved ones', async () => {
    await store.saveSummary(summary({ incidentId: 'c', number: 3, status: 'acknowledged' }), 4);
    await store.saveSummary(summary({ incidentId: 'a', number: 1 }), 0);
    await store.saveSummary(summary({ incidentId: 'b', number: 2, status: 'resolved' }), 9);
    await store.saveSummary(summary({ incidentId: 'd', number: 10, dedupKey: 'k' }), 0);

    const open = await store.listOpen();

    expect(open.map((s) => s.number)).toEqual([1, 3, 10]);
    expect(open[2]).toStrictEqual(summary({ incidentId: 'd', number: 10, dedupKey: 'k' }));
  });

  it('lists nothing when nothing is open', async () => {
    expect(await store.listOpen()).toEqual([]);
  });

  it('finds an incident by its channel once the channel is recorded', async () => {
    await store.saveSummary(summary({ incidentId: 'a', number: 1 }), 0);
    expect(await store.findByChannel('C0INC1')).toBeUndefined();

    await store.saveSummary(summary({ incidentId: 'a', number: 1, channelId: 'C0INC1' }), 3);
    await store.saveSummary(summary({ incidentId: 'b', number: 2, channelId: 'C0INC2' }), 3);

    expect(await store.findByChannel('C0INC1')).toStrictEqual(summary({ incidentId: 'a', number: 1, channelId: 'C0INC1' }));
    expect((await store.findByChannel('C0INC2'))?.incidentId).toBe('b');
    expect(await store.findByChannel('C0OTHER')).toBeUndefined();
  });

  it('never lets an older seq overwrite a newer summary', async () => {
    await store.saveSummary(summary({ incidentId: 'a', number: 1, status: 'resolved', channelId: 'C1' }), 8);

    await store.saveSummary(summary({ incidentId: 'a', number: 1, status: 'open', channelId: 'C1' }), 5);
    await store.saveSummary(summary({ incidentId: 'a', number: 1, status: 'acknowledged', channelId: 'C1' }), 8);

    expect(await store.listOpen()).toEqual([]);
    expect((await store.findByChannel('C1'))?.status).toBe('resolved');
  });

  it('moves forward in seq, and a field the newer summary lacks is gone', async () => {
    await store.saveSummary(summary({ incidentId: 'a', number: 1, dedupKey: 'k' }), 1);
    await store.saveSummary(summary({ incidentId: 'a', number: 1, status: 'acknowledged' }), 2);

    expect(await store.listOpen()).toStrictEqual([summary({ incidentId: 'a', number: 1, status: 'acknowledged' })]);
  });

  it('lands on the newest summary whatever order concurrent writers finish in', async () => {
    const writes = Array.from({ length: 20 }, (_, seq) =>
      store.saveSummary(summary({ incidentId: 'a', number: 1, levelId: `L${seq}` }), seq),
    );
    await Promise.all(writes.reverse());

    expect((await store.listOpen())[0]?.levelId).toBe('L19');
  });
});
