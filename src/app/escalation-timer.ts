import { decideOnTimer } from '../../escalation/engine';
import type { AppContext } from './context';
import { positionOf } from './escalation-position';
import { appendDecided } from './incident-log';
import { jobIds } from './job-ids';

const SYSTEM = { kind: 'system' } as const;

/**
 * A delayed job fired: escalate if the level it was set for still holds the
 * incident unacknowledged. A timer made for an older generation does nothing.
 */
export async function onEscalationTimer(ctx: AppContext, incidentId: string, generation: number): Promise<string> {
  let outcome = 'ignored';
  let recheckAt: number | undefined;
  await appendDecided(ctx, incidentId, SYSTEM, (s) => {
    const decision = decideOnTimer(s.policy, positionOf(s), generation, ctx.clock.now().getTime());
    if (decision.kind === 'ignore') {
      outcome = `ignored (${decision.reason})`;
      return undefined;
    }
    if (decision.kind === 'not-due') {
      outcome = 'not due';
      recheckAt = decision.dueAtMs;
      return undefined;
    }
    outcome = decision.repeat ? 'repeated last level' : 'escalated';
    return { type: 'Escalated', fromLevelIndex: s.levelIndex, toLevelIndex: decision.toLevelIndex, reason: 'timeout', generation: decision.generation };
  });
  if (outcome === 'escalated' || outcome === 'repeated last level') ctx.metrics.escalations.inc({ reason: 'timeout' });
  if (recheckAt !== undefined) {
    // Fired early (clock skew between replicas): check again when it is really due.
    const delayMs = Math.max(0, recheckAt - ctx.clock.now().getTime());
    await ctx.queue.enqueue('escalate-check', { incidentId, generation }, { jobId: jobIds.escalateRecheck(incidentId, generation, recheckAt), delayMs });
  }
  ctx.log.debug({ incidentId, generation, outcome }, 'escalation timer');
  return outcome;
}
