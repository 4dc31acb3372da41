import { UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { ActionDefinition } from '../action-types';
import { callAws } from '../aws-call';
import { describeServices, setDesiredCount, type ServiceRef } from '../calls/ecs-calls';
import { STABLE_NOTE } from '../ecs/service-state';
import { drService, serviceInRegion } from '../ecs/service-refs';
import { waitForStable } from '../ecs/wait-stable';
import { ParamReader } from '../params';
import { StepLog } from '../step-log';

export const MAX_DESIRED = 100;
const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;

export interface EcsScaleParams extends ServiceRef {
  desired: number;
}

/**
 * Level 3, "bring up the DR region": set the DR service's desired count (or
 * any service's, with region=/cluster=/service=), then wait until it runs
 * that many tasks. Setting a count is idempotent, so a retry just sets it again.
 */
export const ecsScale: ActionDefinition<EcsScaleParams> = {
  name: 'ecs-scale',
  summary: "Set an ECS service's desired task count (default: the DR region's service) and wait until it is running them.",
  needsApproval: true,
  usage: `ecs-scale desired=<0-${MAX_DESIRED}> [region=<primary or DR region>] [cluster=<name>] [service=<name>]`,

  parseParams(args, targets) {
    const reader = new ParamReader(args, ['desired', 'region', 'cluster', 'service']);
    const desired = reader.wholeNumber('desired', reader.required('desired', `the number of tasks, 0 to ${MAX_DESIRED}`), 0, MAX_DESIRED);
    const ref = serviceInRegion(reader, targets, reader.optional('region'), drService(targets));
    const cluster = reader.optional('cluster');
    const service = reader.optional('service');
    for (const [key, value] of [['cluster', cluster], ['service', service]] as const) {
      if (value !== undefined && !ECS_NAME.test(value)) reader.errors.push(`${key}: expected an ECS name (letters, digits, - or _) (got "${value}")`);
    }
    return reader.result(() => ({ region: ref.region, cluster: cluster ?? ref.cluster, service: service ?? ref.service, desired: desired ?? 0 }));
  },

  plan(p) {
    return [setDesiredCount(p, p.desired).planned, describeServices(p, STABLE_NOTE).planned];
  },

  async run(p, ctx) {
    const log = new StepLog('ecs-scale');
    const updated = await callAws('UpdateService', () => ctx.aws.ecs(p.region).send(new UpdateServiceCommand(setDesiredCount(p, p.desired).input)));
    if (!updated.ok) return log.fail('UpdateService', updated.error);
    log.ok('UpdateService', `${p.service} in ${p.cluster} (${p.region}): desired count ${p.desired}`);
    await ctx.progress(`ecs-scale: ${p.service} (${p.region}) set to ${p.desired} task(s); waiting until they run`);
    const unstable = await waitForStable(ctx, p, log);
    if (unstable) return unstable;
    return log.done(`${p.service} (${p.region}) is running ${p.desired} task(s)`);
  },
};
