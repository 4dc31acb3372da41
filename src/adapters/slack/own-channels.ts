import type { ChatChannel } from '../../app/ports';
import { retryLaterOn429 } from './slack-errors';
import type { WebClient } from './web-clients';

const LIST_PAGE = 1000;

/**
 * Recognises an incident channel an earlier attempt of the same job created
 * when Slack's answer was lost: a public channel of that name whose creator is
 * the bot. The names carry the incident number, so no other incident's
 * channel has them. conversations.list is Tier 2 and pages through the whole
 * workspace, so it is read only after a `name_taken` on a retry, page by page
 * until the name shows up, and the pages read are kept for the next name.
 */
export class OwnChannels {
  private readonly seen = new Map<string, { id: string; creator?: string }>();
  private cursor: string | undefined;
  private exhausted = false;

  constructor(
    private readonly tier2: WebClient,
    private readonly botUserId: () => Promise<string>,
  ) {}

  /** The channel called `name` when the bot created it; undefined when someone else did (or Slack does not list it). */
  async find(name: string): Promise<ChatChannel | undefined> {
    const botUser = await this.botUserId();
    while (!this.seen.has(name) && !this.exhausted) await this.readPage();
    const channel = this.seen.get(name);
    return channel && channel.creator === botUser ? { id: channel.id, name } : undefined;
  }

  private async readPage(): Promise<void> {
    try {
      const res = await this.tier2.conversations.list({ types: 'public_channel', exclude_archived: true, limit: LIST_PAGE, ...(this.cursor ? { cursor: this.cursor } : {}) });
      for (const c of res.channels ?? []) if (c.id && c.name) this.seen.set(c.name, { id: c.id, creator: c.creator });
      this.cursor = res.response_metadata?.next_cursor || undefined;
      this.exhausted = this.cursor === undefined;
    } catch (err) {
      retryLaterOn429(err, 'conversations.list');
    }
  }
}
