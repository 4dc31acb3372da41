import { createHmac } from 'node:crypto';

/**
 * Signs a request body the way Slack does: `v0=` + hex HMAC-SHA256 of
 * `v0:<timestamp>:<raw body>` with the app's signing secret. Written from
 * Slack's documentation, independently of Bolt, so each checks the other.
 */
export function slackSignatureHeaders(signingSecret: string, rawBody: string, timestampSec = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest('hex');
  return { 'X-Slack-Request-Timestamp': String(timestampSec), 'X-Slack-Signature': `v0=${signature}` };
}
