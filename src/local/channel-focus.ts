import type { IncidentStore } from '../app/ports';

/** Where `/incident …` typed on the console runs before any incident channel exists. */
export const LOBBY = 'console';

/**
 * The console's "current channel". It follows the newest incident, as a
 * responder's attention does, until the person picks one with `channel <name>`.
 */
export class ChannelFocus {
  private newest?: string;
  private pinned?: string;

  get current(): string {
    return this.pinned ?? this.newest ?? LOBBY;
  }

  get isPinned(): boolean {
    return this.pinned !== undefined;
  }

  /** A new incident channel opened; returns true when the focus moved to it. */
  opened(channel: string): boolean {
    this.newest = channel;
    return this.pinned === undefined;
  }

  pin(channel: string): void {
    this.pinned = channel;
  }

  follow(): void {
    this.pinned = undefined;
  }

  /** After a restart, start where the newest open incident lives. */
  async restore(store: IncidentStore): Promise<void> {
    const open = await store.listOpen();
    const newest = open.filter((i) => i.channelId).sort((a, b) => b.number - a.number)[0];
    if (newest?.channelId && this.newest === undefined) this.newest = newest.channelId;
  }
}
