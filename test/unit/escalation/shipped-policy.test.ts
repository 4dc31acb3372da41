import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicyFile } from '../../../escalation/load-policy-file';
import type { Policy } from '../../../escalation/policy-types';
import { SLACK_ID_PATTERN } from '../../../escalation/schema-fields';

const M = 60_000;
const H = 60 * M;
const SHIPPED = join(__dirname, '../../../escalation/policy.yaml');

function shippedPolicy(): Policy {
  const result = loadPolicyFile(SHIPPED);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.policy;
}

describe('escalation/policy.yaml, the plan as shipped', () => {
  it('parses to the plan: RTO 4h, RPO 1h, auto-resolve, inc- channels', () => {
    const policy = shippedPolicy();
    expect(policy.rtoMs).toBe(4 * H);
    expect(policy.rpoMs).toBe(H);
    expect(policy.autoResolve).toBe(true);
    expect(policy.channelPrefix).toBe('inc');
  });

  it('walks L1 support 15m → L2 engineer 30m → Infrastructure team 1h → Management 1h', () => {
    expect(shippedPolicy().levels).toEqual([
      { id: 'L1', name: 'L1 support', responders: ['U0000L1SUP'], ackTimeoutMs: 15 * M },
      { id: 'L2', name: 'L2 engineer', responders: ['S0000L2ENG'], ackTimeoutMs: 30 * M },
      { id: 'L3', name: 'Infrastructure team', responders: ['S0000INFRA'], ackTimeoutMs: H },
      { id: 'L4', name: 'Management', responders: ['U0000MANAGE'], ackTimeoutMs: H },
    ]);
  });

  it('needs one infrastructure approval by default and two for a restore or a DNS failover', () => {
    const infra = ['S0000INFRA'];
    expect(shippedPolicy().approvals).toEqual({
      default: { approvers: infra, required: 1, expiresAfterMs: 30 * M },
      'dynamodb-restore': { approvers: infra, required: 2, expiresAfterMs: 30 * M },
      'route53-failover': { approvers: infra, required: 2, expiresAfterMs: 30 * M },
    });
  });

  it('uses only IDs that are obviously placeholders, and tells the operator to replace them', () => {
    const policy = shippedPolicy();
    const ids = [...policy.levels.flatMap((l) => l.responders), ...Object.values(policy.approvals).flatMap((r) => r.approvers)];
    for (const id of ids) {
      expect(id).toMatch(SLACK_ID_PATTERN);
      expect(id).toMatch(/^[UWS]0000/);
    }
    const header = readFileSync(SHIPPED, 'utf8').split('\n').slice(0, 12).join('\n');
    expect(header).toMatch(/PLACEHOLDER/);
    expect(header).toMatch(/Copy member ID/);
    expect(header).toMatch(/usergroups\.list/);
  });
});
