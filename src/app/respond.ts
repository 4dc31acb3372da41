import { randomBytes } from 'node:crypto';
import { decideManualEscalation } from '../../escalation/engine';
import { RuleError } from '../domain/errors';
import type { Actor } from '../domain/events';
import type { IncidentState } from '../domain/incident-state';
import type { AppContext } from './context';
import { positionOf } from './escalation-position';
import { appendDecided } from './incident-log';
import { openIncident } from './open-incident';

/** The responder-facing use cases behind `/incident declare|ack|escalate` and the buttons. */

export async function declareIncident(ctx: AppContext, actor: Actor, levelId: string, title: string): Promise<IncidentState> {
  const incidentId = `inc-${randomBytes(10).toString('hex')}`;
  const by = actor.kind === 'user' ? actor.id : 'system';
  return openIncident(ctx, { incidentId, title, levelId, origin: 'manual', details: { declaredBy: by }, actor });
}

export async function acknowledgeIncident(ctx: AppContext, incidentId: string, actor: Actor): Promise<IncidentState> {
  const { state } = await appendDecided(ctx, incidentId, actor, (s) => {
    if (s.status === 'resolved') throw new RuleError('already_resolved', `Incident #${s.number} is already resolved; nothing to acknowledge.`);
    if (s.status === 'acknowledged') {
      const who = s.acknowledgedBy ? ` by <@${s.acknowledgedBy}>` : '';
      throw new RuleError('already_acknowledged', `Incident #${s.number} is already acknowledged${who}.`);
    }
    return { type: 'Acknowledged' };
  });
  return state;
}

export async function escalateIncident(ctx: AppContext, incidentId: string, actor: Actor): Promise<IncidentState> {
  const { state } = await appendDecided(ctx, incidentId, actor, (s) => {
    const decision = decideManualEscalation(s.policy, positionOf(s));
    if (decision.kind === 'refuse') throw new RuleError('already_resolved', `Incident #${s.number} is resolved; it cannot be escalated.`);
    return { type: 'Escalated', fromLevelIndex: s.levelIndex, toLevelIndex: decision.toLevelIndex, reason: 'manual', generation: decision.generation };
  });
  ctx.metrics.escalations.inc({ reason: 'manual' });
  return state;
}
