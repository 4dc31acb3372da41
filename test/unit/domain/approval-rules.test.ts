import type { ActionRequest } from '../../../src/domain/action-requests';
import { decideApproval, decideRejection } from '../../../src/domain/approval-rules';

const now = new Date('2026-11-28T03:00:00Z');

function request(overrides: Partial<ActionRequest> = {}): ActionRequest {
  return {
    requestId: 'req-1',
    action: 'dynamodb-restore',
    args: { table: 'lightningtalk-circle-prod-events' },
    params: {},
    calls: [],
    mode: 'dry-run',
    needsApproval: true,
    required: 2,
    approvers: ['S0INFRA'],
    requestedBy: 'U0REQUESTER',
    proposedAt: '2026-11-28T02:50:00Z',
    expiresAt: '2026-11-28T03:20:00Z',
    approvals: [],
    refusals: [],
    status: 'pending',
    progress: [],
    ...overrides,
  };
}

describe('approval rules', () => {
  it.each([
    { name: 'the requester approving their own request', req: request(), user: 'U0REQUESTER', approver: true, at: now, expect: { kind: 'refuse', reason: 'own-request' } },
    { name: 'someone who is not an approver', req: request(), user: 'U0RANDOM', approver: false, at: now, expect: { kind: 'refuse', reason: 'not-approver' } },
    { name: 'the first of two required approvals', req: request(), user: 'U0INFRA1', approver: true, at: now, expect: { kind: 'approve', complete: false, remaining: 1 } },
    { name: 'the same person approving twice', req: request({ approvals: ['U0INFRA1'] }), user: 'U0INFRA1', approver: true, at: now, expect: { kind: 'refuse', reason: 'already-approved' } },
    { name: 'a second, different approver', req: request({ approvals: ['U0INFRA1'] }), user: 'U0INFRA2', approver: true, at: now, expect: { kind: 'approve', complete: true, remaining: 0 } },
    { name: 'a single required approval', req: request({ required: 1, action: 'ecs-restart' }), user: 'U0INFRA1', approver: true, at: now, expect: { kind: 'approve', complete: true, remaining: 0 } },
    { name: 'an approval after the request expired', req: request(), user: 'U0INFRA1', approver: true, at: new Date('2026-11-28T03:20:01Z'), expect: { kind: 'expire' } },
    { name: 'an approval of a rejected request', req: request({ status: 'rejected' }), user: 'U0INFRA1', approver: true, at: now, expect: { kind: 'refuse', reason: 'closed' } },
    { name: 'an approval of an expired request', req: request({ status: 'expired' }), user: 'U0INFRA1', approver: true, at: now, expect: { kind: 'refuse', reason: 'expired' } },
    { name: 'an approval of one already running', req: request({ status: 'running' }), user: 'U0INFRA1', approver: true, at: now, expect: { kind: 'refuse', reason: 'closed' } },
  ])('$name', ({ req, user, approver, at, expect: expected }) => {
    const decision = decideApproval(req, user, approver, at);
    expect(decision).toMatchObject(expected);
    if (decision.kind !== 'approve') expect(decision.message.length).toBeGreaterThan(10);
  });

  it.each([
    { name: 'an approver rejects', user: 'U0INFRA1', approver: true, req: request(), expect: { kind: 'reject' } },
    { name: 'the requester withdraws', user: 'U0REQUESTER', approver: false, req: request(), expect: { kind: 'reject' } },
    { name: 'a bystander tries to reject', user: 'U0RANDOM', approver: false, req: request(), expect: { kind: 'refuse', reason: 'not-approver' } },
    { name: 'rejecting an approved request', user: 'U0INFRA1', approver: true, req: request({ status: 'approved' }), expect: { kind: 'refuse', reason: 'closed' } },
  ])('rejection: $name', ({ req, user, approver, expect: expected }) => {
    expect(decideRejection(req, user, approver, now)).toMatchObject(expected);
  });
});
