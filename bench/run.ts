import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { markdownTable, type Row } from './lib/markdown';
import { ackLatency } from './sections/ack-latency';
import { alarmStorm } from './sections/alarm-storm';
import { escalationTimers } from './sections/escalation-timers';
import { sideBySide } from './sections/side-by-side';

/**
 * `npm run bench`: every section in turn against the built bot, then one
 * Markdown table printed and written to bench/results.md. BENCH_ONLY=storm,ack…
 * runs a subset (for working on one section).
 */
async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',');
  const wanted = (name: string) => !only || only.includes(name);
  const started = performance.now();
  const rows: Row[] = [];
  if (wanted('ack')) rows.push(...(await ackLatency()));
  if (wanted('escalation')) rows.push(...(await escalationTimers()));
  if (wanted('storm')) {
    const storm = await alarmStorm();
    rows.push(...storm.rows);
    if (wanted('alertmanager')) rows.push(...(await sideBySide(storm.figures, (line) => process.stdout.write(`${line}\n`))));
  }
  const table = markdownTable(rows);
  const header = `Measured ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; whole bench ${((performance.now() - started) / 1000).toFixed(0)} s.`;
  process.stdout.write(`\n${header}\n\n${table}\n`);
  writeFileSync(join(__dirname, '..', '..', 'bench', 'results.md'), `# irbot bench results\n\n${header}\n\n${table}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
