import { decideApproval, decideRejection } from '../../domain/approval-rules';
import { NotFoundError, RuleError } from '../../domain/errors';
import type { IncidentEventBody } from '../../domain/events';
import type { AppContext } from '../context';
import { appendDecided, loadIncident } from '../incident-log';

export type ApprovalOutcome = { kind: 'approved'; complete: boolean; remaining: number; action: string } | { kind: 'rejected'; action: string };

/**
 * An Approve or Reject click. Every click is recorded: an approval, a
 * rejection, or a refusal with its reason (then thrown as a RuleError so the
 * clicker is told why, privately).
 */
export async function decideOnRequest(ctx: AppContext, incidentId: string, requestId: string, userId: string, choice: 'approve' | 'reject'): Promise<ApprovalOutcome> {
  const before = await loadIncident(ctx, incidentId);
  const request = before.actions.get(requestId);
  if (!request) throw new NotFoundError(`No action request ${requestId} on incident #${before.number}.`);
  // Membership of user groups is looked up once, outside the retry loop: it is a chat API call.
  const approverIds = await ctx.chat.expandUserGroups(request.approvers);
  const isApprover = approverIds.includes(userId);
  let outcome: ApprovalOutcome | undefined;
  let refusal: string | undefined;
  await appendDecided(ctx, incidentId, { kind: 'user', id: userId }, (s): IncidentEventBody | undefined => {
    const r = s.actions.get(requestId);
    if (!r) throw new NotFoundError(`No action request ${requestId}.`);
    const now = ctx.clock.now();
    const d = choice === 'approve' ? decideApproval(r, userId, isApprover, now) : decideRejection(r, userId, isApprover, now);
    refusal = d.kind === 'refuse' || d.kind === 'expire' ? d.message : undefined;
    if (d.kind === 'expire') return { type: 'ActionExpired', requestId };
    if (d.kind === 'refuse') return { type: 'ActionApprovalRefused', requestId, reason: d.reason };
    if (d.kind === 'reject') {
      outcome = { kind: 'rejected', action: r.action };
      return { type: 'ActionRejected', requestId };
    }
    outcome = { kind: 'approved', complete: d.complete, remaining: d.remaining, action: r.action };
    return { type: 'ActionApproved', requestId };
  });
  if (refusal !== undefined || !outcome) throw new RuleError('approval_refused', refusal ?? 'Nothing to do.');
  ctx.log.info({ incidentId, requestId, userId, outcome }, 'approval decision');
  return outcome;
}
