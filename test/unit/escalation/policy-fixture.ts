import { stringify } from 'yaml';

/** A valid policy as plain data, fresh on every call so a test can change it freely. */
export function validPolicyData(): Record<string, unknown> {
  return {
    rto: '4h',
    rpo: '1h',
    autoResolve: true,
    channelPrefix: 'inc',
    levels: [
      { id: 'L1', name: 'L1 support', responders: ['U012AB3CD'], ackTimeout: '15m' },
      { id: 'L2', name: 'L2 engineer', responders: ['S0L2GROUP'], ackTimeout: '30m' },
      { id: 'L3', name: 'Infrastructure team', responders: ['S0INFRA'], ackTimeout: '1h' },
      { id: 'L4', name: 'Management', responders: ['U0MANAGER', 'W0EXEC'], ackTimeout: '1h' },
    ],
    approvals: {
      default: { approvers: ['S0INFRA'], required: 1 },
      'dynamodb-restore': { approvers: ['U0ALICE', 'U0BOB'], required: 2, expiresAfter: '1h' },
    },
  };
}

export const REMOVE = Symbol('remove');
export type PathPart = string | number;

/** The valid policy as YAML with one value replaced (or removed) at `path`. */
export function policyYamlWith(path: readonly PathPart[], value: unknown): string {
  const data = validPolicyData();
  setAt(data, path, value);
  return stringify(data);
}

function setAt(root: unknown, path: readonly PathPart[], value: unknown): void {
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  let node: unknown = root;
  for (const part of parentPath) node = (node as Record<PathPart, unknown>)[part];
  if (typeof node !== 'object' || node === null || last === undefined) throw new Error(`fixture: no parent at ${path.join('.')}`);
  const parent = node as Record<PathPart, unknown>;
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
}
