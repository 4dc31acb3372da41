import type { IncidentEvent } from '../../domain/events';
import type { IncidentState } from '../../domain/incident-state';
import type { AppContext } from '../context';
import { jobIds } from '../job-ids';

type ActionEvent = Extract<IncidentEvent, { requestId: string }>;

/** The jobs an action event sets off; job ids make each happen once. */
export async function scheduleActionEffects(ctx: AppContext, event: ActionEvent, state: IncidentState): Promise<void> {
  const { requestId } = event;
  const ids = { incidentId: state.id, requestId };
  const request = state.actions.get(requestId);
  if (!request) return;
  if (event.type === 'ActionProposed') {
    await ctx.queue.enqueue('post-approval', ids, { jobId: jobIds.postApproval(requestId) });
    if (request.status === 'approved') await ctx.queue.enqueue('run-action', ids, { jobId: jobIds.runAction(requestId) });
    else await ctx.queue.enqueue('expire-action', ids, { jobId: jobIds.expireAction(requestId), delayMs: Math.max(0, Date.parse(request.expiresAt) - ctx.clock.now().getTime() + 1000) });
    return;
  }
  if (event.type === 'ApprovalMessagePosted') {
    // A click or a quick result stored before the message existed was not drawn yet.
    if (request.status !== 'pending' || request.approvals.length > 0) await scheduleApprovalRedraw(ctx, ids);
    return;
  }
  if (event.type === 'ActionApproved' && request.status === 'approved') {
    await ctx.queue.enqueue('run-action', ids, { jobId: jobIds.runAction(requestId) });
  }
  // Refusals change nothing visible but the audit log; everything else redraws the request.
  if (event.type !== 'ActionApprovalRefused') await scheduleApprovalRedraw(ctx, ids);
}

/** One redraw per request per second, at the second's end, so redraws cannot land out of order. */
async function scheduleApprovalRedraw(ctx: AppContext, ids: { incidentId: string; requestId: string }): Promise<void> {
  const now = ctx.clock.now().getTime();
  const second = Math.floor(now / 1000);
  await ctx.queue.enqueue('update-approval', ids, { jobId: jobIds.updateApproval(ids.requestId, second), delayMs: (second + 1) * 1000 - now });
}
