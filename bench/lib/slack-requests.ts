import { slackSignatureHeaders } from '../../test/support/slack-signing';
import { blockActionsPayload, slashCommandForm } from '../../test/support/slack-payloads';

/**
 * What Slack POSTs to /slack/events: a slash command or a button press. `seq`
 * makes each delivery unique (trigger_id, action_ts), as Slack's are, so no
 * request is taken for a retry.
 */
export function slashCommandBody(text: string, channelId: string, userId: string, seq: number, responseUrl: string): string {
  return slashCommandForm(text, channelId, userId, `${process.pid}.${seq}`, responseUrl).toString();
}

export function buttonPressBody(actionId: string, value: string, channelId: string, userId: string, messageTs: string, seq: number, responseUrl: string): string {
  const actionTs = `${Math.floor(Date.now() / 1000)}.${String(seq).padStart(6, '0')}`;
  const payload = blockActionsPayload({ actionId, value, blockId: 'incident_actions', label: 'Acknowledge' }, channelId, userId, messageTs, actionTs, responseUrl);
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
