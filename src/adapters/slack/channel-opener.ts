import type { ChatChannel, IncidentView } from '../../app/ports';
import type { Logger } from '../../observability/logger';
import { OwnChannels } from './own-channels';
import type { PostOnce } from './post-once';
import { retryLaterOn429, slackErrorCode } from './slack-errors';
import type { ResponderDirectory } from './responders';
import type { SentLedger } from './sent-ledger';
import type { WebClient } from './web-clients';

const NAME_MAX = 80;
const TOPIC_MAX = 250;
/** conversations.invite takes up to 1000 ids; smaller batches keep one bad id from costing much. */
const INVITE_BATCH = 100;
const MAX_NAME_TRIES = 50;

export interface ChannelOpenerDeps {
  client: WebClient;
  tier2: WebClient;
  /** conversations.create goes through a client that never repeats it by itself (see web-clients.ts). */
  create: WebClient;
  directory: ResponderDirectory;
  log: Logger;
  ledger: SentLedger;
  once: PostOnce;
  botUserId: () => Promise<string>;
}

/**
 * Creates the incident channel, sets its topic and invites the responders.
 * Only creation may fail the job: once the channel exists, a failed topic or
 * invite is reported inside the channel instead. A retry that finds the
 * channel already made repeats the topic and invitations (both idempotent),
 * so a worker killed between creation and set-up leaves nothing half done.
 */
export async function openIncidentChannel(deps: ChannelOpenerDeps, view: IncidentView, preferredName: string): Promise<ChatChannel> {
  const channel = await createOnce(deps, view.incidentId, preferredName);
  const problems: string[] = [];
  const topic = `${view.levelName} (${view.levelId}) · Incident #${view.number}: ${view.title}`;
  await deps.client.conversations
    .setTopic({ channel: channel.id, topic: topic.slice(0, TOPIC_MAX) })
    .catch((err: unknown) => problems.push(`could not set the topic (${describe(err)})`));
  try {
    const people = await deps.directory.people(view.responders);
    problems.push(...(await inviteToChannel(deps.client, channel.id, people)));
  } catch (err) {
    problems.push(`could not look up the responders ${view.responders.join(', ')} (${describe(err)}); invite them by hand`);
  }
  if (problems.length > 0) {
    deps.log.warn({ channel: channel.id, problems }, 'incident channel opened with problems');
    await deps.once
      .post(`channel-setup:${view.incidentId}`, { channel: channel.id, text: `Setting up this channel, I ${problems.join('; ')}.` })
      .catch((err: unknown) => deps.log.error({ err, channel: channel.id }, 'could not report channel set-up problems'));
  }
  return channel;
}

/**
 * The incident's channel, created at most once: the sent-ledger remembers the
 * one made, and when an earlier attempt started without recording one (it may
 * have been killed after Slack created the channel), a taken name is checked
 * for being the bot's own channel before moving on to the next suffix.
 */
async function createOnce(deps: ChannelOpenerDeps, incidentId: string, preferredName: string): Promise<ChatChannel> {
  const key = `channel:${incidentId}`;
  const entry = await deps.ledger.begin(key);
  if (entry.state === 'done') return parseChannel(entry.ts, preferredName);
  const earlier = entry.state === 'pending' ? new OwnChannels(deps.tier2, deps.botUserId) : undefined;
  const channel = await createFreeChannel(deps, preferredName, earlier);
  await deps.ledger.done(key, `${channel.id}|${channel.name}`);
  return channel;
}

/** `name`, then `name-2`, `name-3`… until Slack accepts one (or one is the bot's own). A 429 sends the job back to the queue. */
async function createFreeChannel(deps: ChannelOpenerDeps, preferredName: string, earlier: OwnChannels | undefined): Promise<ChatChannel> {
  for (let n = 1; n <= MAX_NAME_TRIES; n++) {
    const name = withSuffix(preferredName, n);
    try {
      const res = await deps.create.conversations.create({ name, is_private: false });
      const id = res.channel?.id;
      if (!id) throw new Error(`conversations.create for ${name} returned no channel id`);
      return { id, name: res.channel?.name ?? name };
    } catch (err) {
      if (slackErrorCode(err) !== 'name_taken') retryLaterOn429(err, `conversations.create (${name})`);
      const own = await earlier?.find(name);
      if (own) {
        deps.log.info({ channel: own.id, name }, 'an earlier attempt had created the incident channel; using it');
        return own;
      }
    }
  }
  throw new Error(`every channel name from ${preferredName} to ${withSuffix(preferredName, MAX_NAME_TRIES)} is taken`);
}

/** The ledger holds `id|name` (channel names never contain `|`). */
function parseChannel(value: string, preferredName: string): ChatChannel {
  const bar = value.indexOf('|');
  return bar < 0 ? { id: value, name: preferredName } : { id: value.slice(0, bar), name: value.slice(bar + 1) };
}

export function withSuffix(name: string, n: number): string {
  if (n === 1) return name.slice(0, NAME_MAX);
  const suffix = `-${n}`;
  return `${name.slice(0, NAME_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** Invites in batches; someone already there is fine. Returns what went wrong, in words. */
export async function inviteToChannel(client: WebClient, channel: string, people: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < people.length; i += INVITE_BATCH) {
    const batch = people.slice(i, i + INVITE_BATCH);
    try {
      // force: invite the valid ids even when one in the batch is not (deactivated, mistyped).
      await client.conversations.invite({ channel, users: batch.join(','), force: true });
    } catch (err) {
      if (slackErrorCode(err) === 'already_in_channel') continue;
      problems.push(`could not invite ${batch.map((u) => `<@${u}>`).join(', ')} (${describe(err)})`);
    }
  }
  return problems;
}

function describe(err: unknown): string {
  return slackErrorCode(err) ?? (err instanceof Error ? err.message : String(err));
}
