import { call, shellWord, type Call } from './planned';

export const HEALTH_TIMEOUT_MS = 10_000;

/** The health check as a planned call, so dry runs and approvals show it beside the AWS calls. */
export function healthGet(url: string): Call<{ url: string; timeoutMs: number }> {
  const cli = `curl -sS -i --max-time ${HEALTH_TIMEOUT_MS / 1000} ${shellWord(url)}`;
  return call('http', 'global', 'GET', { url, timeoutMs: HEALTH_TIMEOUT_MS }, cli, false);
}
