import { RuleError } from '../domain/errors';
import type { Actor } from '../domain/events';
import type { IncidentState } from '../domain/incident-state';
import type { AppContext } from './context';
import { appendDecided } from './incident-log';

/** Resolves an incident and frees its dedup key, so the alarm's next firing opens a new one. */
export async function resolveIncident(
  ctx: AppContext,
  incidentId: string,
  actor: Actor,
  opts: { reason: 'manual' | 'auto'; note?: string },
): Promise<IncidentState> {
  const { state } = await appendDecided(ctx, incidentId, actor, (s) => {
    if (s.status === 'resolved') throw new RuleError('already_resolved', `Incident #${s.number} is already resolved.`);
    return { type: 'Resolved', reason: opts.reason, note: opts.note };
  });
  if (state.dedupKey) await ctx.store.releaseDedupKey(state.dedupKey, state.id);
  ctx.log.info({ incidentId, reason: opts.reason }, 'incident resolved');
  return state;
}
