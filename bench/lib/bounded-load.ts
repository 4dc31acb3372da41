/**
 * Runs `send` from `concurrency` loops until `durationMs` has passed or
 * `maxRequests` were sent, whichever comes first: every bench loop stops by
 * itself. Returns each request's latency and outcome.
 */
export interface LoadResult {
  latenciesMs: number[];
  /** When each request was sent, ms from the start (same order as latenciesMs): where the slow ones fell. */
  sentAtMs: number[];
  statuses: Map<number, number>;
  errors: number;
  elapsedMs: number;
}

export async function boundedLoad(opts: { concurrency: number; durationMs: number; maxRequests: number; send: (i: number) => Promise<number> }): Promise<LoadResult> {
  const started = performance.now();
  const deadline = started + opts.durationMs;
  const latenciesMs: number[] = [];
  const sentAtMs: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  let next = 0;
  const loop = async (): Promise<void> => {
    while (next < opts.maxRequests && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        const status = await opts.send(i);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      } catch {
        errors += 1;
      }
      latenciesMs.push(performance.now() - t0);
      sentAtMs.push(t0 - started);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, loop));
  return { latenciesMs, sentAtMs, statuses, errors, elapsedMs: performance.now() - started };
}

export function statusText(statuses: Map<number, number>): string {
  return [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${n}×${s}`).join(', ');
}
