import { startLevelIndex } from '../../escalation/engine';
import { snapshotPolicy } from '../../escalation/snapshot';
import { RuleError } from '../domain/errors';
import type { Actor, IncidentEvent } from '../domain/events';
import { foldIncident, type IncidentState } from '../domain/incident-state';
import type { AppContext } from './context';
import { afterAppend } from './incident-log';

export interface OpenRequest {
  incidentId: string;
  title: string;
  levelId?: string;
  dedupKey?: string;
  origin: 'alarm' | 'manual';
  details: Record<string, string>;
  actor: Actor;
}

/**
 * Writes the Opened event at seq 0. The policy is snapshotted onto the incident
 * here, so later edits of the policy file never change a running incident.
 */
export async function openIncident(ctx: AppContext, req: OpenRequest): Promise<IncidentState> {
  const policy = snapshotPolicy(ctx.policy);
  const levelIndex = startLevelIndex(policy, req.levelId);
  if (levelIndex === undefined) {
    const known = policy.levels.map((l) => l.id).join(', ');
    throw new RuleError('unknown_level', `There is no level ${req.levelId} in the escalation policy (levels: ${known}).`);
  }
  const number = await ctx.store.nextIncidentNumber();
  const event: IncidentEvent = await ctx.store.append(
    req.incidentId,
    0,
    {
      type: 'Opened',
      number,
      title: req.title,
      dedupKey: req.dedupKey,
      origin: req.origin,
      startLevelIndex: levelIndex,
      policy,
      details: req.details,
    },
    req.actor,
    ctx.clock.now(),
  );
  const state = foldIncident([event]);
  ctx.metrics.incidentsOpened.inc({ origin: req.origin });
  ctx.log.info({ incidentId: state.id, number, level: policy.levels[levelIndex]?.id, origin: req.origin }, 'incident opened');
  await afterAppend(ctx, event, state);
  return state;
}
