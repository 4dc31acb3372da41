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

// Recovery actions do not exist yet. When they do, this step proposes the
// action, switches to an approver (`as …`), presses Approve and waits for the
// dry-run report; until then it shows the bot's honest answer.
const recoveryAction: DemoStep = {
  title: 'A recovery action is proposed and approved (dry run)',
  async run(d) {
    const answer = await d.type('/incident run ecs-status cluster=lightningtalk-circle-prod service=lightningtalk-circle-prod-api');
    if (answer.length === 0) throw new DemoStepFailed('/incident run: the bot did not answer');
    d.ok('the bot answered /incident run');
    d.note('recovery actions are not built in this version: no approval or dry-run report to show yet');
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
