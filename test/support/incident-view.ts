import type { IncidentView } from '../../src/app/ports';

/** An open L1 incident as the Chat port sees it, for tests that drive a Chat directly. */
export function incidentView(overrides: Partial<IncidentView> & Pick<IncidentView, 'incidentId'>): IncidentView {
  return {
    number: 1,
    title: 'Test incident',
    status: 'open',
    recovered: false,
    levelId: 'L1',
    levelName: 'L1 support',
    responders: ['U0L1AAAA'],
    openedAt: new Date().toISOString(),
    rtoDeadline: new Date(Date.now() + 4 * 3600_000).toISOString(),
    details: {},
    alarmCount: 1,
    ...overrides,
  };
}
