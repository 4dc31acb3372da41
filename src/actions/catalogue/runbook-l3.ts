import { ParamReader } from '../params';
import { ecsScale, MAX_DESIRED } from './ecs-scale';
import { healthCheck } from './health-check';
import { route53Failover } from './route53-failover';
import { makeRunbook, parseStep, step, stepsResult } from './runbook';

/**
 * Level 3 of the plan (region failure), the part the targets allow: bring the
 * DR service up, move DNS to it, check health. Deploying the DR stack,
 * restoring data in the DR region and DR monitoring stay with people: the plan
 * does them with CDK and its own scripts.
 */
export const runbookL3 = makeRunbook({
  name: 'runbook-l3',
  summary: 'Level 3 (region): ecs-scale (DR up) → route53-failover → health-check.',
  usage: `runbook-l3 desired=<1-${MAX_DESIRED}>`,
  actions: [ecsScale, route53Failover, healthCheck],
  afterwards: 'The plan also asks to restore data in the DR region (scripts/restore-dynamodb-dr.sh) and turn DR monitoring on (scripts/enable-dr-monitoring.sh).',
  parseSteps(args, targets) {
    const reader = new ParamReader(args, ['desired']);
    const desired = reader.required('desired', `the number of DR tasks to run, 1 to ${MAX_DESIRED}`);
    // Failing over to a DR service of zero tasks would take the site down, so 0 is refused here.
    if (desired === '0') reader.errors.push('desired: expected at least 1 task before moving DNS to DR (got "0")');
    const errors = [...reader.errors];
    if (desired === undefined) return { ok: false, errors };
    const scale = parseStep(ecsScale, { desired }, targets, errors);
    const failover = parseStep(route53Failover, { to: 'dr' }, targets, errors);
    const health = parseStep(healthCheck, {}, targets, errors);
    return stepsResult(errors, [step(ecsScale, scale), step(route53Failover, failover), step(healthCheck, health)]);
  },
});
