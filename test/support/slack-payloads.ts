/** Slack's own request shapes for /slack/events, shared by the integration tests and the bench. */

/** A message button as the bot rendered it. */
export interface ButtonSpec {
  actionId: string;
  value: string;
  blockId: string;
  label: string;
}

/** What Slack POSTs for `/incident <text>`. */
export function slashCommandForm(text: string, channelId: string, userId: string, triggerSeed: string, responseUrl: string): URLSearchParams {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'TFAKE0001',
    team_domain: 'fake',
    channel_id: channelId,
    channel_name: 'somewhere',
    user_id: userId,
    user_name: userId.toLowerCase(),
    command: '/incident',
    text,
    api_app_id: 'AFAKE0001',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `1234567890.${triggerSeed}`,
  });
}

/** What Slack POSTs (as `payload=`) when a message button is pressed. */
export function blockActionsPayload(button: ButtonSpec, channelId: string, userId: string, messageTs: string, actionTs: string, responseUrl: string) {
  return {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: 'TFAKE0001' },
    api_app_id: 'AFAKE0001',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    trigger_id: `9876543210.${actionTs}`,
    team: { id: 'TFAKE0001', domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'incident' },
    message: { type: 'message', user: 'UBOTIRBOT', ts: messageTs, text: 'message' },
    state: { values: {} },
    response_url: responseUrl,
    actions: [{ action_id: button.actionId, block_id: button.blockId, text: { type: 'plain_text', text: button.label, emoji: true }, value: button.value, type: 'button', action_ts: actionTs }],
  };
}
