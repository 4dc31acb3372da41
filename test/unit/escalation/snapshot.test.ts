import { stringify } from 'yaml';
import { parsePolicy } from '../../../escalation/parse-policy';
import type { Policy } from '../../../escalation/policy-types';
import { levelIndexById, snapshotPolicy } from '../../../escalation/snapshot';
import { validPolicyData } from './policy-fixture';

function policy(): Policy {
  const result = parsePolicy(stringify(validPolicyData()));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.policy;
}

describe('snapshotPolicy', () => {
  it('keeps what a running incident needs: RTO, auto-resolve and the chain', () => {
    const source = policy();
    expect(snapshotPolicy(source)).toEqual({ rtoMs: source.rtoMs, autoResolve: source.autoResolve, levels: source.levels });
  });

  it('is plain JSON: it survives a round trip unchanged', () => {
    const snapshot = snapshotPolicy(policy());
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('is a deep copy: editing the policy afterwards does not change the snapshot', () => {
    const source = policy();
    const snapshot = snapshotPolicy(source);
    source.levels[0]?.responders.push('U0LATECOMER');
    source.levels.pop();
    source.rtoMs = 1;
    expect(snapshot.levels).toHaveLength(4);
    expect(snapshot.levels[0]?.responders).toEqual(['U012AB3CD']);
    expect(snapshot.rtoMs).toBe(4 * 60 * 60_000);
  });

  it('carries no fields beyond its type, even if the policy object has some', () => {
    const source = { ...policy(), extra: 'secret' } as Policy;
    expect(Object.keys(snapshotPolicy(source)).sort()).toEqual(['autoResolve', 'levels', 'rtoMs']);
  });
});

describe('levelIndexById', () => {
  const snapshot = snapshotPolicy(policy());

  it.each([
    ['L1', 0],
    ['L3', 2],
    ['L4', 3],
    ['l2', 1],
  ])('finds %s at %d', (id, index) => {
    expect(levelIndexById(snapshot, id)).toBe(index);
  });

  it.each(['L5', '', 'L'])('has no level %j', (id) => {
    expect(levelIndexById(snapshot, id)).toBeUndefined();
  });
});
