import { ParamReader } from '../params';
import { ecsRestart } from './ecs-restart';
import { ecsStatus } from './ecs-status';
import { healthCheck } from './health-check';
import { makeRunbook, parseStep, step, stepsResult } from './runbook';

/** Level 1 of the plan (service down): describe the service, force a new deployment, check /health. */
export const runbookL1 = makeRunbook({
  name: 'runbook-l1',
  summary: 'Level 1 (service down): ecs-status → ecs-restart → health-check.',
  usage: 'runbook-l1',
  actions: [ecsStatus, ecsRestart, healthCheck],
  afterwards: 'The plan also asks to read the logs: aws logs tail /aws/ecs/lightningtalk-circle --follow.',
  parseSteps(args, targets) {
    const reader = new ParamReader(args, []);
    const requestedAt = reader.requestedAt();
    const errors = [...reader.errors];
    const status = parseStep(ecsStatus, {}, targets, errors);
    const restart = parseStep(ecsRestart, { requestedAt }, targets, errors);
    const health = parseStep(healthCheck, {}, targets, errors);
    // The runbook's own health-check step follows, so the restart does not check twice.
    return stepsResult(errors, [step(ecsStatus, status), step(ecsRestart, restart && { ...restart, healthUrl: null }), step(healthCheck, health)]);
  },
});
