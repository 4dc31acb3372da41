import type { IncidentEvent } from '../domain/events';
import { currentLevel, type IncidentState } from '../domain/incident-state';
import type { AppContext } from './context';

/** Time to acknowledge and to resolve, observed by the replica that stored the event. */
export function observeResponseTimes(ctx: AppContext, event: IncidentEvent, state: IncidentState): void {
  const seconds = (Date.parse(event.at) - Date.parse(state.openedAt)) / 1000;
  const level = currentLevel(state).id;
  if (event.type === 'Acknowledged') ctx.metrics.timeToAcknowledge.observe({ level }, seconds);
  if (event.type === 'Resolved') ctx.metrics.timeToResolve.observe({ level }, seconds);
}
