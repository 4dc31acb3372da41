import type { AppContext } from './context';
import { scheduleEscalationTimer } from './effects';
import { scheduleRtoClock } from './rto-clock';
import { loadIncident } from './incident-log';
import { jobIds } from './job-ids';
import { summaryOf } from './incident-view';

/**
 * Re-enqueues the effects every open incident should have pending. Job ids are
 * deterministic, so this adds nothing that already exists; it repairs the one
 * gap of "store first, then enqueue": a crash between the two.
 */
export async function reconcileOpenIncidents(ctx: AppContext): Promise<string> {
  const open = await ctx.store.listOpen();
  ctx.metrics.openIncidents.set(open.length);
  for (const summary of open) {
    const state = await loadIncident(ctx, summary.incidentId);
    // A crash between an append and its summary write leaves the row behind its log: bring it up to date.
    await ctx.store.saveSummary(summaryOf(state), state.lastSeq);
    if (state.status === 'resolved') continue;
    if (!state.pagedGenerations.has(state.generation)) {
      await ctx.queue.enqueue('page', { incidentId: state.id, generation: state.generation }, { jobId: jobIds.page(state.id, state.generation) });
    }
    await scheduleEscalationTimer(ctx, state);
    await scheduleRtoClock(ctx, state);
    if (!state.message) await ctx.queue.enqueue('open-channel', { incidentId: state.id }, { jobId: jobIds.openChannel(state.id) });
  }
  return `checked ${open.length} open incidents`;
}
