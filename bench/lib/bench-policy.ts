import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export const L1_RESPONDER = 'U0BENCHL1';
export const L2_RESPONDER = 'U0BENCHL2';

/** A two-level policy; `ackTimeout` sets how soon L1 escalates to L2. */
export function writeBenchPolicy(ackTimeout: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'irbot-bench-policy-'));
  const path = join(dir, 'policy.yaml');
  writeFileSync(
    path,
    stringify({
      rto: '4h',
      rpo: '1h',
      autoResolve: true,
      channelPrefix: 'inc',
      levels: [
        { id: 'L1', name: 'L1 support', responders: [L1_RESPONDER], ackTimeout },
        { id: 'L2', name: 'L2 engineer', responders: [L2_RESPONDER], ackTimeout: '1h' },
      ],
      approvals: { default: { approvers: [L2_RESPONDER], required: 1 } },
    }),
  );
  return path;
}
