import { App, ExpressReceiver } from '@slack/bolt';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import type { AppContext } from '../../app/context';
import type { Config } from '../../config/load-config';
import { slackLogger } from './bolt-logger';
import { DeliveryDedup } from './delivery-dedup';
import { registerIncidentHandlers } from './incident-handlers';
import { signatureGateRouter } from './signature-gate';
import { createWorkLimiter } from './work-limiter';
import type { SlackClients } from './web-clients';

/** Matches the contract's 256 KiB limit on request bodies. */
const BODY_LIMIT = 256 * 1024;
/** Commands and clicks worked on at once after their ack; more wait their turn (see work-limiter.ts). */
const POST_ACK_CONCURRENCY = 8;

export interface SlackAppHandle {
  /** Bolt's receiver router for `POST /slack/events` (HTTP mode only). */
  router?: Router;
  /** Stops taking Slack requests (Socket Mode) and waits for acked work still running. */
  stop(): Promise<void>;
}

export interface SlackAppDeps {
  slack: NonNullable<Config['slack']>;
  ctx: AppContext;
  clients: SlackClients;
  /** Redis for delivery dedup, and the key prefix (QUEUE_PREFIX) so deployments sharing a Redis stay apart. */
  redis: Redis;
  keyPrefix: string;
}

/**
 * The Bolt app: over HTTP, a receiver whose router joins irbot's express app
 * (one port for Slack, alarms and probes); with an app token, Socket Mode.
 * auth.test runs here, so a wrong token stops start-up instead of the first command.
 */
export async function startSlackApp(deps: SlackAppDeps): Promise<SlackAppHandle> {
  const { slack, ctx } = deps;
  const logger = slackLogger(ctx.log, 'slack-bolt');
  const clientOptions = { slackApiUrl: slack.apiUrl, retryConfig: { retries: 2 } };
  let app: App;
  let receiver: ExpressReceiver | undefined;
  if (slack.appToken) {
    // installerOptions.clientOptions is how Bolt hands SLACK_API_URL to the Socket Mode client (apps.connections.open).
    const installerOptions = { clientOptions: { slackApiUrl: slack.apiUrl } };
    app = new App({ token: slack.botToken, appToken: slack.appToken, socketMode: true, logger, clientOptions, installerOptions, deferInitialization: true, convoStore: false });
  } else {
    if (!slack.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required to serve Slack over HTTP');
    receiver = new ExpressReceiver({
      signingSecret: slack.signingSecret,
      // Verified by the gate its routes are added to (JSON 401s); once is enough.
      router: signatureGateRouter(slack.signingSecret),
      signatureVerification: false,
      endpoints: '/slack/events',
      // Ack first, work after: Slack's 3 s limit is met whatever the work costs.
      processBeforeResponse: false,
      bodyLimit: BODY_LIMIT,
      logger,
    });
    // convoStore: Bolt's per-conversation state, unused here and a cost on every request before the ack.
    app = new App({ token: slack.botToken, receiver, logger, clientOptions, deferInitialization: true, convoStore: false });
  }
  const inFlight = new Set<Promise<unknown>>();
  const limit = createWorkLimiter(POST_ACK_CONCURRENCY);
  const track = <T>(task: () => Promise<T>): Promise<T> => {
    const work = limit(task);
    inFlight.add(work);
    return work.finally(() => inFlight.delete(work));
  };
  // Work acked but not finished when SIGTERM comes must finish before the store and queue close.
  const drain = async () => void (await Promise.allSettled([...inFlight]));
  registerIncidentHandlers(app, { ctx, client: deps.clients.client, dedup: new DeliveryDedup(deps.redis, deps.keyPrefix, ctx.log), track });
  app.error(async (err) => {
    ctx.log.error({ err }, 'unhandled error in a Slack handler');
  });
  await app.init();
  if (!receiver) {
    await app.start();
    return {
      stop: async () => {
        await app.stop();
        await drain();
      },
    };
  }
  return { router: receiver.router, stop: drain };
}
