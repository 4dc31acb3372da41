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
  | { type: 'Paged'; levelIndex: number; levelId: string; responders: string[]; generation: number; reason?: 'rto' }
  | { type: 'RtoWarning'; percent: number }
  | { type: 'Acknowledged' }
  | { type: 'Escalated'; fromLevelIndex: number; toLevelIndex: number; reason: 'timeout' | 'manual'; generation: number }
  | { type: 'Recovered' }
  | { type: 'Resolved'; note?: string; reason: 'manual' | 'auto' }
  | { type: 'ChannelOpened'; channelId: string; name: string }
  | { type: 'MessagePosted'; channelId: string; ts: string }
  | { type: 'EffectFailed'; effect: string; error: string }
  | ({ type: 'ActionProposed' } & ActionProposal)
  | { type: 'ActionApproved'; requestId: string }
  | { type: 'ActionRejected'; requestId: string; reason?: string }
  | { type: 'ActionApprovalRefused'; requestId: string; reason: ApprovalRefusal }
  | { type: 'ActionExpired'; requestId: string }
  | { type: 'ActionStarted'; requestId: string }
  | { type: 'ActionProgress'; requestId: string; line: string }
  | { type: 'ActionFinished'; requestId: string; ok: boolean; summary: string; steps: Array<{ name: string; ok: boolean; detail: string }> }
  | { type: 'ApprovalMessagePosted'; requestId: string; channelId: string; ts: string };

/** What a proposal of a recovery action records: everything needed to approve and run it later. */
export interface ActionProposal {
  requestId: string;
  action: string;
  /** The `key=value` words as typed, and the parsed params the action runs with. */
  args: Record<string, string>;
  params: unknown;
  calls: PlannedCallRecord[];
  risk?: string;
  mode: 'dry-run' | 'live';
  needsApproval: boolean;
  required: number;
  approvers: string[];
  expiresAt: string;
}

/** A planned AWS call as kept in the audit log (same fields as the catalogue's PlannedCall). */
export interface PlannedCallRecord {
  service: string;
  region: string;
  command: string;
  input: Record<string, unknown>;
  cli: string;
  mutates: boolean;
}

export type ApprovalRefusal = 'own-request' | 'not-approver' | 'already-approved' | 'expired' | 'closed';

export type IncidentEventType = IncidentEventBody['type'];

/** One entry of an incident's append-only log. `seq` starts at 0 and has no gaps. */
export type IncidentEvent = IncidentEventBody & {
  incidentId: string;
  seq: number;
  /** ISO 8601 time the event was stored. */
  at: string;
  actor: Actor;
};
