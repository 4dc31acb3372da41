import type { IncidentSummary } from '../../../src/app/ports';
import type { IncidentEventBody } from '../../../src/domain/events';

export const opened: IncidentEventBody = {
  type: 'Opened',
  number: 7,
  title: 'API 5xx > 5% — ap-northeast-1',
  dedupKey: 'arn:aws:cloudwatch:ap-northeast-1:123456789012:alarm:api-5xx',
  origin: 'alarm',
  startLevelIndex: 0,
  policy: {
    rtoMs: 4 * 3600_000,
    autoResolve: true,
    levels: [
      { id: 'L1', name: 'L1 support', responders: ['U012AB3CD'], ackTimeoutMs: 900_000 },
      { id: 'L2', name: 'L2 engineer', responders: ['S0L2GROUP', 'U0SECOND'], ackTimeoutMs: 1_800_000 },
    ],
  },
  details: { region: 'ap-northeast-1', reason: 'Threshold Crossed: 1 datapoint [7.5]', empty: '', 'ключ': '値' },
};

export const alarmReceived: IncidentEventBody = {
  type: 'AlarmReceived',
  source: 'cloudwatch-sns',
  state: 'alarm',
  title: 'API 5xx',
  details: {},
};

export const escalated: IncidentEventBody = {
  type: 'Escalated',
  fromLevelIndex: 0,
  toLevelIndex: 1,
  reason: 'timeout',
  generation: 2,
};

export const resolvedWithoutNote: IncidentEventBody = { type: 'Resolved', reason: 'auto', note: undefined };

export function summary(overrides: Partial<IncidentSummary> & Pick<IncidentSummary, 'incidentId' | 'number'>): IncidentSummary {
  return {
    title: `incident ${overrides.number}`,
    status: 'open',
    levelId: 'L1',
    openedAt: '2024-05-01T02:00:00.000Z',
    ...overrides,
  };
}
