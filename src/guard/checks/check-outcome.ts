/** One check of one table, judged. `detail` reads as a sentence in Slack and in the incident's details. */
export interface CheckOutcome {
  ok: boolean;
  detail: string;
  /** Facts for the incident's details (latest restorable time, newest backup…). */
  facts: Record<string, string>;
}

/** The checks whose failures open incidents, with how they are named on them. */
export const CHECKS = {
  pitr: 'PITR check',
  backup: 'Backup check',
  'backup-job': 'Daily backup',
  drill: 'Restore drill',
} as const;

export type CheckName = keyof typeof CHECKS;

/** One open incident per check and table, whichever replica ran it. */
export function checkDedupKey(check: CheckName, table: string): string {
  return `check:${check}:${table}`;
}
