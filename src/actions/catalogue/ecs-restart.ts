import { UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { ActionDefinition } from '../action-types';
import { callAws } from '../aws-call';
import { describeServices, forceNewDeployment, type ServiceRef } from '../calls/ecs-calls';
import { healthGet } from '../calls/http-calls';
import { deploymentLine, primaryDeployment, readService, STABLE_NOTE } from '../ecs/service-state';
import { primaryService, serviceInRegion } from '../ecs/service-refs';
import { waitForStable } from '../ecs/wait-stable';
import { checkHealth } from '../health';
import { ParamReader } from '../params';
import { StepLog } from '../step-log';

export interface EcsRestartParams extends ServiceRef {
  requestedAt: string;
  /** null inside runbook-l1, whose own health-check step follows. */
  healthUrl: string | null;
}

/** Level 1, step 2 of the plan: `aws ecs update-service --force-new-deployment`, then wait and check health. */
export const ecsRestart: ActionDefinition<EcsRestartParams> = {
  name: 'ecs-restart',
  summary: 'Force a new deployment of the ECS service, wait until it is stable, then check health.',
  needsApproval: true,
  usage: 'ecs-restart [region=<primary or DR region>]',

  parseParams(args, targets) {
    const reader = new ParamReader(args, ['region']);
    const ref = serviceInRegion(reader, targets, reader.optional('region'), primaryService(targets));
    const requestedAt = reader.requestedAt();
    return reader.result(() => ({ ...ref, requestedAt, healthUrl: targets.healthUrl }));
  },

  plan(params) {
    const ref = refOf(params);
    const calls = [describeServices(ref).planned, forceNewDeployment(ref).planned, describeServices(ref, STABLE_NOTE).planned];
    return params.healthUrl === null ? calls : [...calls, healthGet(params.healthUrl).planned];
  },

  async run(params, ctx) {
    const log = new StepLog('ecs-restart');
    const ref = refOf(params);
    const read = await readService(ctx, ref);
    if (!read.ok) return log.fail('DescribeServices', read.error);
    const primary = primaryDeployment(read.value);
    const requestedAt = new Date(params.requestedAt);
    // Check-then-act: a PRIMARY deployment created after the request is the one
    // our earlier attempt started (or a newer one); either way the tasks are
    // being replaced, so forcing yet another would only restart them twice.
    if (primary?.createdAt !== undefined && primary.createdAt.getTime() >= requestedAt.getTime()) {
      log.ok('UpdateService', `skipped: ${deploymentLine(primary)} began after the request (${params.requestedAt}); waiting for it instead`);
    } else {
      const { input } = forceNewDeployment(ref);
      const sent = await callAws('UpdateService', () => ctx.aws.ecs(ref.region).send(new UpdateServiceCommand(input)));
      if (!sent.ok) return log.fail('UpdateService', sent.error);
      log.ok('UpdateService', `new deployment forced for ${ref.service} in ${ref.cluster} (${ref.region})`);
      await ctx.progress(`ecs-restart: new deployment of ${ref.service} started; waiting until it is stable`);
    }
    const unstable = await waitForStable(ctx, ref, log);
    if (unstable) return unstable;
    if (params.healthUrl !== null) {
      const unhealthy = await checkHealth(ctx, params.healthUrl, log);
      if (unhealthy) return unhealthy;
    }
    return log.done(`${ref.service} (${ref.region}) restarted and stable${params.healthUrl === null ? '' : '; health check passed'}`);
  },
};

function refOf(params: EcsRestartParams): ServiceRef {
  return { region: params.region, cluster: params.cluster, service: params.service };
}
