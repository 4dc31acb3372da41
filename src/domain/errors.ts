/** Errors carry a stable code so handlers can answer in words without parsing messages. */
export class IrbotError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'IrbotError';
  }
}

/** Another writer appended first; reload and decide again. */
export class ConflictError extends IrbotError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export class NotFoundError extends IrbotError {
  constructor(message: string) {
    super('not_found', message);
  }
}

/** The user asked for something the incident's state does not allow. */
export class RuleError extends IrbotError {}

/**
 * The effect cannot run yet (a chat API said "rate limited, retry after N").
 * The job is put back to wait instead of holding a worker slot while it waits.
 */
export class RetryLaterError extends IrbotError {
  constructor(
    message: string,
    public readonly retryAfterMs: number,
  ) {
    super('retry_later', message);
  }
}
