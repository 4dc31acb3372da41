import type { Targets } from '../../../escalation/policy-types';
import type { ServiceRef } from '../calls/ecs-calls';
import type { ParamReader } from '../params';

export function primaryService(targets: Targets): ServiceRef {
  return { region: targets.region, cluster: targets.ecs.cluster, service: targets.ecs.service };
}

export function drService(targets: Targets): ServiceRef {
  return { region: targets.dr.region, cluster: targets.dr.cluster, service: targets.dr.service };
}

/** `region=` picks the primary or the DR service; anything else is not one the targets know. */
export function serviceInRegion(reader: ParamReader, targets: Targets, region: string | undefined, fallback: ServiceRef): ServiceRef {
  if (region === undefined) return fallback;
  if (region === targets.region) return primaryService(targets);
  if (region === targets.dr.region) return drService(targets);
  reader.errors.push(`region: expected ${targets.region} (primary) or ${targets.dr.region} (DR) (got "${region}")`);
  return fallback;
}
