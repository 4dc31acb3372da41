import { webApi } from '@slack/bolt';
import type { Logger } from '../../observability/logger';
import { slackLogger } from './bolt-logger';

export type WebClient = webApi.WebClient;

export interface SlackClients {
  /**
   * Most calls. A 429 is waited out as Slack's Retry-After says, then retried;
   * network errors are retried a few times, briefly, because a page that waits
   * half an hour inside a worker is worse than a job retried by the queue.
   */
  client: WebClient;
  /**
   * Tier-2 methods (conversations.create, usergroups.users.list). A 429 is
   * thrown at once (rejectRateLimitedCalls), so the job goes back to the queue
   * for the Retry-After instead of holding a worker slot, and so it never
   * pauses the shared client's request queue, which pages also go through.
   */
  tier2: WebClient;
  /**
   * Calls whose repeat would double what they do (a keyed chat.postMessage,
   * conversations.create). Never retried by the client: a retry after a lost
   * answer would post again without asking the sent-ledger. The job's own
   * retry goes through the ledger, which first looks in Slack. A 429 is
   * thrown at once, like tier2's.
   */
  once?: WebClient;
}

export function createSlackClients(opts: { botToken: string; apiUrl?: string; log: Logger }): SlackClients {
  const common = {
    slackApiUrl: opts.apiUrl,
    logger: slackLogger(opts.log, 'slack-web-api'),
    // Bounded so a hung connection does not hold a worker slot forever.
    timeout: 30_000,
  };
  return {
    client: new webApi.WebClient(opts.botToken, {
      ...common,
      retryConfig: { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 10_000, randomize: true },
    }),
    tier2: new webApi.WebClient(opts.botToken, {
      ...common,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 5_000, randomize: true },
    }),
    once: new webApi.WebClient(opts.botToken, { ...common, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } }),
  };
}
