import { DescribeServicesCommand, type Deployment, type Service } from '@aws-sdk/client-ecs';
import type { ActionRunContext } from '../action-types';
import { callAws, type AwsOutcome } from '../aws-call';
import { describeServices, type ServiceRef } from '../calls/ecs-calls';
import type { PollCheck } from '../poll';

/** Reading an ECS service and judging its rollout, shared by every ECS action. */

export const STABLE_CHECKS = 40;
export const STABLE_INTERVAL_MS = 15_000;
export const STABLE_NOTE = `repeated every ${STABLE_INTERVAL_MS / 1000}s until one PRIMARY deployment runs its desired count with rollout COMPLETED, at most ${STABLE_CHECKS} times`;

/** DescribeServices for one service; a missing or inactive service is a failure in words, not an empty answer. */
export async function readService(ctx: Pick<ActionRunContext, 'aws'>, ref: ServiceRef): Promise<AwsOutcome<Service>> {
  const { input } = describeServices(ref);
  const answer = await callAws('DescribeServices', () => ctx.aws.ecs(ref.region).send(new DescribeServicesCommand(input)));
  if (!answer.ok) return answer;
  const service = answer.value.services?.[0];
  if (service === undefined) {
    const reason = answer.value.failures?.[0]?.reason ?? 'no such service';
    return { ok: false, errorName: 'ServiceNotFound', error: `DescribeServices: service ${ref.service} in cluster ${ref.cluster} (${ref.region}) not found: ${reason}` };
  }
  if (service.status !== undefined && service.status !== 'ACTIVE') {
    return { ok: false, errorName: 'ServiceNotActive', error: `DescribeServices: service ${ref.service} is ${service.status}, not ACTIVE` };
  }
  return { ok: true, value: service };
}

export function primaryDeployment(service: Service): Deployment | undefined {
  return service.deployments?.find((deployment) => deployment.status === 'PRIMARY');
}

export function countsLine(service: Service): string {
  return `desired ${service.desiredCount ?? 0}, running ${service.runningCount ?? 0}, pending ${service.pendingCount ?? 0}`;
}

export function deploymentLine(deployment: Deployment): string {
  const rollout = deployment.rolloutState === undefined ? '' : `, rollout ${deployment.rolloutState}`;
  const task = deployment.taskDefinition?.split('/').pop() ?? 'unknown task definition';
  const started = deployment.createdAt ? `, started ${deployment.createdAt.toISOString()}` : '';
  return `${deployment.status ?? '?'} ${task}: running ${deployment.runningCount ?? 0}/${deployment.desiredCount ?? 0}${rollout}${started}`;
}

/**
 * Stable: a single PRIMARY deployment running its desired count with the
 * rollout COMPLETED. A missing rolloutState counts as done: ECS only reports
 * it for the rolling-update controller, and the counts still tell.
 */
export function stability(service: Service): PollCheck<Service> {
  const deployments = service.deployments ?? [];
  const primary = primaryDeployment(service);
  if (primary === undefined) return { state: 'waiting', detail: 'no PRIMARY deployment yet' };
  if (primary.rolloutState === 'FAILED') return { state: 'failed', detail: `deployment failed: ${primary.rolloutStateReason ?? deploymentLine(primary)}` };
  const done =
    deployments.length === 1 &&
    primary.runningCount === primary.desiredCount &&
    (primary.rolloutState === undefined || primary.rolloutState === 'COMPLETED') &&
    service.runningCount === service.desiredCount;
  if (done) return { state: 'done', value: service };
  return { state: 'waiting', detail: `${countsLine(service)}; ${deployments.length} deployment(s); ${deploymentLine(primary)}` };
}

/** The check pollUntil repeats: describe, then judge. */
export function stabilityCheck(ctx: Pick<ActionRunContext, 'aws'>, ref: ServiceRef): () => Promise<PollCheck<Service>> {
  return async () => {
    const read = await readService(ctx, ref);
    return read.ok ? stability(read.value) : { state: 'failed', detail: read.error };
  };
}
