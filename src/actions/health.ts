import type { ActionReport, ActionRunContext } from './action-types';
import { healthGet } from './calls/http-calls';
import type { StepLog } from './step-log';

/**
 * GETs the health URL once; ok on 2xx. A failure is reported with what came
 * back (status and body excerpt) or why nothing did (timeout, DNS).
 */
export async function checkHealth(ctx: ActionRunContext, url: string, log: StepLog): Promise<ActionReport | undefined> {
  const { input } = healthGet(url);
  try {
    const answer = await ctx.http.get(input.url, input.timeoutMs);
    const line = `GET ${url} → ${answer.status} in ${Math.round(answer.latencyMs)} ms${answer.bodyExcerpt === '' ? '' : `: ${answer.bodyExcerpt}`}`;
    if (answer.status < 200 || answer.status > 299) return log.fail('health check', line);
    log.ok('health check', line);
    return undefined;
  } catch (error) {
    const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
    return log.fail('health check', `GET ${url} failed: ${message}`);
  }
}
