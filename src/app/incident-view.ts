import { currentLevel, type IncidentState } from '../domain/incident-state';
import type { IncidentSummary, IncidentView } from './ports';

export function viewOf(state: IncidentState): IncidentView {
  const level = currentLevel(state);
  return {
    incidentId: state.id,
    number: state.number,
    title: state.title,
    status: state.status,
    recovered: state.recovered,
    levelId: level.id,
    levelName: level.name,
    responders: level.responders,
    acknowledgedBy: state.acknowledgedBy,
    openedAt: state.openedAt,
    rtoDeadline: new Date(Date.parse(state.openedAt) + state.policy.rtoMs).toISOString(),
    details: state.details,
    alarmCount: state.alarmCount,
    channelId: state.channel?.id,
  };
}

export function summaryOf(state: IncidentState): IncidentSummary {
  return {
    incidentId: state.id,
    number: state.number,
    title: state.title,
    status: state.status,
    levelId: currentLevel(state).id,
    openedAt: state.openedAt,
    channelId: state.channel?.id,
    dedupKey: state.dedupKey,
  };
}
