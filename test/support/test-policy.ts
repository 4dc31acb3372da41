import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A policy like the plan's, with timeouts short enough to watch a whole walk in a test. */
export function writeTestPolicy(opts: { ackTimeout?: string; rto?: string; autoResolve?: boolean } = {}): string {
  const t = opts.ackTimeout ?? '3s';
  const yaml = `rto: ${opts.rto ?? '4h'}
rpo: 1h
autoResolve: ${opts.autoResolve ?? true}
channelPrefix: inc
levels:
  - { id: L1, name: L1 support, responders: [U0L1AAAA], ackTimeout: ${t} }
  - { id: L2, name: L2 engineer, responders: [U0L2BBBB, S0L2GROUP], ackTimeout: ${t} }
  - { id: L3, name: Infrastructure team, responders: [S0INFRA], ackTimeout: ${t} }
  - { id: L4, name: Management, responders: [U0MANAGER], ackTimeout: ${t} }
approvals:
  default: { approvers: [S0INFRA], required: 1 }
  dynamodb-restore: { approvers: [S0INFRA], required: 2 }
`;
  const dir = mkdtempSync(join(tmpdir(), 'irbot-policy-'));
  const path = join(dir, 'policy.yaml');
  writeFileSync(path, yaml);
  return path;
}
