import type { PolicySnapshot } from '../../escalation/policy-types';
import type { IncidentEvent } from './events';
import type { AlarmState } from './alarm';
import { applyActionEvent, isActionEvent, type ActionRequest } from './action-requests';

export type IncidentStatus = 'open' | 'acknowledged' | 'resolved';

export interface IncidentState {
  id: string;
  number: number;
  title: string;
  dedupKey?: string;
  origin: 'alarm' | 'manual';
  status: IncidentStatus;
  recovered: boolean;
  levelIndex: number;
  /** Bumped on every escalation; a timer made for an older generation is stale. */
  generation: number;
  /** When the current level started holding the incident (ISO). */
  levelSince: string;
  openedAt: string;
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
  policy: PolicySnapshot;
  details: Record<string, string>;
  channel?: { id: string; name: string };
  message?: { channelId: string; ts: string };
  alarmCount: number;
  /** The state the alarm last reported, and whether that report only repeated the one before it. */
  lastAlarmState?: AlarmState;
  lastAlarmRepeated: boolean;
  deliveryIds: Set<string>;
  /** Generations whose page has been recorded. */
  pagedGenerations: Set<number>;
  /** RTO warnings already given (50, 75, 100 % of the policy's RTO). */
  rtoWarnings: Set<number>;
  /** Management has been paged because the RTO was reached. */
  rtoPaged: boolean;
  /** Recovery actions proposed on this incident, by request id. */
  actions: Map<string, ActionRequest>;
  /** Sequence number of the last event; the next append expects lastSeq + 1. */
  lastSeq: number;
}

/** Folds an incident's ordered events into its current state. */
export function foldIncident(events: readonly IncidentEvent[]): IncidentState {
  const [first, ...rest] = events;
  if (!first || first.type !== 'Opened') {
    throw new Error(`incident log must start with Opened (got ${first ? first.type : 'nothing'})`);
  }
  const state: IncidentState = {
    id: first.incidentId,
    number: first.number,
    title: first.title,
    dedupKey: first.dedupKey,
    origin: first.origin,
    status: 'open',
    recovered: false,
    levelIndex: first.startLevelIndex,
    generation: 1,
    levelSince: first.at,
    openedAt: first.at,
    policy: first.policy,
    details: { ...first.details },
    alarmCount: 0,
    lastAlarmRepeated: false,
    deliveryIds: new Set(),
    pagedGenerations: new Set(),
    actions: new Map(),
    rtoWarnings: new Set(),
    rtoPaged: false,
    lastSeq: first.seq,
  };
  for (const event of rest) applyEvent(state, event);
  return state;
}

function applyEvent(state: IncidentState, event: IncidentEvent): void {
  state.lastSeq = event.seq;
  if (isActionEvent(event)) {
    applyActionEvent(state.actions, event);
    return;
  }
  switch (event.type) {
    case 'Opened':
      throw new Error(`incident ${state.id} has a second Opened at seq ${event.seq}`);
    case 'AlarmReceived':
      state.alarmCount += 1;
      state.lastAlarmRepeated = state.lastAlarmState === event.state;
      state.lastAlarmState = event.state;
      if (event.deliveryId) state.deliveryIds.add(event.deliveryId);
      // The alarm firing again after it had recovered: the incident is not recovered any more.
      if (event.state === 'alarm') state.recovered = false;
      return;
    case 'Paged':
      // An RTO page reaches management without handing the incident over; it is not the level's own page.
      if (event.reason === 'rto') state.rtoPaged = true;
      else state.pagedGenerations.add(event.generation);
      return;
    case 'RtoWarning':
      state.rtoWarnings.add(event.percent);
      return;
    case 'Acknowledged':
      if (state.status === 'open') {
        state.status = 'acknowledged';
        state.acknowledgedBy = event.actor.kind === 'user' ? event.actor.id : undefined;
        state.acknowledgedAt = event.at;
      }
      return;
    case 'Escalated':
      state.levelIndex = event.toLevelIndex;
      state.generation = event.generation;
      state.levelSince = event.at;
      // A manual escalation hands the incident to the next level, which has to acknowledge it anew.
      if (state.status === 'acknowledged') state.status = 'open';
      return;
    case 'Recovered':
      state.recovered = true;
      return;
    case 'Resolved':
      state.status = 'resolved';
      state.resolvedAt = event.at;
      return;
    case 'ChannelOpened':
      state.channel = { id: event.channelId, name: event.name };
      return;
    case 'MessagePosted':
      state.message = { channelId: event.channelId, ts: event.ts };
      return;
    case 'EffectFailed':
      return;
  }
}

export function currentLevel(state: IncidentState) {
  const level = state.policy.levels[state.levelIndex];
  if (!level) throw new Error(`incident ${state.id} is at level index ${state.levelIndex}, outside its policy`);
  return level;
}
