import { readFileSync } from 'node:fs';
import { parsePolicy, type ParsePolicyResult } from './parse-policy';

/**
 * Reads and parses the policy file at start-up. Every error line starts with
 * the path as given, so the operator knows which file to open.
 */
export function loadPolicyFile(path: string): ParsePolicyResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, errors: [`${path}: ${describeReadError(error)}`] };
  }
  const result = parsePolicy(text);
  return result.ok ? result : { ok: false, errors: result.errors.map((line) => `${path}: ${line}`) };
}

// Duck-typed rather than instanceof Error: errors from another realm (a test
// runner's sandbox, for one) fail instanceof but still carry code and message.
function describeReadError(error: unknown): string {
  const { code, message } = typeof error === 'object' && error !== null ? (error as { code?: unknown; message?: unknown }) : {};
  if (code === 'ENOENT') return 'policy file not found';
  if (code === 'EISDIR') return 'is a directory, expected the policy YAML file';
  if (code === 'EACCES') return 'policy file cannot be read (permission denied)';
  return `policy file cannot be read (${typeof message === 'string' ? message : String(error)})`;
}
