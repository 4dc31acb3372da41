/** The last outcome of one check for one table (or `*` for checks of the whole set). */
export interface CheckRecord {
  check: string;
  table: string;
  ok: boolean;
  /** ISO time of the run. */
  at: string;
  detail: string;
}

export type DrillClaim = { outcome: 'claimed' | 'resumed' } | { outcome: 'held'; by: string };

/**
 * What the guards remember between runs, shared by every replica: whichever
 * replica serves `/metrics` or runs the next job must see the last result,
 * not only its own.
 */
export interface GuardState {
  recordCheck(record: CheckRecord): Promise<void>;
  checks(): Promise<CheckRecord[]>;
  /** Creation time (ISO) of the table's newest completed backup, or null for none. */
  recordNewestBackup(table: string, createdAt: string | null): Promise<void>;
  newestBackups(): Promise<Map<string, string | null>>;
  /**
   * Claims a drill table name for one run (the job's key). The same run
   * claiming again (a retry after a crash) resumes; another run is told who holds it.
   */
  claimDrill(target: string, runId: string, ttlMs: number): Promise<DrillClaim>;
  releaseDrill(target: string, runId: string): Promise<void>;
  /** A finished drill's report, kept so a retry re-posts it instead of drilling again. */
  saveDrillReport(runId: string, text: string, ttlMs: number): Promise<void>;
  drillReport(runId: string): Promise<string | undefined>;
}

export function checkField(check: string, table: string): string {
  return `${check}|${table}`;
}

/** In-process state, for code that runs without Redis (unit tests); never shared between replicas. */
export class MemoryGuardState implements GuardState {
  private readonly checkRecords = new Map<string, CheckRecord>();
  private readonly backups = new Map<string, string | null>();
  private readonly claims = new Map<string, string>();
  private readonly reports = new Map<string, string>();

  async recordCheck(record: CheckRecord): Promise<void> {
    this.checkRecords.set(checkField(record.check, record.table), { ...record });
  }
  async checks(): Promise<CheckRecord[]> {
    return [...this.checkRecords.values()].map((r) => ({ ...r }));
  }
  async recordNewestBackup(table: string, createdAt: string | null): Promise<void> {
    this.backups.set(table, createdAt);
  }
  async newestBackups(): Promise<Map<string, string | null>> {
    return new Map(this.backups);
  }
  async claimDrill(target: string, runId: string): Promise<DrillClaim> {
    const holder = this.claims.get(target);
    if (holder === undefined) {
      this.claims.set(target, runId);
      return { outcome: 'claimed' };
    }
    return holder === runId ? { outcome: 'resumed' } : { outcome: 'held', by: holder };
  }
  async releaseDrill(target: string, runId: string): Promise<void> {
    if (this.claims.get(target) === runId) this.claims.delete(target);
  }
  async saveDrillReport(runId: string, text: string): Promise<void> {
    this.reports.set(runId, text);
  }
  async drillReport(runId: string): Promise<string | undefined> {
    return this.reports.get(runId);
  }
}
