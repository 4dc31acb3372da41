import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export interface TestApprovalRule {
  approvers: string[];
  required: number;
  expiresAfter?: string;
}

export interface TestPolicyOptions {
  ackTimeout?: string;
  rto?: string;
  autoResolve?: boolean;
  /** Adds the shipped policy's `targets:` section (the plan's cluster, service, tables, health URL…), which recovery actions need. */
  targets?: boolean;
  /** Approval rules per action, added to (or replacing) the plan's `default` and `dynamodb-restore` rules. */
  approvals?: Record<string, TestApprovalRule>;
}

/** The `targets:` section of escalation/policy.yaml, as data: what the actions act on in the tests. */
export function shippedTargets(): Record<string, unknown> {
  const shipped = parse(readFileSync(join(__dirname, '..', '..', 'escalation', 'policy.yaml'), 'utf8')) as { targets?: Record<string, unknown> };
  if (!shipped.targets) throw new Error('escalation/policy.yaml has no targets: section');
  return shipped.targets;
}

/** A policy like the plan's, with timeouts short enough to watch a whole walk in a test. */
export function writeTestPolicy(opts: TestPolicyOptions = {}): string {
  const t = opts.ackTimeout ?? '3s';
  const policy: Record<string, unknown> = {
    rto: opts.rto ?? '4h',
    rpo: '1h',
    autoResolve: opts.autoResolve ?? true,
    channelPrefix: 'inc',
    levels: [
      { id: 'L1', name: 'L1 support', responders: ['U0L1AAAA'], ackTimeout: t },
      { id: 'L2', name: 'L2 engineer', responders: ['U0L2BBBB', 'S0L2GROUP'], ackTimeout: t },
      { id: 'L3', name: 'Infrastructure team', responders: ['S0INFRA'], ackTimeout: t },
      { id: 'L4', name: 'Management', responders: ['U0MANAGER'], ackTimeout: t },
    ],
    approvals: {
      default: { approvers: ['S0INFRA'], required: 1 },
      'dynamodb-restore': { approvers: ['S0INFRA'], required: 2 },
      ...opts.approvals,
    },
  };
  if (opts.targets) policy.targets = shippedTargets();
  const dir = mkdtempSync(join(tmpdir(), 'irbot-policy-'));
  const path = join(dir, 'policy.yaml');
  writeFileSync(path, stringify(policy));
  return path;
}
