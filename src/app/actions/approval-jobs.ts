import type { AppContext } from '../context';
import { appendDecided, loadIncident } from '../incident-log';
import { approvalViewOf } from './approval-view';

const SYSTEM = { kind: 'system' } as const;

/** Posts the approval request (or the read-only action's report card) in the incident channel. */
export async function postApproval(ctx: AppContext, incidentId: string, requestId: string): Promise<string> {
  const state = await loadIncident(ctx, incidentId);
  const request = state.actions.get(requestId);
  if (!request || request.message) return 'skipped';
  const channelId = state.channel?.id;
  if (!channelId) throw new Error(`incident ${incidentId} has no channel yet; will retry`);
  const ts = await ctx.chat.postApprovalRequest(channelId, approvalViewOf(state, requestId));
  await appendDecided(ctx, incidentId, SYSTEM, (s) => (s.actions.get(requestId)?.message ? undefined : { type: 'ApprovalMessagePosted', requestId, channelId, ts }));
  return 'posted';
}

export async function updateApproval(ctx: AppContext, incidentId: string, requestId: string): Promise<string> {
  const state = await loadIncident(ctx, incidentId);
  const request = state.actions.get(requestId);
  if (!request?.message) return 'skipped (not posted yet)';
  await ctx.chat.updateApprovalRequest(request.message.channelId, request.message.ts, approvalViewOf(state, requestId));
  return 'updated';
}

/** The request's 30 minutes (or the policy's) are up: close it if it is still waiting. */
export async function expireAction(ctx: AppContext, incidentId: string, requestId: string): Promise<string> {
  const { event } = await appendDecided(ctx, incidentId, SYSTEM, (s) => {
    const r = s.actions.get(requestId);
    if (!r || r.status !== 'pending') return undefined;
    if (Date.parse(r.expiresAt) > ctx.clock.now().getTime()) return undefined;
    return { type: 'ActionExpired', requestId };
  });
  return event ? 'expired' : 'skipped';
}
