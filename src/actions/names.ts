/**
 * Names the actions give what they create. UTC throughout, so two
 * replicas (or a retry on another host) derive the same name from the same
 * request time.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

export function yyyymmdd(time: Date): string {
  return `${time.getUTCFullYear()}${pad(time.getUTCMonth() + 1)}${pad(time.getUTCDate())}`;
}

export function yyyymmddHHMM(time: Date): string {
  return `${yyyymmdd(time)}${pad(time.getUTCHours())}${pad(time.getUTCMinutes())}`;
}

/** The plan's daily name; the same name as the 02:00 job's is fine, backups are told apart by ARN. */
export function backupName(table: string, requestedAt: Date): string {
  return `${table}-backup-${yyyymmdd(requestedAt)}`;
}

export const RESTORED_INFIX = '-restored-';
export const DRILL_INFIX = '-drill-';

/** Drills restore into `-drill-` tables, which switch-table refuses, so a drill can never go live by mistake. */
export function restoredTableName(table: string, requestedAt: Date, drill: boolean): string {
  return `${table}${drill ? DRILL_INFIX : RESTORED_INFIX}${yyyymmddHHMM(requestedAt)}`;
}

/** A table restore made for `source`: `<source>-restored-<yyyymmddHHMM>`. */
export function isRestoredName(source: string, name: string): boolean {
  return name.startsWith(`${source}${RESTORED_INFIX}`) && /^\d{12}$/.test(name.slice(source.length + RESTORED_INFIX.length));
}

/** `2025-07-11 02:10 UTC`: how times are shown to responders. */
export function utcMinute(time: Date): string {
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
