import { ConflictError, NotFoundError, RuleError } from '../domain/errors';
import type { Actor, IncidentEvent, IncidentEventBody } from '../domain/events';
import { foldIncident, type IncidentState } from '../domain/incident-state';
import type { AppContext } from './context';
import type { IncidentSummary } from './ports';
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
 *
 * The first decision may be made on this replica's cached log without a read:
 * an append is checked by the store's conditional write on the next seq, so a
 * stale cache only costs a retry. Doing nothing or refusing is never decided
 * on the cache; those are decided again on a fresh read.
 */
export async function appendDecided(
  ctx: AppContext,
  incidentId: string,
  actor: Actor,
  decide: (state: IncidentState) => IncidentEventBody | undefined,
): Promise<{ event?: IncidentEvent; state: IncidentState }> {
  let cached = ctx.store.cached?.(incidentId);
  for (let attempt = 1; ; attempt++) {
    const fresh = cached === undefined;
    const events = cached ?? (await ctx.store.load(incidentId));
    cached = undefined;
    if (events.length === 0) throw new NotFoundError(`No incident ${incidentId}.`);
    const state = foldIncident(events);
    let body: IncidentEventBody | undefined;
    try {
      body = decide(state);
    } catch (err) {
      if (fresh) throw err;
      continue;
    }
    if (!body) {
      if (fresh) return { state };
      continue;
    }
    try {
      const event = await ctx.store.append(incidentId, state.lastSeq + 1, body, actor, ctx.clock.now());
      const after = foldIncident([...events, event]);
      await afterAppend(ctx, event, after, state);
      return { event, state: after };
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw err;
      // A conflict on the cached log means only that the cache was behind: read and decide again at once.
      if (!fresh) continue;
      await jitter(attempt);
    }
  }
}

/**
 * Every stored event schedules its effects and brings the summary row up to
 * date. Most events (a storm's repeated alarms) leave the summary as it was, and
 * then the write is skipped; a row a crash left behind is rewritten by reconcile.
 */
export async function afterAppend(ctx: AppContext, event: IncidentEvent, state: IncidentState, before?: IncidentState): Promise<void> {
  const summary = summaryOf(state);
  if (!before || !sameSummary(summaryOf(before), summary)) await ctx.store.saveSummary(summary, event.seq);
  await scheduleEffects(ctx, event, state);
}

function sameSummary(a: IncidentSummary, b: IncidentSummary): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function refuse(message: string): never {
  throw new RuleError('refused', message);
}

function jitter(attempt: number): Promise<void> {
  const ms = Math.min(200, 2 ** Math.min(attempt, 7)) * Math.random();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
