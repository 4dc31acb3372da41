import type { ContainerDefinition, RegisterTaskDefinitionCommandInput, Tag, TaskDefinition } from '@aws-sdk/client-ecs';

/**
 * The fields RegisterTaskDefinition accepts that DescribeTaskDefinition also
 * returns. Read-only fields (ARN, revision, status, registeredAt,
 * requiresAttributes, compatibilities…) are left out: the API rejects them.
 */
const COPIED = [
  'taskRoleArn',
  'executionRoleArn',
  'networkMode',
  'volumes',
  'placementConstraints',
  'requiresCompatibilities',
  'cpu',
  'memory',
  'pidMode',
  'ipcMode',
  'proxyConfiguration',
  'inferenceAccelerators',
  'ephemeralStorage',
  'runtimePlatform',
  'enableFaultInjection',
] as const satisfies ReadonlyArray<keyof TaskDefinition & keyof RegisterTaskDefinitionCommandInput>;

/** The value of `envVar` in the container's plain environment, or why it cannot be read. */
export function envValue(definition: TaskDefinition, container: string, envVar: string): { ok: true; value: string } | { ok: false; error: string } {
  const found = definition.containerDefinitions?.find((c) => c.name === container);
  const revision = definition.taskDefinitionArn ?? definition.family ?? 'the task definition';
  if (found === undefined) return { ok: false, error: `${revision} has no container named ${container}` };
  const entry = found.environment?.find((e) => e.name === envVar);
  // Only a plain variable is changed: one from secrets or an environment file is not ours to rewrite.
  if (entry === undefined) return { ok: false, error: `container ${container} of ${revision} has no environment variable ${envVar}; switch-table only changes an existing one` };
  return { ok: true, value: entry.value ?? '' };
}

/** The current revision, copied, with one environment variable of one container changed. */
export function nextRevisionInput(definition: TaskDefinition, tags: Tag[] | undefined, container: string, envVar: string, value: string): RegisterTaskDefinitionCommandInput {
  const containerDefinitions = (definition.containerDefinitions ?? []).map(
    (c): ContainerDefinition =>
      c.name !== container ? c : { ...c, environment: (c.environment ?? []).map((e) => (e.name === envVar ? { name: envVar, value } : e)) },
  );
  const input: RegisterTaskDefinitionCommandInput = { family: definition.family, containerDefinitions, ...pick(definition, COPIED) };
  if (tags !== undefined && tags.length > 0) input.tags = tags;
  return input;
}

// Only keys that are set, so the request (and the test asserting it) carries no undefined fields.
function pick<T, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) {
    if (source[key] !== undefined) out[key] = source[key];
  }
  return out;
}
