import { randomBytes } from 'node:crypto';
import { actionCatalogue, findAction } from '../../actions/catalogue';
import { RuleError } from '../../domain/errors';
import type { IncidentState } from '../../domain/incident-state';
import type { AppContext } from '../context';
import { appendDecided } from '../incident-log';
import { parseActionParams } from '../../actions/targets-required';
import { approvalRuleFor } from './approval-rule';

const DEFAULT_EXPIRY_MS = 30 * 60_000;

/** `key=value` words → a map; a word without `=` is an error naming it. */
export function parseActionArgs(words: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq <= 0) throw new RuleError('bad_args', `"${word}" is not key=value.`);
    args[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return args;
}

/**
 * `/incident run <action> key=value…`: validates the action and its params,
 * plans its exact calls and stores the proposal. Approval (or, for read-only
 * actions, running) follows as jobs.
 */
export async function proposeAction(ctx: AppContext, incidentId: string, requester: string, actionName: string, args: Record<string, string>): Promise<{ state: IncidentState; requestId: string }> {
  const action = findAction(actionName);
  if (!action) {
    throw new RuleError('unknown_action', `No recovery action named "${actionName}". Available: ${actionCatalogue.map((a) => a.name).join(', ')}.`);
  }
  const now = ctx.clock.now();
  const parsed = parseActionParams(action, args, ctx.policy.targets, now);
  if (!parsed.ok) throw new RuleError('bad_args', `${parsed.errors.join('\n')}\nUsage: /incident run ${action.usage}`);
  const targets = ctx.policy.targets;
  if (!targets) throw new RuleError('no_targets', 'The escalation policy has no targets: section.');
  const rule = approvalRuleFor(action, ctx.policy);
  if (!rule) throw new RuleError('no_approvers', `The policy names no approvers for ${action.name} and has no approvals.default.`);
  const requestId = `act-${randomBytes(8).toString('hex')}`;
  const { state } = await appendDecided(ctx, incidentId, { kind: 'user', id: requester }, (s) => {
    if (s.status === 'resolved') throw new RuleError('already_resolved', `Incident #${s.number} is resolved; reopen work with a new incident.`);
    return {
      type: 'ActionProposed',
      requestId,
      action: action.name,
      args,
      params: parsed.params,
      calls: action.plan(parsed.params, targets, now),
      risk: action.risk?.(parsed.params, targets, now, ctx.policy.rpoMs),
      mode: ctx.actionsMode,
      needsApproval: action.needsApproval,
      required: action.needsApproval ? rule.required : 0,
      approvers: rule.approvers,
      expiresAt: new Date(now.getTime() + (rule.expiresAfterMs || DEFAULT_EXPIRY_MS)).toISOString(),
    };
  });
  ctx.log.info({ incidentId, requestId, action: action.name, requester, mode: ctx.actionsMode }, 'recovery action proposed');
  return { state, requestId };
}
