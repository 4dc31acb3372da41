import type {
  DescribeServicesCommandInput,
  DescribeTaskDefinitionCommandInput,
  RegisterTaskDefinitionCommandInput,
  UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs';
import type { PlannedCall } from '../action-types';
import { awsCli, call, shellWord, type Call } from './planned';

/** The ECS calls of the catalogue: one builder each, shared by plan() and run(). */

export interface ServiceRef {
  region: string;
  cluster: string;
  service: string;
}

export function describeServices(ref: ServiceRef, note?: string): Call<DescribeServicesCommandInput> {
  const input = { cluster: ref.cluster, services: [ref.service] };
  const cli = awsCli('ecs', 'describe-services', [['cluster', ref.cluster], ['services', ref.service]], ref.region);
  return call('ecs', ref.region, 'DescribeServices', input, cli, false, note);
}

export function forceNewDeployment(ref: ServiceRef): Call<UpdateServiceCommandInput> {
  const input = { cluster: ref.cluster, service: ref.service, forceNewDeployment: true };
  const cli = awsCli('ecs', 'update-service', [['cluster', ref.cluster], ['service', ref.service], ['force-new-deployment', true]], ref.region);
  return call('ecs', ref.region, 'UpdateService', input, cli, true);
}

export function setDesiredCount(ref: ServiceRef, desiredCount: number): Call<UpdateServiceCommandInput> {
  const input = { cluster: ref.cluster, service: ref.service, desiredCount };
  const cli = awsCli('ecs', 'update-service', [['cluster', ref.cluster], ['service', ref.service], ['desired-count', desiredCount]], ref.region);
  return call('ecs', ref.region, 'UpdateService', input, cli, true);
}

export function setTaskDefinition(ref: ServiceRef, taskDefinition: string, note?: string): Call<UpdateServiceCommandInput> {
  const input = { cluster: ref.cluster, service: ref.service, taskDefinition };
  const cli = awsCli('ecs', 'update-service', [['cluster', ref.cluster], ['service', ref.service], ['task-definition', taskDefinition]], ref.region);
  return call('ecs', ref.region, 'UpdateService', input, cli, true, note);
}

// TAGS: so the new revision keeps the current one's tags (cost allocation, ownership).
export function describeTaskDefinition(region: string, taskDefinition: string, note?: string): Call<DescribeTaskDefinitionCommandInput> {
  const input: DescribeTaskDefinitionCommandInput = { taskDefinition, include: ['TAGS'] };
  const cli = awsCli('ecs', 'describe-task-definition', [['task-definition', taskDefinition], ['include', 'TAGS']], region);
  return call('ecs', region, 'DescribeTaskDefinition', input, cli, false, note);
}

export function registerTaskDefinition(region: string, input: RegisterTaskDefinitionCommandInput, note?: string): Call<RegisterTaskDefinitionCommandInput> {
  // --cli-input-json takes the API's own input shape, so the line is the exact request.
  const cli = `aws ecs register-task-definition --cli-input-json ${shellWord(JSON.stringify(input))} --region ${region}`;
  return call('ecs', region, 'RegisterTaskDefinition', input, cli, true, note);
}

/** RegisterTaskDefinition before the current revision is known: its input is described, not copied. */
export function plannedRegisterTaskDefinition(region: string, family: string, containerDefinitions: string, note: string): PlannedCall {
  return call('ecs', region, 'RegisterTaskDefinition', { family, containerDefinitions }, `aws ecs register-task-definition --cli-input-json ${shellWord('<the current revision, changed as noted>')} --region ${region}`, true, note).planned;
}
