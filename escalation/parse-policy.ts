import { formatIssues } from './format-issues';
import type { Policy } from './policy-types';
import { policySchema } from './policy-schema';
import { readYaml } from './yaml-source';

export type ParsePolicyResult = { ok: true; policy: Policy } | { ok: false; errors: string[] };

/**
 * The policy file's text to a Policy, or every problem found, one line each,
 * naming the field path (`levels[2].ackTimeout: …`). Never throws.
 */
export function parsePolicy(text: string): ParsePolicyResult {
  const source = readYaml(text);
  if (!source.ok) return source;
  const parsed = policySchema.safeParse(source.value);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues) };
  return { ok: true, policy: parsed.data };
}
