import { foldIncident } from '../../../src/domain/incident-state';
import type { IncidentEvent, IncidentEventBody } from '../../../src/domain/events';
import type { PolicySnapshot } from '../../../escalation/policy-types';

const policy: PolicySnapshot = {
  rtoMs: 4 * 3600_000,
  autoResolve: true,
  levels: [
    { id: 'L1', name: 'L1 support', responders: ['U1'], ackTimeoutMs: 900_000 },
    { id: 'L2', name: 'L2 engineer', responders: ['S2'], ackTimeoutMs: 1_800_000 },
  ],
};

function log(...bodies: IncidentEventBody[]): IncidentEvent[] {
  return bodies.map((body, seq) => ({ ...body, incidentId: 'inc-1', seq, at: new Date(Date.UTC(2026, 10, 28, 3, seq)).toISOString(), actor: seq === 2 ? { kind: 'user', id: 'U1' } : { kind: 'system' } }));
}

const opened: IncidentEventBody = { type: 'Opened', number: 7, title: 'DB down', dedupKey: 'generic:db', origin: 'alarm', startLevelIndex: 0, policy, details: {} };

describe('foldIncident', () => {
  it('starts open at the start level, generation 1', () => {
    const s = foldIncident(log(opened));
    expect(s).toMatchObject({ number: 7, status: 'open', levelIndex: 0, generation: 1, recovered: false, lastSeq: 0 });
  });

  it('records who acknowledged, and a later escalation hands the incident on unacknowledged', () => {
    const acked = foldIncident(log(opened, { type: 'Paged', levelIndex: 0, levelId: 'L1', responders: ['U1'], generation: 1 }, { type: 'Acknowledged' }));
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'U1' });
    expect(acked.pagedGenerations.has(1)).toBe(true);
    const handedOn = foldIncident(log(opened, { type: 'Paged', levelIndex: 0, levelId: 'L1', responders: ['U1'], generation: 1 }, { type: 'Acknowledged' }, { type: 'Escalated', fromLevelIndex: 0, toLevelIndex: 1, reason: 'manual', generation: 2 }));
    expect(handedOn).toMatchObject({ status: 'open', levelIndex: 1, generation: 2, levelSince: '2026-11-28T03:03:00.000Z' });
  });

  it('counts alarms, remembers deliveries, and un-recovers when the alarm fires again', () => {
    const alarm = (deliveryId: string, state: 'alarm' | 'ok'): IncidentEventBody => ({ type: 'AlarmReceived', deliveryId, source: 'generic', state, title: 't', details: {} });
    const s = foldIncident(log(opened, alarm('d1', 'alarm'), alarm('d2', 'ok'), { type: 'Recovered' }, alarm('d3', 'alarm')));
    expect(s.alarmCount).toBe(3);
    expect([...s.deliveryIds]).toEqual(['d1', 'd2', 'd3']);
    expect(s.recovered).toBe(false);
    expect(s).toMatchObject({ lastAlarmState: 'alarm', lastAlarmRepeated: false });
    const repeated = foldIncident(log(opened, alarm('d1', 'alarm'), alarm('d2', 'alarm')));
    expect(repeated).toMatchObject({ lastAlarmState: 'alarm', lastAlarmRepeated: true });
  });

  it('remembers where the channel and message are, and when it was resolved', () => {
    const s = foldIncident(log(opened, { type: 'ChannelOpened', channelId: 'C1', name: 'inc-20261128-7-db-down' }, { type: 'MessagePosted', channelId: 'C1', ts: '1.2' }, { type: 'Resolved', reason: 'manual' }));
    expect(s.channel).toEqual({ id: 'C1', name: 'inc-20261128-7-db-down' });
    expect(s.message).toEqual({ channelId: 'C1', ts: '1.2' });
    expect(s.status).toBe('resolved');
    expect(s.resolvedAt).toBe('2026-11-28T03:03:00.000Z');
  });

  it('refuses a log that does not start with Opened', () => {
    expect(() => foldIncident(log({ type: 'Acknowledged' }))).toThrow(/must start with Opened/);
    expect(() => foldIncident([])).toThrow(/must start with Opened/);
  });
});
