import type { types } from '@slack/bolt';
import type { Logger } from '../../observability/logger';
import type { SentLedger } from './sent-ledger';
import { retryLaterOn429 } from './slack-errors';
import type { WebClient } from './web-clients';

/** The metadata event type every keyed post carries; its payload's `key` names the effect. */
export const POST_EVENT_TYPE = 'irbot_post';
/** Slack's clock and the bot hosts' differ a little; look this far before the first attempt began. */
const CLOCK_SLACK_MS = 60_000;
const HISTORY_PAGE = 200;
/**
 * A channel with more than this many messages since the attempt is one where
 * a repeated message is the lesser harm next to a lost one; reading on would
 * spend the Tier-3 budget that pages share.
 */
const MAX_HISTORY_PAGES = 5;

export interface OnceMessage {
  channel: string;
  text: string;
  blocks?: types.KnownBlock[];
  /** A reply in this thread. */
  threadTs?: string;
}

/** Posts a message and returns its ts; `key` goes into the message's metadata when given. */
export type Sender = (message: OnceMessage, key: string | undefined) => Promise<string>;

/**
 * chat.postMessage at most once per key, across retries and replicas: check
 * the ledger, then Slack itself (the message carries its key in metadata),
 * and only then post. Slack is the source of truth for "did it happen"; the
 * ledger only says whether asking is needed.
 */
export class PostOnce {
  constructor(
    /** `read` looks in history; `post` must not retry by itself (see SlackClients.once). */
    private readonly clients: { read: WebClient; post: WebClient },
    private readonly ledger: SentLedger,
    private readonly log: Logger,
  ) {}

  /** Without a key it simply posts: a caller with no stable identity for the message cannot be deduplicated. */
  async post(key: string | undefined, message: OnceMessage, send: Sender = (m, k) => this.send(m, k)): Promise<string> {
    if (key === undefined) return send(message, undefined);
    const entry = await this.ledger.begin(key);
    if (entry.state === 'done') return entry.ts;
    if (entry.state === 'pending') {
      const found = await this.find(key, message, entry.sinceMs);
      if (found) {
        this.log.info({ key, channel: message.channel, ts: found }, 'an earlier attempt had posted this message; not posting it again');
        await this.ledger.done(key, found);
        return found;
      }
    }
    const ts = await send(message, key);
    await this.ledger.done(key, ts);
    return ts;
  }

  /** The plain chat.postMessage, with the key in metadata; the default Sender. */
  async send(message: OnceMessage, key: string | undefined): Promise<string> {
    const res = await this.clients.post.chat.postMessage({
      channel: message.channel,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
      ...(key !== undefined ? { metadata: { event_type: POST_EVENT_TYPE, event_payload: { key } } } : {}),
    }).catch((err: unknown) => retryLaterOn429(err, `chat.postMessage (${message.channel})`));
    if (!res.ts) throw new Error('chat.postMessage returned no ts');
    return res.ts;
  }

  /**
   * The ts of the message with `key` posted since `sinceMs`, if Slack has one.
   * A look-up that fails (no history scope, not in the channel, Slack down)
   * counts as "not found": posting again beats never posting.
   */
  private async find(key: string, message: OnceMessage, sinceMs: number): Promise<string | undefined> {
    const oldest = (Math.max(0, sinceMs - CLOCK_SLACK_MS) / 1000).toFixed(6);
    const { channel, threadTs } = message;
    try {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
        const common = { channel, oldest, include_all_metadata: true, limit: HISTORY_PAGE, ...(cursor ? { cursor } : {}) };
        const res = threadTs ? await this.clients.read.conversations.replies({ ...common, ts: threadTs }) : await this.clients.read.conversations.history(common);
        const hit = (res.messages ?? []).find((m) => carriesKey(m.metadata, key));
        if (hit?.ts) return hit.ts;
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!cursor) return undefined;
      }
      this.log.warn({ key, channel }, `no earlier attempt found in the last ${MAX_HISTORY_PAGES * HISTORY_PAGE} messages; posting`);
    } catch (err) {
      this.log.warn({ err, key, channel }, 'could not look in Slack for an earlier attempt of this message; posting');
    }
    return undefined;
  }
}

function carriesKey(metadata: { event_type?: string; event_payload?: object } | undefined, key: string): boolean {
  if (metadata?.event_type !== POST_EVENT_TYPE) return false;
  const payload = metadata.event_payload as { key?: unknown } | undefined;
  return payload?.key === key;
}
