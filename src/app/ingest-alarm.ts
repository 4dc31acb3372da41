import { createHash } from 'node:crypto';
import type { AlarmSignal } from '../domain/alarm';
import { NotFoundError } from '../domain/errors';
import type { IncidentEventBody } from '../domain/events';
import type { IncidentState } from '../domain/incident-state';
import type { AppContext } from './context';
import { appendDecided } from './incident-log';
import { openIncident } from './open-incident';
import { resolveIncident } from './resolve-incident';

export type IngestOutcome = 'opened' | 'joined' | 'duplicate' | 'recovered' | 'ignored';

const SYSTEM = { kind: 'system' } as const;
/** How long to wait for another writer that has claimed a key but not yet written its Opened event. */
const HOLDER_WAIT_ATTEMPTS = 100;

/**
 * Turns one alarm into incident events. `jobKey` is stable across retries of the
 * same job, so a retry after a crash re-uses the incident id it had claimed.
 */
export async function ingestAlarm(ctx: AppContext, signal: AlarmSignal, jobKey: string): Promise<IngestOutcome> {
  const candidateId = `inc-${createHash('sha256').update(jobKey).digest('hex').slice(0, 20)}`;
  for (let attempt = 1; ; attempt++) {
    const holder = signal.state === 'alarm' ? await claimOrFindHolder(ctx, signal.dedupKey, candidateId) : await ctx.store.dedupHolder(signal.dedupKey);
    if (!holder) return 'ignored';

    if (holder === candidateId && (await ctx.store.load(holder)).length === 0) {
      await openIncident(ctx, { incidentId: candidateId, title: signal.title, levelId: signal.level, dedupKey: signal.dedupKey, origin: 'alarm', details: detailsOf(signal), actor: SYSTEM });
      await appendAlarm(ctx, holder, signal, jobKey);
      return 'opened';
    }

    // Joining goes straight to the append, which loads the log once: a storm's
    // cost is dominated by these loads, so none is done twice (bench: alarm storm).
    let result: Awaited<ReturnType<typeof appendAlarm>>;
    try {
      result = await appendAlarm(ctx, holder, signal, jobKey);
    } catch (err) {
      if (!(err instanceof NotFoundError) || holder === candidateId) throw err;
      // Another replica claimed the key and is writing its Opened event right now (or crashed and will be retried).
      if (attempt >= HOLDER_WAIT_ATTEMPTS) throw new Error(`incident ${holder} holds ${signal.dedupKey} but has no events yet; will retry`);
      await sleep(100);
      continue;
    }
    if (result === 'resolved-already') {
      // The key outlived its incident (a crash between Resolved and the release): free it and go round again.
      await ctx.store.releaseDedupKey(signal.dedupKey, holder);
      if (signal.state !== 'alarm') return 'ignored';
      continue;
    }
    if (result === 'duplicate') return 'duplicate';
    if (signal.state === 'ok') return markRecovered(ctx, holder);
    return 'joined';
  }
}

async function claimOrFindHolder(ctx: AppContext, dedupKey: string, candidateId: string): Promise<string> {
  // In a storm nearly every alarm joins: one read, where a claim that fails costs a write and a read.
  const holder = await ctx.store.dedupHolder(dedupKey);
  if (holder !== undefined) return holder;
  const claim = await ctx.store.claimDedupKey(dedupKey, candidateId);
  return claim.claimed ? candidateId : claim.holder;
}

async function appendAlarm(ctx: AppContext, incidentId: string, signal: AlarmSignal, jobKey: string): Promise<'appended' | 'duplicate' | 'resolved-already'> {
  // A source without delivery ids (generic) still must not count one post twice when
  // its job is retried after a worker died past the append: the job key is stable.
  const deliveryId = signal.deliveryId ?? `job:${jobKey}`;
  let outcome: 'appended' | 'duplicate' | 'resolved-already' = 'appended';
  await appendDecided(ctx, incidentId, SYSTEM, (state: IncidentState): IncidentEventBody | undefined => {
    if (state.status === 'resolved') {
      outcome = 'resolved-already';
      return undefined;
    }
    if (state.deliveryIds.has(deliveryId)) {
      outcome = 'duplicate';
      return undefined;
    }
    outcome = 'appended';
    return { type: 'AlarmReceived', deliveryId, source: signal.source, state: signal.state, title: signal.title, details: signal.details };
  });
  return outcome;
}

async function markRecovered(ctx: AppContext, incidentId: string): Promise<IngestOutcome> {
  const { state } = await appendDecided(ctx, incidentId, SYSTEM, (s) => (s.status === 'resolved' || s.recovered ? undefined : { type: 'Recovered' }));
  if (state.policy.autoResolve && state.status !== 'resolved') {
    await resolveIncident(ctx, incidentId, SYSTEM, { reason: 'auto', note: 'The alarm returned to OK.' }).catch((err: unknown) => {
      // Someone resolved it by hand a moment earlier: that is the outcome we wanted.
      if (!(err instanceof Error && 'code' in err && err.code === 'already_resolved')) throw err;
    });
  }
  return 'recovered';
}

function detailsOf(signal: AlarmSignal): Record<string, string> {
  return { source: signal.source, ...signal.details };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
