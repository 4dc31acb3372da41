import { findAction } from '../actions/catalogue';
import { approvalRuleFor } from '../app/actions/approval-rule';
import type { IncidentEvent } from '../domain/events';
import { readAlarmFile } from '../local/alarm-file';
import { DemoStepFailed, type DemoDriver } from './demo-driver';

export interface DemoStep {
  title: string;
  run(d: DemoDriver): Promise<void>;
}

const FIRING = 'demo/alarm-firing.json';
const OK = 'demo/alarm-ok.json';

function level(d: DemoDriver, index: number) {
  const l = d.policy.levels[index];
  if (!l) throw new DemoStepFailed(`the demo policy needs at least ${index + 1} levels`);
  return l;
}

const alarmFires: DemoStep = {
  title: 'A CloudWatch alarm fires: the API service has no healthy tasks',
  async run(d) {
    await d.type(`alarm ${FIRING}`);
    const [signal] = (await readAlarmFile(FIRING, d.session.cwd)).signals;
    if (!signal) throw new DemoStepFailed(`${FIRING} holds no alarm`);
    d.incidentId = await d.until('an incident opens for the alarm', () => d.session.ctx.store.dedupHolder(signal.dedupKey));
    const opened = await d.event('incident opened from the alarm', 'Opened');
    await d.event(`channel opened for incident #${opened.number}`, 'ChannelOpened');
    await d.event('incident message posted with its buttons', 'MessagePosted');
  },
};

const pageL1: DemoStep = {
  title: 'The bot pages L1',
  async run(d) {
    const l1 = level(d, 0);
    await d.event(`paged ${l1.name} (${l1.id}): ${l1.responders.join(', ')}`, 'Paged', (e) => e.levelId === l1.id);
  },
};

const escalateToL2: DemoStep = {
  title: 'Nobody at L1 acknowledges in time: the bot escalates to L2',
  async run(d) {
    const l1 = level(d, 0);
    const l2 = level(d, 1);
    d.note(`waiting for L1's ackTimeout (${l1.ackTimeoutMs / 1000} s) to run out…`);
    await d.event(`escalated to ${l2.name} (${l2.id}) after the timeout`, 'Escalated', (e) => e.reason === 'timeout' && e.toLevelIndex === 1);
    await d.event(`paged ${l2.name} (${l2.id}): ${l2.responders.join(', ')}`, 'Paged', (e) => e.levelId === l2.id);
  },
};

const l2Acknowledges: DemoStep = {
  title: 'The L2 engineer acknowledges in the incident channel',
  async run(d) {
    const engineer = level(d, 1).responders.find((id) => !id.startsWith('S')) ?? 'U0DEMOL2';
    await d.type(`as ${engineer}`);
    await d.type('/incident ack');
    await d.event(`acknowledged by ${engineer}; escalation stopped`, 'Acknowledged', (e) => e.actor.kind === 'user' && e.actor.id === engineer);
  },
};

const ACTION = 'runbook-l1';

/** The newest live button with this action and value, as numbered on the console (1, 2, 3… in print order). */
function liveButton(d: DemoDriver, actionId: string, value: string): number | undefined {
  let found: number | undefined;
  for (let n = 1, b = d.session.buttons.find(n); b !== undefined; b = d.session.buttons.find(++n)) {
    if (!b.replaced && b.actionId === actionId && b.value === value) found = n;
  }
  return found;
}

/**
 * The plan's Level 1 (service down) as one approved runbook: the L2 engineer
 * proposes it, an approver from the policy switches in (`as …`) and presses
 * Approve, and the demo's ACTIONS_MODE=dry-run reports the exact calls a live
 * run would send, changing nothing.
 */
const recoveryAction: DemoStep = {
  title: `The L2 engineer proposes ${ACTION}; an approver approves it (dry run)`,
  async run(d) {
    const action = findAction(ACTION);
    if (!action) throw new DemoStepFailed(`the catalogue has no ${ACTION}`);
    if (!d.policy.targets) throw new DemoStepFailed('the demo policy has no targets: section, so recovery actions have nothing to act on');
    const approver = approvalRuleFor(action, d.policy)?.approvers.find((id) => !id.startsWith('S'));
    if (!approver) throw new DemoStepFailed(`the demo policy names no person (U…) who may approve ${ACTION}`);
    const engineer = level(d, 1).responders.find((id) => !id.startsWith('S')) ?? 'U0DEMOL2';
    if (d.session.userId !== engineer) await d.type(`as ${engineer}`);

    await d.type(`/incident run ${ACTION}`);
    const proposed = await d.event(`${engineer} proposed ${ACTION} (dry run); it waits for approval`, 'ActionProposed', (e) => e.action === ACTION);
    const { requestId } = proposed;
    await d.event('approval request posted with the exact calls and Approve / Reject buttons', 'ApprovalMessagePosted', (e) => e.requestId === requestId);
    const approve = await d.until('the Approve button', async () => liveButton(d, 'action_approve', `${d.incidentId}|${requestId}`));

    await d.type(`as ${approver}`);
    await d.type(`press ${approve}`);
    await d.event(`approved by ${approver}`, 'ActionApproved', (e) => e.requestId === requestId && e.actor.kind === 'user' && e.actor.id === approver);
    const report = await d.until(`${ACTION} to finish`, async () =>
      (await d.session.ctx.store.load(d.incidentId ?? '')).find((e): e is Extract<IncidentEvent, { type: 'ActionFinished' }> => e.type === 'ActionFinished' && e.requestId === requestId),
    );
    if (!report.ok || !report.summary.startsWith('Dry run: would send')) throw new DemoStepFailed(`expected a dry-run report, got: ${report.summary}`);
    d.ok('dry-run report: every call it would send, nothing changed');
  },
};

const alarmRecovers: DemoStep = {
  title: 'The alarm returns to OK: the incident recovers and resolves itself',
  async run(d) {
    await d.type(`alarm ${OK}`);
    await d.event('alarm recovered (back to OK)', 'Recovered');
    await d.event('incident resolved automatically (autoResolve)', 'Resolved', (e) => e.reason === 'auto');
  },
};

const timeline: DemoStep = {
  title: "The incident's timeline",
  async run(d) {
    const printed = await d.type('/incident timeline');
    if (!printed.some((line) => line.includes('Timeline of incident'))) throw new DemoStepFailed('/incident timeline printed no timeline');
    d.ok(`timeline printed (${printed.length - 1} entries)`);
  },
};

/** The scripted incident of `npm run demo`, in order. */
export const demoSteps: DemoStep[] = [alarmFires, pageL1, escalateToL2, l2Acknowledges, recoveryAction, alarmRecovers, timeline];
