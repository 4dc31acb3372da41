import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process, so tests can build several engines side by side without clashes. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'irbot_process_' });
  // Set by the guards (src/guard) at start: reads their shared state (Redis) when the guard gauges are scraped.
  const guardGauges: { refresh: () => Promise<void> } = { refresh: async () => undefined };
  return {
    registry,
    alarmsReceived: new Counter({
      name: 'irbot_alarms_received_total',
      help: 'Alarms received, by source and outcome (accepted, rejected, opened, joined, duplicate, recovered, ignored)',
      labelNames: ['source', 'outcome'] as const,
      registers: [registry],
    }),
    incidentsOpened: new Counter({
      name: 'irbot_incidents_opened_total',
      help: 'Incidents opened, by origin (alarm or manual)',
      labelNames: ['origin'] as const,
      registers: [registry],
    }),
    escalations: new Counter({
      name: 'irbot_escalations_total',
      help: 'Escalations to a next level, by reason (timeout or manual)',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    pages: new Counter({ name: 'irbot_pages_total', help: 'Responders paged, by level', labelNames: ['level'] as const, registers: [registry] }),
    jobDuration: new Histogram({
      name: 'irbot_job_duration_seconds',
      help: 'Background job durations, by job name and outcome',
      labelNames: ['job', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    timeToAcknowledge: new Histogram({
      name: 'irbot_time_to_acknowledge_seconds',
      help: 'From an incident opening to its first acknowledgement, by the level that acknowledged',
      labelNames: ['level'] as const,
      buckets: [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400],
      registers: [registry],
    }),
    timeToResolve: new Histogram({
      name: 'irbot_time_to_resolve_seconds',
      help: 'From an incident opening to its resolution, by the level holding it then',
      labelNames: ['level'] as const,
      buckets: [60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400],
      registers: [registry],
    }),
    openIncidents: new Gauge({ name: 'irbot_open_incidents', help: 'Incidents not yet resolved (as last counted by this replica)', registers: [registry] }),
    guardGauges,
    backupAgeSeconds: new Gauge({ name: 'irbot_backup_age_seconds', help: 'Age of the newest completed backup of each DynamoDB table, as last seen by the backup check', labelNames: ['table'] as const, registers: [registry], collect: () => guardGauges.refresh() }),
    checkOk: new Gauge({ name: 'irbot_check_ok', help: 'Last result of each scheduled check (pitr, backup, backup-job, retention, drill) by table: 1 passed, 0 failed', labelNames: ['check', 'table'] as const, registers: [registry], collect: () => guardGauges.refresh() }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
