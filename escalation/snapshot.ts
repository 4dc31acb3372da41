import type { Policy, PolicySnapshot } from './policy-types';

/**
 * The chain as it stands when an incident opens, copied field by field into
 * fresh plain JSON: later edits of the policy (or of the Policy object in
 * memory) never reach a running incident, and the copy can be stored as is.
 */
export function snapshotPolicy(policy: Policy): PolicySnapshot {
  return {
    rtoMs: policy.rtoMs,
    autoResolve: policy.autoResolve,
    levels: policy.levels.map((level) => ({
      id: level.id,
      name: level.name,
      responders: [...level.responders],
      ackTimeoutMs: level.ackTimeoutMs,
    })),
  };
}

/**
 * Position of a level in the chain. Case-insensitive because people type
 * `/incident declare l2`; the parser refuses ids that differ only in case.
 */
export function levelIndexById(snapshot: PolicySnapshot, id: string): number | undefined {
  const wanted = id.toLowerCase();
  const index = snapshot.levels.findIndex((level) => level.id.toLowerCase() === wanted);
  return index === -1 ? undefined : index;
}
