import type { ActionReport, ActionRunContext } from '../action-types';
import type { ServiceRef } from '../calls/ecs-calls';
import { pollUntil } from '../poll';
import type { StepLog } from '../step-log';
import { countsLine, STABLE_CHECKS, STABLE_INTERVAL_MS, stabilityCheck } from './service-state';

/** Waits (bounded) for the service's rollout to finish; a report only when it did not. */
export async function waitForStable(ctx: ActionRunContext, ref: ServiceRef, log: StepLog): Promise<ActionReport | undefined> {
  const result = await pollUntil(ctx, {
    what: `${ref.service} (${ref.region}) to be stable`,
    attempts: STABLE_CHECKS,
    intervalMs: STABLE_INTERVAL_MS,
    check: stabilityCheck(ctx, ref),
  });
  if (!result.ok) return log.fail('wait for stable', result.detail);
  log.ok('wait for stable', `stable after ${result.checks} check(s): ${countsLine(result.value)}`);
  return undefined;
}
