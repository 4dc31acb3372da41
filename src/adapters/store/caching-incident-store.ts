import type { IncidentStore, IncidentSummary } from '../../app/ports';
import type { Actor, IncidentEvent, IncidentEventBody } from '../../domain/events';

/** Enough for every incident of a bad day; the oldest-used are dropped first. */
const DEFAULT_MAX_INCIDENTS = 500;

/**
 * Keeps the logs this replica has read and reads only their tail afterwards.
 * Every decision loads the incident's log, so in an alarm storm an incident
 * with n alarms was read n times in full (quadratic; bench: alarm storm).
 * Stored events never change, so a cached prefix plus a consistent read of
 * the events after it is exactly what a full read returns, with any number of
 * replicas writing.
 */
export class CachingIncidentStore implements IncidentStore {
  private readonly logs = new Map<string, IncidentEvent[]>();

  constructor(
    private readonly inner: IncidentStore,
    private readonly maxIncidents = DEFAULT_MAX_INCIDENTS,
  ) {}

  async load(incidentId: string): Promise<IncidentEvent[]> {
    const cached = this.logs.get(incidentId) ?? [];
    const tail = await this.inner.loadAfter(incidentId, lastSeq(cached));
    // Another load may have extended the entry meanwhile; keep whichever knows more.
    const current = this.logs.get(incidentId) ?? [];
    const merged = lastSeq(tail.length > 0 ? tail : cached) >= lastSeq(current) ? [...cached, ...tail] : current;
    if (merged.length > 0) this.remember(incidentId, merged);
    return merged.slice();
  }

  cached(incidentId: string): IncidentEvent[] | undefined {
    return this.logs.get(incidentId)?.slice();
  }

  loadAfter(incidentId: string, afterSeq: number): Promise<IncidentEvent[]> {
    return this.inner.loadAfter(incidentId, afterSeq);
  }

  async append(incidentId: string, seq: number, body: IncidentEventBody, actor: Actor, at: Date): Promise<IncidentEvent> {
    const event = await this.inner.append(incidentId, seq, body, actor, at);
    // The first event is the whole log; later ones extend only a contiguous cached log (a gap is filled by the next tail read).
    const cached = seq === 0 ? [] : this.logs.get(incidentId);
    if (cached && lastSeq(cached) === seq - 1) this.remember(incidentId, [...cached, event]);
    return event;
  }

  private remember(incidentId: string, events: IncidentEvent[]): void {
    this.logs.delete(incidentId);
    this.logs.set(incidentId, events);
    if (this.logs.size > this.maxIncidents) {
      const oldest = this.logs.keys().next().value;
      if (oldest !== undefined) this.logs.delete(oldest);
    }
  }

  claimDedupKey(dedupKey: string, incidentId: string): Promise<{ claimed: true } | { claimed: false; holder: string }> {
    return this.inner.claimDedupKey(dedupKey, incidentId);
  }

  dedupHolder(dedupKey: string): Promise<string | undefined> {
    return this.inner.dedupHolder(dedupKey);
  }

  releaseDedupKey(dedupKey: string, incidentId: string): Promise<void> {
    return this.inner.releaseDedupKey(dedupKey, incidentId);
  }

  nextIncidentNumber(): Promise<number> {
    return this.inner.nextIncidentNumber();
  }

  saveSummary(summary: IncidentSummary, seq: number): Promise<void> {
    return this.inner.saveSummary(summary, seq);
  }

  listOpen(): Promise<IncidentSummary[]> {
    return this.inner.listOpen();
  }

  listOpenedSince(since: Date): Promise<IncidentSummary[]> {
    return this.inner.listOpenedSince(since);
  }

  findByChannel(channelId: string): Promise<IncidentSummary | undefined> {
    return this.inner.findByChannel(channelId);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    this.logs.clear();
    return this.inner.close();
  }
}

function lastSeq(events: readonly IncidentEvent[]): number {
  return events.at(-1)?.seq ?? -1;
}
