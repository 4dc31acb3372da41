import type { ApprovalView, Chat, ChatChannel, IncidentView } from '../../app/ports';
import { approvalBlocks, approvalFallbackText } from './approval-blocks';
import { mention } from '../../app/timeline';
import type { Logger } from '../../observability/logger';
import { inviteToChannel, openIncidentChannel } from './channel-opener';
import { escapeText, incidentBlocks, incidentMessageText } from './incident-blocks';
import { ResponderDirectory } from './responders';
import { slackErrorCode } from './slack-errors';
import type { SlackClients, WebClient } from './web-clients';

export interface SlackChatOptions extends SlackClients {
  /** SLACK_ALERTS_CHANNEL: where new incidents are announced, and pages go while no incident channel exists. */
  alertsChannel?: string;
  log: Logger;
  now?: () => Date;
}

/** The Chat port over Slack's Web API. */
export class SlackChat implements Chat {
  private readonly client: WebClient;
  private readonly directory: ResponderDirectory;
  private readonly now: () => Date;

  constructor(private readonly opts: SlackChatOptions) {
    this.client = opts.client;
    this.now = opts.now ?? (() => new Date());
    this.directory = new ResponderDirectory(opts.tier2, opts.client, () => this.now().getTime());
  }

  openIncidentChannel(view: IncidentView, preferredName: string): Promise<ChatChannel> {
    return openIncidentChannel({ client: this.client, tier2: this.opts.tier2, directory: this.directory, log: this.opts.log }, view, preferredName);
  }

  async postIncidentMessage(channelId: string, view: IncidentView): Promise<string> {
    const res = await this.client.chat.postMessage({ channel: channelId, ...this.message(view) });
    if (!res.ts) throw new Error('chat.postMessage returned no ts');
    // A missing pin is cosmetic; failing here would make the job post the message a second time.
    await this.client.pins.add({ channel: channelId, timestamp: res.ts }).catch((err: unknown) => {
      if (slackErrorCode(err) !== 'already_pinned') this.opts.log.warn({ err, channelId }, 'could not pin the incident message');
    });
    return res.ts;
  }

  async updateIncidentMessage(channelId: string, ts: string, view: IncidentView): Promise<void> {
    await this.client.chat.update({ channel: channelId, ts, ...this.message(view) });
  }

  /**
   * Everyone at the level hears it where they will see it now: the incident
   * channel when it exists, a DM to each person (groups expanded), and the
   * alerts channel while there is no incident channel yet. Every delivery is
   * attempted; when one failed the job fails and is retried, because a page
   * that reaches someone twice beats one that never reaches them.
   */
  async page(view: IncidentView, responders: string[], levelName: string): Promise<void> {
    const who = responders.map(mention).join(', ');
    const title = escapeText(view.title);
    const where = view.channelId ? `Join <#${view.channelId}>.` : 'Its channel is being opened now; you will be invited.';
    const broadcast = `:rotating_light: ${who}: you are paged for *incident #${view.number}* at ${levelName} (${view.levelId}): ${title}`;
    let people: string[] = [];
    let lookupError: unknown;
    try {
      people = await this.directory.people(responders);
    } catch (err) {
      // The broadcast still goes out: its group mention notifies the group's members in Slack.
      lookupError = err;
    }
    const dm = `:rotating_light: You are paged for *incident #${view.number}* at ${levelName} (${view.levelId}): ${title}\n${where} Acknowledge there with the *Acknowledge* button or \`/incident ack\`.`;
    const deliveries: Promise<unknown>[] = [];
    if (view.channelId) deliveries.push(this.post(view.channelId, broadcast), this.bringIn(view.channelId, people));
    else if (this.opts.alertsChannel) deliveries.push(this.postInAlerts(`${broadcast}\n${where}`));
    for (const user of people) deliveries.push(this.directory.dmChannel(user).then((im) => this.post(im, dm)));
    const failed = (await Promise.allSettled(deliveries)).filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (lookupError) throw lookupError;
    if (failed.length > 0) {
      const reasons = failed.map((f) => slackErrorCode(f.reason) ?? String(f.reason));
      this.opts.log.warn({ incidentId: view.incidentId, failed: reasons }, 'some pages were not delivered');
      throw new Error(`${failed.length} of ${deliveries.length} page deliveries failed: ${reasons.join(', ')}`);
    }
  }

  async postThreadNote(channelId: string, threadTs: string, text: string): Promise<void> {
    await this.client.chat.postMessage({ channel: channelId, thread_ts: threadTs, text });
  }

  async announce(view: IncidentView): Promise<void> {
    if (!this.opts.alertsChannel) return;
    const where = view.channelId ? ` in <#${view.channelId}>` : '';
    await this.postInAlerts(`:rotating_light: New *incident #${view.number}* at ${view.levelName} (${view.levelId})${where}: ${escapeText(view.title)}`);
  }

  async postChannelMessage(channelId: string | undefined, text: string): Promise<void> {
    if (channelId) await this.post(channelId, text);
    else await this.postInAlerts(text);
  }

  expandUserGroups(ids: string[]): Promise<string[]> {
    return this.directory.people(ids);
  }

  async postApprovalRequest(channelId: string, view: ApprovalView): Promise<string> {
    const res = await this.client.chat.postMessage({ channel: channelId, text: approvalFallbackText(view), blocks: approvalBlocks(view) });
    if (!res.ts) throw new Error('chat.postMessage returned no ts');
    return res.ts;
  }

  async updateApprovalRequest(channelId: string, ts: string, view: ApprovalView): Promise<void> {
    await this.client.chat.update({ channel: channelId, ts, text: approvalFallbackText(view), blocks: approvalBlocks(view) });
  }

  private message(view: IncidentView) {
    const now = this.now();
    return { text: escapeText(incidentMessageText(view, now)), blocks: incidentBlocks(view, now) };
  }

  /**
   * A level paged after the channel was opened (an escalation) is invited too:
   * mentions of non-members notify nobody. Not being able to invite someone
   * must not fail the page (a retry would page everyone again); their DM
   * carries the channel link.
   */
  private async bringIn(channelId: string, people: string[]): Promise<void> {
    const problems = await inviteToChannel(this.client, channelId, people);
    if (problems.length > 0) this.opts.log.warn({ channelId, problems }, 'could not invite every paged responder');
  }

  private async post(channel: string, text: string): Promise<void> {
    await this.client.chat.postMessage({ channel, text });
  }

  /** The bot may not have joined the alerts channel yet; a public one it can join by itself. */
  private async postInAlerts(text: string): Promise<void> {
    const channel = this.opts.alertsChannel;
    if (!channel) return;
    try {
      await this.post(channel, text);
    } catch (err) {
      if (slackErrorCode(err) !== 'not_in_channel') throw err;
      await this.client.conversations.join({ channel });
      await this.post(channel, text);
    }
  }
}
