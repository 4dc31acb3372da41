import type { ActionDefinition } from '../action-types';
import { describeServices, type ServiceRef } from '../calls/ecs-calls';
import { countsLine, deploymentLine, readService } from '../ecs/service-state';
import { primaryService, serviceInRegion } from '../ecs/service-refs';
import { ParamReader } from '../params';
import { StepLog } from '../step-log';

const LAST_EVENTS = 5;

/** Level 1, step 1 of the plan: what the ECS service is doing now. Read-only. */
export const ecsStatus: ActionDefinition<ServiceRef> = {
  name: 'ecs-status',
  summary: 'Describe the ECS service: desired/running/pending tasks, deployments and its last events.',
  needsApproval: false,
  usage: 'ecs-status [region=<primary or DR region>]',

  parseParams(args, targets) {
    const reader = new ParamReader(args, ['region']);
    const ref = serviceInRegion(reader, targets, reader.optional('region'), primaryService(targets));
    return reader.result(() => ref);
  },

  plan(ref) {
    return [describeServices(ref).planned];
  },

  async run(ref, ctx) {
    const log = new StepLog('ecs-status');
    const read = await readService(ctx, ref);
    if (!read.ok) return log.fail('DescribeServices', read.error);
    const service = read.value;
    log.ok('counts', `${ref.service} (${ref.region}): ${countsLine(service)}`);
    const deployments = service.deployments ?? [];
    log.ok('deployments', deployments.length === 0 ? 'none' : deployments.map(deploymentLine).join('\n'));
    const events = (service.events ?? []).slice(0, LAST_EVENTS);
    log.ok('last events', events.length === 0 ? 'none' : events.map((e) => `${e.createdAt?.toISOString() ?? '?'} ${e.message ?? ''}`).join('\n'));
    return log.done(`${ref.service} (${ref.region}): ${countsLine(service)}; ${deployments.length} deployment(s)`);
  },
};
