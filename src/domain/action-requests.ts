import type { ActionProposal, ApprovalRefusal, IncidentEvent } from './events';

export type ActionRequestStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'running' | 'succeeded' | 'failed';

/** A proposed recovery action on an incident, as folded from its events. */
export interface ActionRequest extends ActionProposal {
  requestedBy?: string;
  proposedAt: string;
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
    const { requestId, action, args, params, calls, risk, mode, needsApproval, required, approvers, expiresAt } = event;
    requests.set(requestId, {
      ...{ requestId, action, args, params, calls, risk, mode, needsApproval, required, approvers, expiresAt },
      requestedBy: event.actor.kind === 'user' ? event.actor.id : undefined,
      proposedAt: event.at,
      approvals: [],
      refusals: [],
      status: needsApproval ? 'pending' : 'approved',
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
