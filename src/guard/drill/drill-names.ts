import { DRILL_INFIX, yyyymmdd } from '../../actions/names';

/**
 * `<table>-drill-<yyyymmdd>` (UTC date of the request), the plan's name. The
 * `-drill-` infix is what switch-table refuses, so a drill table can never be
 * switched live by mistake.
 */
export function drillTableName(table: string, requestedAt: Date): string {
  return `${table}${DRILL_INFIX}${yyyymmdd(requestedAt)}`;
}

/** The monthly drill takes the tables in turn, one a month, so each is drilled regularly. */
export function tableOfTheMonth(tables: readonly string[], at: Date): string {
  const month = at.getUTCFullYear() * 12 + at.getUTCMonth();
  const table = tables[month % tables.length];
  if (table === undefined) throw new Error('no tables to drill');
  return table;
}
