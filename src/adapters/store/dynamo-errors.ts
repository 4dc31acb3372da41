/**
 * The SDK throws service exceptions as classes, but matching on `name` keeps
 * working when two copies of the SDK end up in node_modules.
 */
function hasName(err: unknown, name: string): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === name;
}

export function isConditionalCheckFailed(err: unknown): boolean {
  return hasName(err, 'ConditionalCheckFailedException');
}

export function isResourceNotFound(err: unknown): boolean {
  return hasName(err, 'ResourceNotFoundException');
}

export function isResourceInUse(err: unknown): boolean {
  return hasName(err, 'ResourceInUseException');
}
