import type { ActionRequest } from '../../domain/action-requests';
import type { IncidentState } from '../../domain/incident-state';
import { formatDuration } from '../../../escalation/duration';

/** What a chat surface needs to draw an approval request and its outcome. */
export interface ApprovalView {
  incidentId: string;
  incidentNumber: number;
  request: ActionRequest;
}

export interface ApprovalButton {
  actionId: 'action_approve' | 'action_reject';
  label: string;
  /** `<incidentId>|<requestId>` */
  value: string;
  style?: 'primary' | 'danger';
}

export function approvalViewOf(state: IncidentState, requestId: string): ApprovalView {
  const request = state.actions.get(requestId);
  if (!request) throw new Error(`incident ${state.id} has no action request ${requestId}`);
  return { incidentId: state.id, incidentNumber: state.number, request };
}

export function approvalButtons(view: ApprovalView): ApprovalButton[] {
  if (view.request.status !== 'pending') return [];
  const value = `${view.incidentId}|${view.request.requestId}`;
  return [
    { actionId: 'action_approve', label: `Approve ${view.request.action}`, value, style: 'primary' },
    { actionId: 'action_reject', label: 'Reject', value, style: 'danger' },
  ];
}

export function parseApprovalValue(value: string): { incidentId: string; requestId: string } | undefined {
  const [incidentId, requestId] = value.split('|');
  return incidentId && requestId ? { incidentId, requestId } : undefined;
}

/** The approval request as text: Slack's fallback, the console's rendering, the closing note's sample. */
export function approvalText(view: ApprovalView): string[] {
  const r = view.request;
  const args = Object.entries(r.args).map(([k, v]) => `${k}=${v}`).join(' ');
  const lines = [
    `Recovery action for incident #${view.incidentNumber}: ${r.action}${args ? ` ${args}` : ''}`,
    `Requested by ${r.requestedBy ? `<@${r.requestedBy}>` : 'irbot'} · mode: ${r.mode === 'live' ? 'LIVE (changes AWS)' : 'dry run (changes nothing)'}`,
  ];
  if (r.risk) lines.push(`⚠ ${r.risk}`);
  lines.push(`Calls (${r.calls.length}):`);
  r.calls.forEach((c, i) => lines.push(`  ${i + 1}. ${c.service}:${c.command} (${c.region})${c.mutates ? '' : ' read-only'}`, `     ${c.cli}`));
  lines.push(statusLine(view));
  if (r.progress.length > 0) lines.push(...r.progress.slice(-5).map((p) => `  · ${p}`));
  if (r.outcome) lines.push(...r.outcome.steps.map((s) => `  ${s.ok ? '✓' : '✗'} ${s.name}: ${s.detail}`));
  return lines;
}

function statusLine(view: ApprovalView): string {
  const r = view.request;
  const approvals = r.approvals.map((a) => `<@${a}>`).join(', ');
  switch (r.status) {
    case 'pending': {
      const left = Date.parse(r.expiresAt) - Date.now();
      const approvers = r.approvers.map((a) => (a.startsWith('S') ? `<!subteam^${a}>` : `<@${a}>`)).join(', ');
      return `Waiting for ${r.required - r.approvals.length} of ${r.required} approval(s) from ${approvers}${approvals ? ` (approved so far: ${approvals})` : ''}; expires in ${formatDuration(Math.max(left, 1000))}.`;
    }
    case 'approved':
      return r.needsApproval ? `Approved by ${approvals}; queued to run.` : 'Read-only: queued to run.';
    case 'running':
      return `Running (approved by ${approvals || 'no one needed'}).`;
    case 'rejected':
      return `Rejected by ${r.rejectedBy ? `<@${r.rejectedBy}>` : 'someone'}; nothing was run.`;
    case 'expired':
      return 'Expired without enough approvals; nothing was run.';
    case 'succeeded':
    case 'failed':
      return `${r.status === 'succeeded' ? 'Succeeded' : 'FAILED'}: ${r.outcome?.summary ?? ''}`;
  }
}
