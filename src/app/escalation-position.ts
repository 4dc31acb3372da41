import type { EscalationPosition } from '../../escalation/engine';
import type { IncidentState } from '../domain/incident-state';

export function positionOf(state: IncidentState): EscalationPosition {
  return {
    status: state.status,
    levelIndex: state.levelIndex,
    generation: state.generation,
    levelSinceMs: Date.parse(state.levelSince),
  };
}
