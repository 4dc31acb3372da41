import type { Redis } from 'ioredis';
import type { ApprovalView, Chat, ChatChannel, IncidentView } from '../../app/ports';
import { approvalBlocks, approvalFallbackText } from './approval-blocks';
import { mention } from '../../app/timeline';
import type { Logger } from '../../observability/logger';
import { BotUser } from './bot-user';
import { inviteToChannel, openIncidentChannel } from './channel-opener';
import { escapeText, incidentBlocks, incidentMessageText } from './incident-blocks';
import { PostOnce, type OnceMessage } from './post-once';
import { ResponderDirectory } from './responders';
import { SentLedger } from './sent-ledger';
import { slackErrorCode } from './slack-errors';
import type { SlackClients, WebClient } from './web-clients';

export interface SlackChatOptions extends SlackClients {
  /** SLACK_ALERTS_CHANNEL: where new incidents are announced, and pages go while no incident channel exists. */
  alertsChannel?: string;
  log: Logger;
  now?: () => Date;
  /** Where the sent-ledger lives (the queue's Redis and key prefix): what a killed worker already did in Slack. */
  sent: { redis: Redis; keyPrefix: string };
}

/**
 * The Chat port over Slack's Web API. Every post a job makes carries a key
 * stable across the job's retries and goes through PostOnce, so a worker
 * killed after Slack did something but before it heard back does not make
 * its successor do it again.
 */
export class SlackChat implements Chat {
  private readonly client: WebClient;
  private readonly directory: ResponderDirectory;
  private readonly now: () => Date;
  private readonly ledger: SentLedger;
  private readonly once: PostOnce;
  private readonly botUser: BotUser;

  constructor(private readonly opts: SlackChatOptions) {
    this.client = opts.client;
    this.now = opts.now ?? (() => new Date());
    this.directory = new ResponderDirectory(opts.tier2, opts.client, () => this.now().getTime());
    this.ledger = new SentLedger(opts.sent.redis, opts.sent.keyPrefix, opts.log);
    this.once = new PostOnce({ read: opts.client, post: opts.once ?? opts.client }, this.ledger, opts.log);
    this.botUser = new BotUser(opts.client);
  }

  openIncidentChannel(view: IncidentView, preferredName: string): Promise<ChatChannel> {
    const deps = { client: this.client, tier2: this.opts.tier2, create: this.opts.once ?? this.opts.tier2, directory: this.directory, log: this.opts.log, ledger: this.ledger, once: this.once, botUserId: () => this.botUser.get() };
    return openIncidentChannel(deps, view, preferredName);
  }

  async postIncidentMessage(channelId: string, view: IncidentView): Promise<string> {
    const ts = await this.once.post(`incident-message:${view.incidentId}`, { channel: channelId, ...this.message(view) });
    // Pinned on every attempt (already_pinned is fine), so a worker killed between post and pin leaves it to the retry.
    // A missing pin is cosmetic; failing here would only repeat this job.
    await this.client.pins.add({ channel: channelId, timestamp: ts }).catch((err: unknown) => {
      if (slackErrorCode(err) !== 'already_pinned') this.opts.log.warn({ err, channelId }, 'could not pin the incident message');
    });
    return ts;
  }

  async updateIncidentMessage(channelId: string, ts: string, view: IncidentView): Promise<void> {
    await this.client.chat.update({ channel: channelId, ts, ...this.message(view) });
  }

  /**
   * Everyone at the level hears it where they will see it now: the incident
   * channel when it exists, a DM to each person (groups expanded), and the
   * alerts channel while there is no incident channel yet. Every delivery is
   * attempted; when one failed the job fails and is retried, because a page
   * that reaches someone twice beats one that never reaches them. Each
   * delivery has its own key, so the retry sends only the ones that failed.
   */
  async page(view: IncidentView, responders: string[], levelName: string, pageId: string): Promise<void> {
    const key = (target: string) => `page:${view.incidentId}:${pageId}:${target}`;
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
    if (view.channelId) deliveries.push(this.post(view.channelId, broadcast, key('channel')), this.bringIn(view.channelId, people));
    else if (this.opts.alertsChannel) deliveries.push(this.postInAlerts(`${broadcast}\n${where}`, key('alerts')));
    // The history of a DM is read in the IM channel conversations.open gives, so the post goes there too.
    for (const user of people) deliveries.push(this.directory.dmChannel(user).then((im) => this.post(im, dm, key(user))));
    const failed = (await Promise.allSettled(deliveries)).filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (lookupError) throw lookupError;
    if (failed.length > 0) {
      const reasons = failed.map((f) => slackErrorCode(f.reason) ?? String(f.reason));
      this.opts.log.warn({ incidentId: view.incidentId, failed: reasons }, 'some pages were not delivered');
      throw new Error(`${failed.length} of ${deliveries.length} page deliveries failed: ${reasons.join(', ')}`);
    }
  }

  async postThreadNote(channelId: string, threadTs: string, text: string, key: string): Promise<void> {
    await this.once.post(key, { channel: channelId, threadTs, text });
  }

  async announce(view: IncidentView): Promise<void> {
    if (!this.opts.alertsChannel) return;
    const where = view.channelId ? ` in <#${view.channelId}>` : '';
    await this.postInAlerts(`:rotating_light: New *incident #${view.number}* at ${view.levelName} (${view.levelId})${where}: ${escapeText(view.title)}`, `announce:${view.incidentId}`);
  }

  async postChannelMessage(channelId: string | undefined, text: string, key?: string): Promise<void> {
    if (channelId) await this.post(channelId, text, key);
    else await this.postInAlerts(text, key);
  }

  expandUserGroups(ids: string[]): Promise<string[]> {
    return this.directory.people(ids);
  }

  postApprovalRequest(channelId: string, view: ApprovalView): Promise<string> {
    const key = `approval:${view.incidentId}:${view.request.requestId}`;
    return this.once.post(key, { channel: channelId, text: approvalFallbackText(view), blocks: approvalBlocks(view) });
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
   * does not fail the page: retrying would not fix a deactivated or mistyped
   * id, and their DM carries the channel link.
   */
  private async bringIn(channelId: string, people: string[]): Promise<void> {
    const problems = await inviteToChannel(this.client, channelId, people);
    if (problems.length > 0) this.opts.log.warn({ channelId, problems }, 'could not invite every paged responder');
  }

  private async post(channel: string, text: string, key: string | undefined): Promise<void> {
    await this.once.post(key, { channel, text });
  }

  /** The bot may not have joined the alerts channel yet; a public one it can join by itself. */
  private async postInAlerts(text: string, key: string | undefined): Promise<void> {
    const channel = this.opts.alertsChannel;
    if (!channel) return;
    await this.once.post(key, { channel, text }, async (message: OnceMessage, k: string | undefined) => {
      try {
        return await this.once.send(message, k);
      } catch (err) {
        if (slackErrorCode(err) !== 'not_in_channel') throw err;
        await this.client.conversations.join({ channel });
        return this.once.send(message, k);
      }
    });
  }
}
