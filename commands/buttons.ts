import type { AppContext } from '../src/app/context';
import type { IncidentButton } from '../src/app/incident-buttons';
import { acknowledgeIncident, escalateIncident } from '../src/app/respond';
import { resolveIncident } from '../src/app/resolve-incident';
import { IrbotError } from '../src/domain/errors';
import { currentLevel } from '../src/domain/incident-state';
import type { CommandReply } from './command-types';

/** A press of one of the incident message's buttons, from Slack or the console. */
export async function pressIncidentButton(
  ctx: AppContext,
  press: { actionId: IncidentButton['actionId']; incidentId: string; userId: string },
  reply: CommandReply,
): Promise<void> {
  const actor = { kind: 'user', id: press.userId } as const;
  try {
    if (press.actionId === 'incident_ack') {
      const s = await acknowledgeIncident(ctx, press.incidentId, actor);
      await reply.inChannel(`<@${press.userId}> acknowledged incident #${s.number}; escalation stopped.`);
    } else if (press.actionId === 'incident_escalate') {
      const s = await escalateIncident(ctx, press.incidentId, actor);
      await reply.inChannel(`<@${press.userId}> escalated incident #${s.number} to ${currentLevel(s).name}.`);
    } else {
      const s = await resolveIncident(ctx, press.incidentId, actor, { reason: 'manual' });
      await reply.inChannel(`<@${press.userId}> resolved incident #${s.number}.`);
    }
  } catch (err) {
    if (err instanceof IrbotError && err.code !== 'conflict') return reply.ephemeral(err.message);
    ctx.log.error({ err, action: press.actionId }, 'button failed');
    await reply.ephemeral(`Sorry, that did not work: ${(err as Error).message}. Try again.`);
  }
}
