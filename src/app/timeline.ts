import type { PolicySnapshot } from '../../escalation/policy-types';
import { formatDuration } from '../../escalation/duration';
import type { ActionRequest } from '../domain/action-requests';
import type { IncidentEvent } from '../domain/events';

/** One line of the incident's timeline, in words a responder reads at 3 a.m. */
export function describeEvent(event: IncidentEvent, policy: PolicySnapshot, actions?: ReadonlyMap<string, ActionRequest>): string {
  const req = (requestId: string) => `${actions?.get(requestId)?.action ?? 'request'} (${requestId.slice(-6)})`;
  const who = event.actor.kind === 'user' ? `<@${event.actor.id}>` : 'irbot';
  const level = (i: number) => policy.levels[i]?.name ?? `level ${i + 1}`;
  switch (event.type) {
    case 'Opened':
      return `Incident #${event.number} opened (${event.origin === 'alarm' ? 'by an alarm' : `declared by ${who}`}) at ${level(event.startLevelIndex)}: ${event.title}`;
    case 'AlarmReceived':
      return `Alarm ${event.state === 'alarm' ? 'firing' : event.state === 'ok' ? 'back to OK' : 'has insufficient data'} (${event.source}): ${event.title}`;
    case 'Paged':
      return `Paged ${level(event.levelIndex)}${event.reason === 'rto' ? ' (RTO reached)' : ''}: ${event.responders.map(mention).join(', ')}`;
    case 'RtoWarning':
      return `RTO ${event.percent}% used (${formatDuration((policy.rtoMs * event.percent) / 100)} of ${formatDuration(policy.rtoMs)})`;
    case 'Acknowledged':
      return `Acknowledged by ${who}; escalation stopped`;
    case 'Escalated':
      return event.reason === 'timeout'
        ? `Not acknowledged in time: escalated from ${level(event.fromLevelIndex)} to ${level(event.toLevelIndex)}`
        : `Escalated by ${who} from ${level(event.fromLevelIndex)} to ${level(event.toLevelIndex)}`;
    case 'Recovered':
      return 'Alarm recovered (back to OK)';
    case 'Resolved':
      return `Resolved ${event.reason === 'auto' ? 'automatically' : `by ${who}`}${event.note ? `: ${event.note}` : ''}`;
    case 'ChannelOpened':
      return `Channel #${event.name} opened`;
    case 'MessagePosted':
      return 'Incident message posted';
    case 'EffectFailed':
      return `Could not ${event.effect}: ${event.error}`;
    case 'ActionProposed':
      return event.needsApproval
        ? `${who} proposed ${event.action}${formatArgs(event.args)} (${event.mode}); needs ${event.required} approval(s)`
        : `${who} ran ${event.action}${formatArgs(event.args)} (read-only, ${event.mode})`;
    case 'ActionApproved':
      return `${who} approved ${req(event.requestId)}`;
    case 'ActionRejected':
      return `${who} rejected ${req(event.requestId)}${event.reason ? `: ${event.reason}` : ''}`;
    case 'ActionApprovalRefused':
      return `Refused an approval click by ${who} on ${req(event.requestId)} (${event.reason})`;
    case 'ActionExpired':
      return `Request ${req(event.requestId)} expired without enough approvals`;
    case 'ActionStarted':
      return `Started ${req(event.requestId)}`;
    case 'ActionProgress':
      return `${req(event.requestId)}: ${event.line}`;
    case 'ActionFinished':
      return `${event.ok ? 'Succeeded' : 'FAILED'} ${req(event.requestId)}: ${event.summary}`;
    case 'ApprovalMessagePosted':
      return `Approval request ${req(event.requestId)} posted`;
  }
}

function formatArgs(args: Record<string, string>): string {
  const words = Object.entries(args).map(([k, v]) => `${k}=${v}`);
  return words.length > 0 ? ` ${words.join(' ')}` : '';
}

export function mention(id: string): string {
  return id.startsWith('S') ? `<!subteam^${id}>` : `<@${id}>`;
}

export function formatTimeline(events: readonly IncidentEvent[], policy: PolicySnapshot, actions?: ReadonlyMap<string, ActionRequest>): string[] {
  return events.map((e) => `${e.at.slice(0, 19).replace('T', ' ')}Z  ${describeEvent(e, policy, actions)}`);
}
