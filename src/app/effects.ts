import type { IncidentEvent } from '../domain/events';
import type { IncidentState } from '../domain/incident-state';
import { timerDueAt } from '../../escalation/engine';
import type { AppContext } from './context';
import { jobIds } from './job-ids';
import { positionOf } from './escalation-position';
import { scheduleActionEffects } from './actions/action-effects';
import { isActionEvent } from '../domain/action-requests';
import { scheduleRtoClock } from './rto-clock';
import { observeResponseTimes } from './response-times';

/**
 * The effects of a stored event, as jobs. Runs after the append succeeded, so
 * an effect never exists for an event that was not stored; a crash between the
 * two is repaired by the reconcile job.
 */
export async function scheduleEffects(ctx: AppContext, event: IncidentEvent, state: IncidentState): Promise<void> {
  const id = state.id;
  if (isActionEvent(event)) {
    await scheduleActionEffects(ctx, event, state);
    // Proposals, approvals and results also go into the incident thread: the timeline is the audit log.
    if (event.type !== 'ApprovalMessagePosted') await refreshMessage(ctx, event, state);
    return;
  }
  switch (event.type) {
    case 'Opened':
      await ctx.queue.enqueue('page', { incidentId: id, generation: state.generation }, { jobId: jobIds.page(id, state.generation) });
      await scheduleEscalationTimer(ctx, state);
      await ctx.queue.enqueue('open-channel', { incidentId: id }, { jobId: jobIds.openChannel(id) });
      await ctx.queue.enqueue('announce', { incidentId: id }, { jobId: jobIds.announce(id) });
      await scheduleRtoClock(ctx, state);
      return;
    case 'Escalated':
      await ctx.queue.enqueue('page', { incidentId: id, generation: event.generation }, { jobId: jobIds.page(id, event.generation) });
      await scheduleEscalationTimer(ctx, state);
      await refreshMessage(ctx, event, state);
      return;
    case 'Acknowledged':
    case 'Resolved':
      observeResponseTimes(ctx, event, state);
      await refreshMessage(ctx, event, state);
      return;
    case 'AlarmReceived':
      // A storm of the same alarm is one thread line; the message's alarm count shows the rest.
      if (state.lastAlarmRepeated) {
        if (state.message) await scheduleMessageRedraw(ctx, state.id);
        return;
      }
      await refreshMessage(ctx, event, state);
      return;
    case 'RtoWarning':
    case 'Recovered':
    case 'Paged':
      await refreshMessage(ctx, event, state);
      return;
    case 'MessagePosted':
    case 'ChannelOpened':
    case 'EffectFailed':
      return;
  }
}

export async function scheduleEscalationTimer(ctx: AppContext, state: IncidentState): Promise<void> {
  if (state.status !== 'open') return;
  const dueAt = timerDueAt(state.policy, positionOf(state));
  const delayMs = Math.max(0, dueAt - ctx.clock.now().getTime());
  await ctx.queue.enqueue(
    'escalate-check',
    { incidentId: state.id, generation: state.generation },
    { jobId: jobIds.escalateCheck(state.id, state.generation), delayMs },
  );
}

/**
 * Redraws the incident message at most once a second: every event of the same
 * second shares one job (its id names the second), which runs at the second's
 * end and draws the state as it is then. An alarm storm cannot flood chat.update.
 */
export async function scheduleMessageRedraw(ctx: AppContext, incidentId: string): Promise<void> {
  const now = ctx.clock.now().getTime();
  const second = Math.floor(now / 1000);
  await ctx.queue.enqueue('update-message', { incidentId }, { jobId: jobIds.updateMessage(incidentId, second), delayMs: (second + 1) * 1000 - now });
}

async function refreshMessage(ctx: AppContext, event: IncidentEvent, state: IncidentState): Promise<void> {
  if (!state.message) return;
  await scheduleMessageRedraw(ctx, state.id);
  await ctx.queue.enqueue('thread-note', { incidentId: state.id, seq: event.seq }, { jobId: jobIds.threadNote(state.id, event.seq) });
}
