import { z } from 'zod';
import type { DnsTarget } from './policy-types';
import { strictMapping } from './schema-fields';
import { hostedZoneId, hostname, recordType, recordValueProblem, ttlSeconds } from './target-fields';

const EITHER = 'expected either aliasDnsName and aliasHostedZoneId, or value and ttl';

/**
 * Where the record points: an alias (a load balancer's DNS name and its
 * canonical hosted zone) or a plain value with a TTL. Never both, since
 * Route 53 rejects a record set carrying both.
 */
export const dnsTargetSchema = strictMapping({
  aliasDnsName: hostname.optional(),
  aliasHostedZoneId: hostedZoneId.optional(),
  value: z.string({ error: 'expected the record value as text' }).min(1, { error: 'expected a non-empty value' }).optional(),
  ttl: ttlSeconds.optional(),
}).superRefine(
  (target, ctx) => {
    if (typeof target !== 'object' || target === null || Array.isArray(target)) return;
    const has = (key: string): boolean => Object.hasOwn(target, key) && (target as Record<string, unknown>)[key] !== undefined;
    const alias = has('aliasDnsName') || has('aliasHostedZoneId');
    const plain = has('value') || has('ttl');
    const missing = (key: string): void => ctx.addIssue({ code: 'custom', message: 'required', path: [key], input: undefined });
    if (alias && plain) {
      const extra = has('value') ? 'value' : 'ttl';
      ctx.addIssue({ code: 'custom', message: 'not allowed with aliasDnsName/aliasHostedZoneId (a record is either an alias or a value)', path: [extra], input: undefined });
    } else if (alias) {
      if (!has('aliasDnsName')) missing('aliasDnsName');
      if (!has('aliasHostedZoneId')) missing('aliasHostedZoneId');
    } else if (plain) {
      if (!has('value')) missing('value');
      if (!has('ttl')) missing('ttl');
    } else {
      ctx.addIssue({ code: 'custom', message: EITHER, input: target });
    }
  },
  // Report a half-written target in the same pass as a wrong field next to it.
  { when: () => true },
);

export type DnsTargetInput = z.output<typeof dnsTargetSchema>;

/** Only called once the schema passed, so exactly one form is complete. */
export function toDnsTarget(input: DnsTargetInput): DnsTarget {
  if (input.aliasDnsName !== undefined && input.aliasHostedZoneId !== undefined) {
    return { aliasDnsName: input.aliasDnsName, aliasHostedZoneId: input.aliasHostedZoneId };
  }
  return { value: input.value ?? '', ttl: input.ttl ?? 0 };
}

/** The route53 block: which record moves, and its two targets. */
export const route53Schema = strictMapping({
  hostedZoneId,
  recordName: hostname,
  recordType,
  primaryTarget: dnsTargetSchema,
  drTarget: dnsTargetSchema,
}).superRefine((route53, ctx) => {
  // Runs only when every field passed, so the type and both targets are known-good here.
  for (const key of ['primaryTarget', 'drTarget'] as const) {
    const value = route53[key].value;
    if (value === undefined) continue;
    const problem = recordValueProblem(route53.recordType, value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, path: [key, 'value'], input: value });
  }
});
