/** Durations are milliseconds once parsed. */
export interface EscalationLevel {
  id: string;
  name: string;
  /** Slack user IDs (U…/W…) or user-group IDs (S…). */
  responders: string[];
  ackTimeoutMs: number;
}

export interface ApprovalRule {
  approvers: string[];
  required: number;
  expiresAfterMs: number;
}

export interface Policy {
  rtoMs: number;
  rpoMs: number;
  autoResolve: boolean;
  channelPrefix: string;
  levels: EscalationLevel[];
  /** `default` is always present. */
  approvals: Record<string, ApprovalRule>;
}

/**
 * The part of the policy copied onto an incident when it opens, so that editing
 * the policy file never changes a running incident. Plain JSON.
 */
export interface PolicySnapshot {
  rtoMs: number;
  autoResolve: boolean;
  levels: EscalationLevel[];
}
