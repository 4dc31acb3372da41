import { formatDuration } from '../../../escalation/duration';
import type { EscalationLevel } from '../../../escalation/policy-types';
import { utcMinute } from '../../actions/names';
import { CHECKS } from '../checks/check-outcome';
import type { GuardContext } from '../guard-context';
import { weeklyFigures, type IncidentHistory, type WeeklyFigures } from './weekly-figures';

const WEEK_MS = 7 * 24 * 60 * 60_000;

/** The week just ended, from the incident log: posted to the alerts channel, once per run (`runId`: the job key). */
export async function postWeeklySummary(g: GuardContext, now: Date, runId: string): Promise<string> {
  const since = new Date(now.getTime() - WEEK_MS);
  const summaries = await g.app.store.listOpenedSince(since);
  const incidents: IncidentHistory[] = [];
  for (const summary of summaries) incidents.push({ summary, events: await g.app.store.load(summary.incidentId) });
  const figures = weeklyFigures(incidents, await g.state.checks());
  await g.app.chat.postChannelMessage(undefined, formatWeeklySummary(figures, since, now, g.app.policy.levels), `weekly-summary:${runId}`);
  return `posted (${figures.opened} incident(s))`;
}

export function formatWeeklySummary(f: WeeklyFigures, since: Date, now: Date, levels: readonly EscalationLevel[]): string {
  const time = (ms: number | undefined, over: number, what: string) => (ms === undefined ? `— (none ${what})` : `${formatDuration(Math.max(ms, 1000))} (over ${over} ${what})`);
  const levelName = (id: string) => levels.find((l) => l.id === id)?.name ?? id;
  const byLevel = [...f.byLevel.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, n]) => `${levelName(id)} (${id}): ${n}`);
  const checkName = (check: string) => CHECKS[check as keyof typeof CHECKS] ?? check;
  const failed = [...f.checkIncidents.entries()].map(([check, tables]) => `${checkName(check)}: ${tables.length} (${[...new Set(tables)].join(', ')})`);
  const failing = f.failingNow.map((c) => `${checkName(c.check)} — ${c.table}: ${c.detail}`);
  return [
    `*Weekly incident summary* ${utcMinute(since)} – ${utcMinute(now)}`,
    `Incidents opened: ${f.opened} (${f.resolved} resolved, ${f.opened - f.resolved} still open)`,
    `MTTA: ${time(f.mttaMs, f.acknowledged, 'acknowledged')}`,
    `MTTR: ${time(f.mttrMs, f.resolved, 'resolved')}`,
    `By level: ${byLevel.length > 0 ? byLevel.join(' · ') : 'none'}`,
    `Checks failed (incidents opened by a check): ${failed.length > 0 ? failed.join(' · ') : 'none'}`,
    ...(failing.length > 0 ? ['Failing now:', ...failing.map((line) => `• ${line}`)] : ['No check is failing on its last run.']),
  ].join('\n');
}
