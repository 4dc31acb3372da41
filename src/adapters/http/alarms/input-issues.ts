import type { z } from 'zod';
import { AlarmInputError } from './alarm-input-error';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

const MAX_ISSUES_SHOWN = 3;

/** `alerts[0].fingerprint`, `labels["app.kubernetes.io/name"]`; the root is called `body`. */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? 'body' : out;
}

function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  return t === 'object' ? 'an object' : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function describeIssue(issue: Issue, root: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = valueAt(root, issue.path);
      if (got === undefined) return 'is required';
      return `expected ${article(issue.expected)}, got ${describeType(got)}`;
    }
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item(s)`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return describeUnion(issue, root);
    default:
      // Our own schemas attach readable messages to formats and refinements.
      return issue.message;
  }
}

/** `expected a string, a number or a boolean, got an object` when no branch accepted the type. */
function describeUnion(issue: Extract<Issue, { code: 'invalid_union' }>, root: unknown): string {
  const expected: string[] = [];
  for (const branch of issue.errors) {
    const typeIssue = branch.find((i) => i.path.length === 0 && i.code === 'invalid_type');
    if (typeIssue?.code !== 'invalid_type') return 'has an unusable value';
    expected.push(article(typeIssue.expected));
  }
  const list = expected.length > 1 ? `${expected.slice(0, -1).join(', ')} or ${expected.at(-1)}` : expected[0];
  return `expected ${list}, got ${describeType(valueAt(root, issue.path))}`;
}

function codeFor(issue: Issue, root: unknown): 'missing_field' | 'unknown_field' | 'malformed' {
  if (issue.code === 'unrecognized_keys') return 'unknown_field';
  if (issue.code === 'invalid_type' && valueAt(root, issue.path) === undefined) return 'missing_field';
  return 'malformed';
}

/**
 * Turns a zod failure into a 400 naming each bad field, e.g.
 * `alerts[0].fingerprint: expected a string, got a number`.
 * `prefix` places a nested document (SNS `Message`) inside its envelope.
 */
export function inputErrorFromZod(error: z.ZodError, root: unknown, prefix: readonly PathKey[] = []): AlarmInputError {
  const issues = error.issues;
  const first = issues[0];
  const parts = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => `${formatPath([...prefix, ...issue.path])}: ${describeIssue(issue, root)}`);
  if (issues.length > MAX_ISSUES_SHOWN) parts.push(`and ${issues.length - MAX_ISSUES_SHOWN} more problem(s)`);
  return new AlarmInputError(first ? codeFor(first, root) : 'malformed', parts.join('; '));
}

/** Parses with `schema` or throws the 400 described above. */
export function parseInput<S extends z.ZodType>(schema: S, body: unknown, prefix: readonly PathKey[] = []): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw inputErrorFromZod(result.error, body, prefix);
  return result.data;
}
