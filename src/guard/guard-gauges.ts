import type { Clock } from '../app/ports';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { GuardState } from './guard-state';

/**
 * Fills the backup-age and check-result gauges from the shared guard state
 * when /metrics is scraped, so every replica reports the last results
 * whichever replica ran the checks.
 */
export function guardGaugeRefresher(metrics: Metrics, state: GuardState, clock: Clock, log: Logger): () => Promise<void> {
  let pending: Promise<void> | undefined;
  const refresh = async (): Promise<void> => {
    const [checks, backups] = await Promise.all([state.checks(), state.newestBackups()]);
    const now = clock.now().getTime();
    metrics.checkOk.reset();
    for (const c of checks) metrics.checkOk.set({ check: c.check, table: c.table }, c.ok ? 1 : 0);
    metrics.backupAgeSeconds.reset();
    // A table with no backup at all has no age; its backup check reads 0.
    for (const [table, at] of backups) if (at !== null) metrics.backupAgeSeconds.set({ table }, Math.max(0, (now - Date.parse(at)) / 1000));
  };
  // Both gauges ask on each scrape; one read of Redis in flight serves them both.
  return () => {
    pending ??= refresh()
      // Redis away: the gauges keep their last values rather than failing the whole scrape.
      .catch((err: unknown) => log.warn({ err }, 'could not read the guard state for /metrics'))
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
