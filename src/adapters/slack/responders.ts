import type { WebClient } from './web-clients';
import { retryLaterOn429 } from './slack-errors';

/** How long a user group's members are trusted; group edits show up within this. */
const GROUP_TTL_MS = 60_000;

/**
 * Turns policy responders (users U…/W…, user groups S…) into people. Group
 * membership is cached briefly because usergroups.users.list is Tier 2 (about
 * 20 calls a minute) and an alarm storm would otherwise spend it all on the
 * same few groups. The cache only saves calls; any replica can rebuild it.
 */
export class ResponderDirectory {
  private readonly groups = new Map<string, { users: string[]; until: number }>();
  private readonly ims = new Map<string, string>();

  constructor(
    private readonly tier2: WebClient,
    private readonly client: WebClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every person behind `responders`, each once, in the order first named. */
  async people(responders: readonly string[]): Promise<string[]> {
    const out = new Set<string>();
    for (const id of responders) {
      if (isGroup(id)) for (const u of await this.members(id)) out.add(u);
      else out.add(id);
    }
    return [...out];
  }

  /** The direct-message channel with a user (D…); Slack returns the same one each time, so it is kept. */
  async dmChannel(userId: string): Promise<string> {
    const known = this.ims.get(userId);
    if (known) return known;
    const res = await this.client.conversations.open({ users: userId });
    const id = res.channel?.id;
    if (!id) throw new Error(`conversations.open for ${userId} returned no channel id`);
    this.ims.set(userId, id);
    return id;
  }

  private async members(groupId: string): Promise<string[]> {
    const cached = this.groups.get(groupId);
    if (cached && cached.until > this.now()) return cached.users;
    try {
      const res = await this.tier2.usergroups.users.list({ usergroup: groupId });
      const users = res.users ?? [];
      this.groups.set(groupId, { users, until: this.now() + GROUP_TTL_MS });
      return users;
    } catch (err) {
      // Rate-limited with an older answer at hand: the slightly stale list beats a late page.
      if (cached) return cached.users;
      return retryLaterOn429(err, `usergroups.users.list for ${groupId}`);
    }
  }
}

export function isGroup(id: string): boolean {
  return id.startsWith('S');
}
