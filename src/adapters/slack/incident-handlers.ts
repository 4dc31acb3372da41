import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { dispatchIncidentCommand, pressApprovalButton, pressIncidentButton } from '../../../commands';
import type { AppContext } from '../../app/context';
import type { IncidentButton } from '../../app/incident-buttons';
import type { DeliveryDedup } from './delivery-dedup';
import { slackReply } from './slack-reply';
import type { WebClient } from './web-clients';

export interface HandlerDeps {
  ctx: AppContext;
  /** The client replies are posted with (irbot's, with its API URL and retry policy). */
  client: WebClient;
  dedup: DeliveryDedup;
  /** Runs the work after the ack, a bounded number at once, so shutdown can wait for it (the ack has already answered Slack). */
  track<T>(work: () => Promise<T>): Promise<T>;
}

const ACTION_IDS: readonly IncidentButton['actionId'][] = ['incident_ack', 'incident_escalate', 'incident_resolve'];

/**
 * `/incident` and the incident message's buttons. Each acks first (Slack
 * gives 3 s and retries after), then skips a delivery it has already seen,
 * then hands the work to the surface-agnostic command code.
 */
export function registerIncidentHandlers(app: App, deps: HandlerDeps): void {
  const log = deps.ctx.log;

  app.command('/incident', async ({ command, ack, respond, context }) => {
    await ack();
    // Tracked from the ack on, so shutdown waits for the duplicate check too: an acked command is never dropped.
    await deps.track(async () => {
      if (!(await deps.dedup.isFirst(`command:${command.trigger_id}`, context.retryNum))) {
        log.info({ retryNum: context.retryNum, user: command.user_id }, 'repeated /incident delivery ignored');
        return;
      }
      const reply = slackReply(deps.client, { channelId: command.channel_id, userId: command.user_id, respond }, log);
      await dispatchIncidentCommand(deps.ctx, { text: command.text ?? '', userId: command.user_id, channelId: command.channel_id }, reply);
    });
  });

  app.action<BlockAction<ButtonAction>>(/^incident_(ack|escalate|resolve)$/, async ({ body, action, ack, respond, context }) => {
    await ack();
    const actionId = ACTION_IDS.find((a) => a === action.action_id);
    if (!actionId || !action.value) return;
    const key = `action:${action.action_id}:${action.action_ts}:${body.user.id}`;
    const incidentId = action.value;
    await deps.track(async () => {
      if (!(await deps.dedup.isFirst(key, context.retryNum))) {
        log.info({ retryNum: context.retryNum, user: body.user.id, action: actionId }, 'repeated button delivery ignored');
        return;
      }
      const channelId = body.channel?.id ?? body.container?.channel_id ?? '';
      const reply = slackReply(deps.client, { channelId, userId: body.user.id, respond }, log);
      await pressIncidentButton(deps.ctx, { actionId, incidentId, userId: body.user.id }, reply);
    });
  });

  app.action<BlockAction<ButtonAction>>(/^action_(approve|reject)$/, async ({ body, action, ack, respond, context }) => {
    await ack();
    if (!action.value) return;
    const key = `action:${action.action_id}:${action.action_ts}:${body.user.id}`;
    const value = action.value;
    await deps.track(async () => {
      if (!(await deps.dedup.isFirst(key, context.retryNum))) {
        log.info({ retryNum: context.retryNum, user: body.user.id, action: action.action_id }, 'repeated approval click ignored');
        return;
      }
      const channelId = body.channel?.id ?? body.container?.channel_id ?? '';
      const reply = slackReply(deps.client, { channelId, userId: body.user.id, respond }, log);
      const actionId = action.action_id === 'action_approve' ? 'action_approve' : 'action_reject';
      await pressApprovalButton(deps.ctx, { actionId, value, userId: body.user.id }, reply);
    });
  });
}
