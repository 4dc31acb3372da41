import type { ActionRequest } from './action-requests';
import type { ApprovalRefusal } from './events';

export type ApprovalDecision =
  | { kind: 'refuse'; reason: ApprovalRefusal; message: string }
  | { kind: 'expire'; message: string }
  | { kind: 'approve'; complete: boolean; remaining: number };

export type RejectionDecision = { kind: 'refuse'; reason: ApprovalRefusal; message: string } | { kind: 'expire'; message: string } | { kind: 'reject' };

/**
 * Who may approve: a named approver (directly or through a user group, which
 * the caller resolves into `isApprover`), never the requester, once each.
 */
export function decideApproval(request: ActionRequest, userId: string, isApprover: boolean, now: Date): ApprovalDecision {
  const closed = closedReason(request, now);
  if (closed) return closed;
  if (request.requestedBy === userId) {
    return { kind: 'refuse', reason: 'own-request', message: `You proposed this ${request.action}; someone else has to approve it.` };
  }
  if (!isApprover) {
    return { kind: 'refuse', reason: 'not-approver', message: `You are not an approver for ${request.action}. Approvers: ${request.approvers.map(mentionOf).join(', ')}.` };
  }
  if (request.approvals.includes(userId)) {
    return { kind: 'refuse', reason: 'already-approved', message: `You already approved this ${request.action}; it needs ${request.required - request.approvals.length} more approval(s) from someone else.` };
  }
  const remaining = request.required - request.approvals.length - 1;
  return { kind: 'approve', complete: remaining <= 0, remaining: Math.max(0, remaining) };
}

/** The requester may withdraw their request; an approver may reject it. */
export function decideRejection(request: ActionRequest, userId: string, isApprover: boolean, now: Date): RejectionDecision {
  const closed = closedReason(request, now);
  if (closed) return closed;
  if (request.requestedBy !== userId && !isApprover) {
    return { kind: 'refuse', reason: 'not-approver', message: `Only an approver or the requester can reject this ${request.action}.` };
  }
  return { kind: 'reject' };
}

function closedReason(request: ActionRequest, now: Date): { kind: 'refuse'; reason: ApprovalRefusal; message: string } | { kind: 'expire'; message: string } | undefined {
  if (request.status === 'pending' && now.getTime() > Date.parse(request.expiresAt)) {
    return { kind: 'expire', message: `This ${request.action} request expired at ${request.expiresAt.slice(11, 16)} UTC; propose it again with /incident run.` };
  }
  if (request.status !== 'pending') {
    return { kind: 'refuse', reason: request.status === 'expired' ? 'expired' : 'closed', message: `This ${request.action} request is already ${request.status}.` };
  }
  return undefined;
}

function mentionOf(id: string): string {
  return id.startsWith('S') ? `<!subteam^${id}>` : `<@${id}>`;
}
