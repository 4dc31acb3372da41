/** One line of the results table: which part of the bench, what, and the figure. */
export interface Row {
  section: string;
  measure: string;
  value: string;
  note?: string;
}

export function markdownTable(rows: readonly Row[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const lines = ['| section | measure | value | note |', '| --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${escape(r.section)} | ${escape(r.measure)} | ${escape(r.value)} | ${escape(r.note ?? '')} |`);
  return lines.join('\n');
}
