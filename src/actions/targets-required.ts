import type { Targets } from '../../escalation/policy-types';
import { REQUESTED_AT_PARAM, type ActionDefinition, type ParamsResult } from './action-types';

export const MISSING_TARGETS_MESSAGE =
  'The escalation policy has no targets: section, so recovery actions do not know which cluster, service, tables or DNS record to act on. ' +
  'Add targets: to the policy file (ESCALATION_POLICY, escalation/policy.yaml by default) and restart.';

/**
 * parseParams with the two things the workflow must not forget: refusing when
 * the policy has no targets, and stamping the request time so names derived
 * from it are the same on every retry.
 */
export function parseActionParams<P>(action: ActionDefinition<P>, args: Record<string, string>, targets: Targets | undefined, requestedAt: Date): ParamsResult<P> {
  if (targets === undefined) return { ok: false, errors: [`${action.name}: ${MISSING_TARGETS_MESSAGE}`] };
  return action.parseParams({ ...args, [REQUESTED_AT_PARAM]: requestedAt.toISOString() }, targets);
}
