import { useFreshStorePerTest } from '../store/embedded-store';
import { summary } from '../store/fixtures';

const fresh = useFreshStorePerTest();

describe('IncidentStore.listOpenedSince (weekly summary)', () => {
  it('lists incidents opened at or after a time, resolved ones too, by number', async () => {
    const store = fresh.store();
    await store.saveSummary(summary({ incidentId: 'old', number: 1, openedAt: '2025-06-30T23:59:59.999Z', status: 'resolved' }), 5);
    await store.saveSummary(summary({ incidentId: 'edge', number: 2, openedAt: '2025-07-01T00:00:00.000Z', status: 'resolved' }), 5);
    await store.saveSummary(summary({ incidentId: 'open', number: 4, openedAt: '2025-07-03T10:00:00.000Z' }), 0);
    await store.saveSummary(summary({ incidentId: 'acked', number: 3, openedAt: '2025-07-02T10:00:00.000Z', status: 'acknowledged' }), 2);

    const listed = await store.listOpenedSince(new Date('2025-07-01T00:00:00Z'));

    expect(listed.map((s) => [s.incidentId, s.status])).toEqual([
      ['edge', 'resolved'],
      ['acked', 'acknowledged'],
      ['open', 'open'],
    ]);
  });
});
