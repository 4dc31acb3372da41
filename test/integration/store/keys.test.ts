import { DynamoIncidentStore } from '../../../src/adapters/store/dynamo-incident-store';
import { useFreshStorePerTest } from './embedded-store';

const fresh = useFreshStorePerTest();
let store: DynamoIncidentStore;
beforeEach(() => {
  store = fresh.store();
});

describe('dedup keys', () => {
  it('gives a key to exactly one of 50 concurrent claimants and tells the others who holds it', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `inc-${i}`);

    const results = await Promise.all(ids.map((id) => store.claimDedupKey('alarm-arn', id)));

    const winners = ids.filter((_, i) => results[i]?.claimed);
    expect(winners).toHaveLength(1);
    const holder = winners[0];
    for (const r of results) {
      if (!r.claimed) expect(r.holder).toBe(holder);
    }
    expect(await store.dedupHolder('alarm-arn')).toBe(holder);
  });

  it('lets the holder claim its own key again (a retried use case)', async () => {
    await store.claimDedupKey('k', 'inc-1');

    expect(await store.claimDedupKey('k', 'inc-1')).toEqual({ claimed: true });
    expect(await store.claimDedupKey('k', 'inc-2')).toEqual({ claimed: false, holder: 'inc-1' });
  });

  it('ignores a release by a non-holder and frees the key on release by the holder', async () => {
    await store.claimDedupKey('k', 'inc-1');

    await store.releaseDedupKey('k', 'inc-2');
    expect(await store.dedupHolder('k')).toBe('inc-1');
    expect(await store.claimDedupKey('k', 'inc-2')).toEqual({ claimed: false, holder: 'inc-1' });

    await store.releaseDedupKey('k', 'inc-1');
    expect(await store.dedupHolder('k')).toBeUndefined();
    expect(await store.claimDedupKey('k', 'inc-2')).toEqual({ claimed: true });
  });

  it('releasing a free key is harmless', async () => {
    await expect(store.releaseDedupKey('never-claimed', 'inc-1')).resolves.toBeUndefined();
    expect(await store.dedupHolder('never-claimed')).toBeUndefined();
  });

  it('keeps keys apart', async () => {
    await store.claimDedupKey('a', 'inc-1');

    expect(await store.claimDedupKey('b', 'inc-2')).toEqual({ claimed: true });
  });
});

describe('incident numbers', () => {
  it('hands out 1..100 with no duplicates under 100 concurrent calls', async () => {
    const numbers = await Promise.all(Array.from({ length: 100 }, () => store.nextIncidentNumber()));

    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await store.nextIncidentNumber()).toBe(101);
  });
});
