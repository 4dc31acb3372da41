import type { AlarmSource, AlarmState } from './alarm';
import type { PolicySnapshot } from '../../escalation/policy-types';

/** Who did something: a chat user ID, or the bot itself. */
export type Actor = { kind: 'user'; id: string } | { kind: 'system' };

export type IncidentEventBody =
  | {
      type: 'Opened';
      number: number;
      title: string;
      dedupKey?: string;
      origin: 'alarm' | 'manual';
      startLevelIndex: number;
      policy: PolicySnapshot;
      details: Record<string, string>;
    }
  | {
      type: 'AlarmReceived';
      deliveryId?: string;
      source: AlarmSource;
      state: AlarmState;
      title: string;
      details: Record<string, string>;
    }
  | { type: 'Paged'; levelIndex: number; levelId: string; responders: string[]; generation: number }
  | { type: 'Acknowledged' }
  | { type: 'Escalated'; fromLevelIndex: number; toLevelIndex: number; reason: 'timeout' | 'manual'; generation: number }
  | { type: 'Recovered' }
  | { type: 'Resolved'; note?: string; reason: 'manual' | 'auto' }
  | { type: 'ChannelOpened'; channelId: string; name: string }
  | { type: 'MessagePosted'; channelId: string; ts: string }
  | { type: 'EffectFailed'; effect: string; error: string };

export type IncidentEventType = IncidentEventBody['type'];

/** One entry of an incident's append-only log. `seq` starts at 0 and has no gaps. */
export type IncidentEvent = IncidentEventBody & {
  incidentId: string;
  seq: number;
  /** ISO 8601 time the event was stored. */
  at: string;
  actor: Actor;
};
