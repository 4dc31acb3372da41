import type { ActionDefinition } from '../../actions/action-types';
import type { ApprovalRule, Policy } from '../../../escalation/policy-types';

/**
 * The policy's rule for an action: its own entry, else (for a runbook) the
 * strictest rule among its steps, so a runbook can never lower the bar of a
 * step it contains; else `default`.
 */
export function approvalRuleFor(action: ActionDefinition, policy: Policy): ApprovalRule | undefined {
  const own = policy.approvals[action.name];
  if (own) return own;
  const stepRules = (action.steps ?? []).map((step) => policy.approvals[step]).filter((r): r is ApprovalRule => r !== undefined);
  const strictest = stepRules.reduce<ApprovalRule | undefined>((best, r) => (!best || r.required > best.required ? r : best), undefined);
  return strictest ?? policy.approvals.default;
}
