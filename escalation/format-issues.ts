import type { z } from 'zod';

type PathPart = PropertyKey;

/** `levels[2].ackTimeout`, `approvals.dynamodb-restore.required`: the way the YAML is read. */
export function formatPath(path: readonly PathPart[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(part)) text += text === '' ? part : `.${part}`;
    else text += `[${JSON.stringify(String(part))}]`;
  }
  return text;
}

/** One line per problem, `path: message`; a problem with the whole document has no path. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue): string[] => {
    const at = (path: readonly PathPart[], message: string): string => {
      const where = formatPath(path);
      return where === '' ? message : `${where}: ${message}`;
    };
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => at([...issue.path, key], 'unknown field'));
      case 'invalid_key':
        // The useful wording is on the key's own schema, nested one level down.
        return [at(issue.path, issue.issues[0]?.message ?? issue.message)];
      default:
        return [at(issue.path, issue.message)];
    }
  });
}
