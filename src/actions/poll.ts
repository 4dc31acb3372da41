import { formatDuration } from '../../escalation/duration';
import type { ActionRunContext } from './action-types';

export type PollCheck<T> = { state: 'done'; value: T } | { state: 'waiting'; detail: string } | { state: 'failed'; detail: string };

export interface PollSpec<T> {
  /** What is awaited, for progress lines: "ECS service to be stable". */
  what: string;
  attempts: number;
  intervalMs: number;
  check(): Promise<PollCheck<T>>;
}

export type PollResult<T> = { ok: true; value: T; checks: number } | { ok: false; detail: string };

/**
 * Checks up to `attempts` times, sleeping `intervalMs` between checks through
 * ctx.sleep (instant in tests). Bounded on purpose: a job that waits forever
 * holds a worker and tells the responder nothing. Giving up says how long it
 * waited and the last state seen, since the AWS operation itself may still
 * finish and a retry of the action picks the wait up again.
 */
export async function pollUntil<T>(ctx: Pick<ActionRunContext, 'sleep' | 'progress'>, spec: PollSpec<T>): Promise<PollResult<T>> {
  let last = 'no answer yet';
  for (let check = 1; check <= spec.attempts; check += 1) {
    const result = await spec.check();
    if (result.state === 'done') return { ok: true, value: result.value, checks: check };
    if (result.state === 'failed') return { ok: false, detail: result.detail };
    last = result.detail;
    if (check === spec.attempts) break;
    await ctx.progress(`Waiting for ${spec.what} (${check}/${spec.attempts}): ${last}`);
    await ctx.sleep(spec.intervalMs);
  }
  const waited = formatDuration((spec.attempts - 1) * spec.intervalMs);
  return { ok: false, detail: `gave up after ${spec.attempts} checks (${waited}) waiting for ${spec.what}; last state: ${last}` };
}
