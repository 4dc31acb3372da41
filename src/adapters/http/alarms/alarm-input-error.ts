/**
 * Codes the alarm routes answer with. The HTTP layer sends
 * `{ "error": code, "message": message }` with `status`, so both stay stable and readable.
 */
export type AlarmInputErrorCode =
  | 'malformed'
  | 'missing_field'
  | 'unknown_field'
  | 'unsupported'
  | 'bad_signature'
  | 'untrusted_cert_host'
  | 'untrusted_subscribe_host'
  | 'topic_not_allowed';

/**
 * The sender's fault: a body we cannot use (400) or one we refuse to trust (403).
 * Anything else thrown by these modules (a network failure while fetching a
 * certificate, say) is ours or the network's, and should become a 5xx so the
 * sender retries.
 */
export class AlarmInputError extends Error {
  constructor(
    public readonly code: AlarmInputErrorCode,
    message: string,
    public readonly status: 400 | 403 = 400,
  ) {
    super(message);
    this.name = 'AlarmInputError';
  }
}
