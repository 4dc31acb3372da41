import type { Redis } from 'ioredis';
import type { AppContext } from '../../app/context';
import type { Config } from '../../config/load-config';
import type { Logger } from '../../observability/logger';
import { SlackChat } from './slack-chat';
import { startSlackApp, type SlackAppHandle } from './slack-app';
import { createSlackClients } from './web-clients';

export { SlackChat } from './slack-chat';
export { incidentBlocks, incidentMessageText } from './incident-blocks';
export type { SlackAppHandle } from './slack-app';

export interface SlackSurface {
  chat: SlackChat;
  /** Starts the Bolt app once the engine's context exists (its handlers need it). */
  start(deps: { ctx: AppContext; redis: Redis; keyPrefix: string }): Promise<SlackAppHandle>;
}

/** Everything Slack, in two steps: the Chat first (the context needs it), the Bolt app after. */
export function createSlackSurface(
  slack: NonNullable<Config['slack']>,
  opts: { alertsChannel?: string; log: Logger; redis: Redis; keyPrefix: string },
): SlackSurface {
  const clients = createSlackClients({ botToken: slack.botToken, apiUrl: slack.apiUrl, log: opts.log });
  return {
    chat: new SlackChat({ ...clients, alertsChannel: opts.alertsChannel, log: opts.log, sent: { redis: opts.redis, keyPrefix: opts.keyPrefix } }),
    start: (deps) => startSlackApp({ slack, clients, ...deps }),
  };
}
