/** What an AWS call came back with: its answer, or the error in words naming the failing command. */
export type AwsOutcome<T> = { ok: true; value: T } | { ok: false; errorName: string; error: string };

/**
 * Sends one call and turns a thrown SDK error into `UpdateService failed:
 * AccessDeniedException: …`, so the responder reads which call failed and why
 * instead of a stack trace, and the action can decide what the error means
 * (ResourceNotFoundException from DescribeTable is an answer, not a failure).
 */
export async function callAws<T>(command: string, send: () => Promise<T>): Promise<AwsOutcome<T>> {
  try {
    return { ok: true, value: await send() };
  } catch (error) {
    const { name, message } = describeError(error);
    return { ok: false, errorName: name, error: `${command} failed: ${name}: ${message}` };
  }
}

// Duck-typed: SDK errors come from several packages (and test realms), so instanceof is unreliable.
function describeError(error: unknown): { name: string; message: string } {
  if (typeof error === 'object' && error !== null) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return { name: typeof name === 'string' && name !== '' ? name : 'Error', message: typeof message === 'string' ? message : String(error) };
  }
  return { name: 'Error', message: String(error) };
}
