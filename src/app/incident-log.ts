import { ConflictError, NotFoundError, RuleError } from '../domain/errors';
import type { Actor, IncidentEvent, IncidentEventBody } from '../domain/events';
import { foldIncident, type IncidentState } from '../domain/incident-state';
import type { AppContext } from './context';
import { scheduleEffects } from './effects';
import { summaryOf } from './incident-view';

const MAX_ATTEMPTS = 50;

export async function loadIncident(ctx: AppContext, incidentId: string): Promise<IncidentState> {
  const events = await ctx.store.load(incidentId);
  if (events.length === 0) throw new NotFoundError(`No incident ${incidentId}.`);
  return foldIncident(events);
}

/**
 * Decides on the current state and appends the result, reloading and deciding
 * again when another writer got there first. `decide` returns undefined when
 * nothing is to be done, or throws a RuleError to refuse.
 */
export async function appendDecided(
  ctx: AppContext,
  incidentId: string,
  actor: Actor,
  decide: (state: IncidentState) => IncidentEventBody | undefined,
): Promise<{ event?: IncidentEvent; state: IncidentState }> {
  for (let attempt = 1; ; attempt++) {
    const events = await ctx.store.load(incidentId);
    if (events.length === 0) throw new NotFoundError(`No incident ${incidentId}.`);
    const state = foldIncident(events);
    const body = decide(state);
    if (!body) return { state };
    try {
      const event = await ctx.store.append(incidentId, state.lastSeq + 1, body, actor, ctx.clock.now());
      const after = foldIncident([...events, event]);
      await afterAppend(ctx, event, after);
      return { event, state: after };
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw err;
      await jitter(attempt);
    }
  }
}

/** Every stored event updates the summary row and schedules its effects. */
export async function afterAppend(ctx: AppContext, event: IncidentEvent, state: IncidentState): Promise<void> {
  await ctx.store.saveSummary(summaryOf(state), event.seq);
  await scheduleEffects(ctx, event, state);
}

export function refuse(message: string): never {
  throw new RuleError('refused', message);
}

function jitter(attempt: number): Promise<void> {
  const ms = Math.min(200, 2 ** Math.min(attempt, 7)) * Math.random();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
