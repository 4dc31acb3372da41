import { slackSignatureHeaders } from '../../test/support/slack-signing';

/**
 * What Slack POSTs to /slack/events, signed with the app's secret: a slash
 * command or a button press. `seq` makes each delivery unique (trigger_id,
 * action_ts), as Slack's are, so no request is taken for a retry.
 */
export function slashCommandBody(text: string, channelId: string, userId: string, seq: number, responseUrl: string): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'TFAKE0001',
    team_domain: 'fake',
    channel_id: channelId,
    channel_name: 'incident',
    user_id: userId,
    user_name: userId.toLowerCase(),
    command: '/incident',
    text,
    api_app_id: 'AFAKE0001',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `1234567890.${process.pid}.${seq}`,
  }).toString();
}

export function buttonPressBody(actionId: string, value: string, channelId: string, userId: string, messageTs: string, seq: number, responseUrl: string): string {
  const actionTs = `${Math.floor(Date.now() / 1000)}.${String(seq).padStart(6, '0')}`;
  const payload = {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: 'TFAKE0001' },
    api_app_id: 'AFAKE0001',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    trigger_id: `9876543210.${process.pid}.${seq}`,
    team: { id: 'TFAKE0001', domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'incident' },
    message: { type: 'message', user: 'UBOTIRBOT', ts: messageTs, text: 'incident' },
    state: { values: {} },
    response_url: responseUrl,
    actions: [{ action_id: actionId, block_id: 'incident_actions', text: { type: 'plain_text', text: 'Acknowledge', emoji: true }, value, type: 'button', action_ts: actionTs }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** POSTs a signed form body to `<baseUrl>/slack/events`; resolves with the status once the answer is read. */
export async function postSigned(baseUrl: string, signingSecret: string, body: string, extraHeaders: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(signingSecret, body), ...extraHeaders },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}
