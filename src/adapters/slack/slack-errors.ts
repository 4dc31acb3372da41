import { webApi } from '@slack/bolt';
import { RetryLaterError } from '../../domain/errors';

/**
 * Errors a person caused by where they typed or clicked (the bot is not in
 * that channel, it is private, it is archived). They are answered in words,
 * never retried: retrying cannot make them succeed.
 */
export const USER_CAUSED_ERRORS = ['not_in_channel', 'channel_not_found', 'is_archived'] as const;
export type UserCausedError = (typeof USER_CAUSED_ERRORS)[number];

/** Slack's own error string (`name_taken`, `not_in_channel`…) when the API answered `ok: false`. */
export function slackErrorCode(err: unknown): string | undefined {
  if (err instanceof webApi.WebAPIPlatformError) return err.data.error;
  if (isCoded(err) && err.code === webApi.ErrorCode.PlatformError && 'data' in err) {
    const data = (err as { data?: { error?: unknown } }).data;
    return typeof data?.error === 'string' ? data.error : undefined;
  }
  return undefined;
}

export function userCausedError(err: unknown): UserCausedError | undefined {
  const code = slackErrorCode(err);
  return USER_CAUSED_ERRORS.find((c) => c === code);
}

/** Seconds Slack asked us to wait, when a call made with `rejectRateLimitedCalls` was refused with 429. */
export function rateLimitedFor(err: unknown): number | undefined {
  if (err instanceof webApi.WebAPIRateLimitedError) return err.retryAfter;
  if (isCoded(err) && err.code === webApi.ErrorCode.RateLimitedError && 'retryAfter' in err) {
    const s = (err as { retryAfter?: unknown }).retryAfter;
    return typeof s === 'number' ? s : undefined;
  }
  return undefined;
}

/**
 * Turns a 429 into RetryLaterError so the job waits in the queue, not in a
 * worker slot. A little jitter spreads the jobs that were refused together,
 * so they do not all hit the next window in the same millisecond.
 */
export function retryLaterOn429(err: unknown, what: string): never {
  const seconds = rateLimitedFor(err);
  if (seconds === undefined) throw err;
  const jitterMs = Math.floor(Math.random() * 1000);
  throw new RetryLaterError(`Slack rate-limited ${what}; retrying in ${seconds}s`, seconds * 1000 + jitterMs);
}

/** What to tell a person when Slack refused to post where they asked, in words they can act on. */
export function explainUserCausedError(code: UserCausedError): string {
  switch (code) {
    case 'not_in_channel':
      return 'I am not a member of this channel, so I could not post here. Invite me with `/invite @irbot`, or use the incident channel.';
    case 'channel_not_found':
      return 'I cannot see this channel (private channels and direct messages need me invited first), so I could not post here.';
    case 'is_archived':
      return 'This channel is archived, so I could not post here. Unarchive it or use another channel.';
  }
}

function isCoded(err: unknown): err is { code: unknown } {
  return typeof err === 'object' && err !== null && 'code' in err;
}
