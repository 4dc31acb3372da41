import type { ApprovalRefusal, IncidentEvent, PlannedCallRecord } from './events';

export type ActionRequestStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'running' | 'succeeded' | 'failed';

/** A proposed recovery action on an incident, as folded from its events. */
export interface ActionRequest {
  requestId: string;
  action: string;
  args: Record<string, string>;
  params: unknown;
  calls: PlannedCallRecord[];
  risk?: string;
  mode: 'dry-run' | 'live';
  needsApproval: boolean;
  required: number;
  approvers: string[];
  requestedBy?: string;
  proposedAt: string;
  expiresAt: string;
  approvals: string[];
  rejectedBy?: string;
  refusals: Array<{ by?: string; reason: ApprovalRefusal }>;
  status: ActionRequestStatus;
  progress: string[];
  outcome?: { ok: boolean; summary: string; steps: Array<{ name: string; ok: boolean; detail: string }> };
  message?: { channelId: string; ts: string };
}

type ActionEvent = Extract<IncidentEvent, { requestId: string }>;

export function isActionEvent(event: IncidentEvent): event is ActionEvent {
  return 'requestId' in event;
}

/** Applies one action event to the incident's map of requests. */
export function applyActionEvent(requests: Map<string, ActionRequest>, event: ActionEvent): void {
  if (event.type === 'ActionProposed') {
    requests.set(event.requestId, {
      requestId: event.requestId,
      action: event.action,
      args: event.args,
      params: event.params,
      calls: event.calls,
      risk: event.risk,
      mode: event.mode,
      needsApproval: event.needsApproval,
      required: event.required,
      approvers: event.approvers,
      requestedBy: event.actor.kind === 'user' ? event.actor.id : undefined,
      proposedAt: event.at,
      expiresAt: event.expiresAt,
      approvals: [],
      refusals: [],
      status: event.needsApproval ? 'pending' : 'approved',
      progress: [],
    });
    return;
  }
  const r = requests.get(event.requestId);
  if (!r) return;
  const by = event.actor.kind === 'user' ? event.actor.id : undefined;
  switch (event.type) {
    case 'ActionApproved':
      if (by && !r.approvals.includes(by)) r.approvals.push(by);
      if (r.approvals.length >= r.required) r.status = 'approved';
      return;
    case 'ActionRejected':
      r.status = 'rejected';
      r.rejectedBy = by;
      return;
    case 'ActionApprovalRefused':
      r.refusals.push({ by, reason: event.reason });
      return;
    case 'ActionExpired':
      if (r.status === 'pending') r.status = 'expired';
      return;
    case 'ActionStarted':
      r.status = 'running';
      return;
    case 'ActionProgress':
      r.progress.push(event.line);
      return;
    case 'ActionFinished':
      r.status = event.ok ? 'succeeded' : 'failed';
      r.outcome = { ok: event.ok, summary: event.summary, steps: event.steps };
      return;
    case 'ApprovalMessagePosted':
      r.message = { channelId: event.channelId, ts: event.ts };
      return;
  }
}
