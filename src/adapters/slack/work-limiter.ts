/**
 * Runs at most `max` tasks at once and queues the rest, first in first out.
 * Slack handlers ack first and work after; unbounded, that work piles up under
 * a burst of commands and starves the event loop, so acks of later requests
 * went past Slack's 3 s (bench: 50 concurrent commands, p99 ~5 s). Queued work
 * holds no sockets or store calls, so new requests are still acked at once.
 */
export function createWorkLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    // The slot passes straight to the next in line, so a task arriving meanwhile cannot take it too.
    if (next) next();
    else running -= 1;
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < max) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
