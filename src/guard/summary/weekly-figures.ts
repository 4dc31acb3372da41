import type { IncidentSummary } from '../../app/ports';
import type { IncidentEvent } from '../../domain/events';
import type { CheckRecord } from '../guard-state';

export interface IncidentHistory {
  summary: IncidentSummary;
  events: readonly IncidentEvent[];
}

export interface WeeklyFigures {
  opened: number;
  resolved: number;
  /** Mean time to (first) acknowledge, over the incidents acknowledged; undefined when none were. */
  mttaMs?: number;
  acknowledged: number;
  /** Mean time to resolve, over the incidents resolved. */
  mttrMs?: number;
  /** Incidents by the level holding them last (escalation only moves up: the highest level reached). */
  byLevel: Map<string, number>;
  /** Incidents opened by a failed check, by check (`pitr`, `backup`…), with the tables. */
  checkIncidents: Map<string, string[]>;
  /** Checks whose last run failed, as recorded now. */
  failingNow: CheckRecord[];
}

const CHECK_KEY = /^check:([^:]+):(.+)$/;

/** The week's figures from the incidents opened in it and the checks' last results. Pure. */
export function weeklyFigures(incidents: readonly IncidentHistory[], checks: readonly CheckRecord[]): WeeklyFigures {
  const ack: number[] = [];
  const resolve: number[] = [];
  const byLevel = new Map<string, number>();
  const checkIncidents = new Map<string, string[]>();
  for (const { summary, events } of incidents) {
    const opened = Date.parse(summary.openedAt);
    // The first acknowledgement: a later one (after a manual escalation) is not the response time.
    const acked = events.find((e) => e.type === 'Acknowledged');
    const resolved = events.find((e) => e.type === 'Resolved');
    if (acked) ack.push(Date.parse(acked.at) - opened);
    if (resolved) resolve.push(Date.parse(resolved.at) - opened);
    byLevel.set(summary.levelId, (byLevel.get(summary.levelId) ?? 0) + 1);
    const match = CHECK_KEY.exec(summary.dedupKey ?? '');
    if (match) checkIncidents.set(match[1] ?? '', [...(checkIncidents.get(match[1] ?? '') ?? []), match[2] ?? '']);
  }
  return {
    opened: incidents.length,
    resolved: resolve.length,
    acknowledged: ack.length,
    mttaMs: mean(ack),
    mttrMs: mean(resolve),
    byLevel,
    checkIncidents,
    failingNow: checks.filter((c) => !c.ok),
  };
}

function mean(values: number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
}
