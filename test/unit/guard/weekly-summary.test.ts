import type { IncidentSummary } from '../../../src/app/ports';
import type { IncidentEvent } from '../../../src/domain/events';
import { weeklyFigures, type IncidentHistory } from '../../../src/guard/summary/weekly-figures';
import { formatWeeklySummary } from '../../../src/guard/summary/weekly-summary';

const OPENED = '2025-07-08T00:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(OPENED) + minutes * 60_000).toISOString();
const SYSTEM = { kind: 'system' } as const;

function incident(n: number, levelId: string, events: Array<{ type: 'Acknowledged' | 'Resolved'; minutes: number }>, dedupKey?: string): IncidentHistory {
  const summary: IncidentSummary = { incidentId: `inc-${n}`, number: n, title: `t${n}`, status: events.some((e) => e.type === 'Resolved') ? 'resolved' : 'open', levelId, openedAt: OPENED, dedupKey };
  const log = events.map((e, seq) => ({ incidentId: summary.incidentId, seq: seq + 1, at: at(e.minutes), actor: SYSTEM, type: e.type }) as unknown as IncidentEvent);
  return { summary, events: log };
}

const LEVELS = [
  { id: 'L1', name: 'L1 support', responders: ['U1'], ackTimeoutMs: 1 },
  { id: 'L2', name: 'L2 engineer', responders: ['U2'], ackTimeoutMs: 1 },
];

describe('weekly summary', () => {
  const incidents = [
    // Acknowledged twice (after a manual escalation): the first one is the response time.
    incident(1, 'L1', [{ type: 'Acknowledged', minutes: 4 }, { type: 'Acknowledged', minutes: 30 }, { type: 'Resolved', minutes: 60 }]),
    incident(2, 'L2', [{ type: 'Acknowledged', minutes: 10 }, { type: 'Resolved', minutes: 180 }]),
    incident(3, 'L2', [], 'check:pitr:lightningtalk-circle-prod-users'),
    incident(4, 'L1', [{ type: 'Resolved', minutes: 30 }], 'check:backup:lightningtalk-circle-prod-talks'),
  ];
  const failing = [{ check: 'pitr', table: 'lightningtalk-circle-prod-users', ok: false, at: OPENED, detail: 'PITR is DISABLED' }];

  it('computes MTTA over acknowledged incidents and MTTR over resolved ones', () => {
    const f = weeklyFigures(incidents, [...failing, { check: 'backup', table: 'x', ok: true, at: OPENED, detail: 'fine' }]);
    expect(f).toMatchObject({ opened: 4, resolved: 3, acknowledged: 2, mttaMs: 7 * 60_000, mttrMs: 90 * 60_000 });
    expect([...f.byLevel]).toEqual([['L1', 2], ['L2', 2]]);
    expect([...f.checkIncidents]).toEqual([['pitr', ['lightningtalk-circle-prod-users']], ['backup', ['lightningtalk-circle-prod-talks']]]);
    expect(f.failingNow).toEqual(failing);
  });

  it('reads as a message for the alerts channel', () => {
    const text = formatWeeklySummary(weeklyFigures(incidents, failing), new Date('2025-07-07T00:00:00Z'), new Date('2025-07-14T00:00:00Z'), LEVELS);
    expect(text.split('\n')).toEqual([
      '*Weekly incident summary* 2025-07-07 00:00 UTC – 2025-07-14 00:00 UTC',
      'Incidents opened: 4 (3 resolved, 1 still open)',
      'MTTA: 7m (over 2 acknowledged)',
      'MTTR: 1h 30m (over 3 resolved)',
      'By level: L1 support (L1): 2 · L2 engineer (L2): 2',
      'Checks failed (incidents opened by a check): PITR check: 1 (lightningtalk-circle-prod-users) · Backup check: 1 (lightningtalk-circle-prod-talks)',
      'Failing now:',
      '• PITR check — lightningtalk-circle-prod-users: PITR is DISABLED',
    ]);
  });

  it('says so when nothing happened', () => {
    const text = formatWeeklySummary(weeklyFigures([], []), new Date('2025-07-07T00:00:00Z'), new Date('2025-07-14T00:00:00Z'), LEVELS);
    expect(text).toContain('MTTA: — (none acknowledged)');
    expect(text).toContain('By level: none');
    expect(text).toContain('No check is failing on its last run.');
  });
});
