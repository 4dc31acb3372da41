import type { ChatChannel, IncidentView } from '../../app/ports';
import type { Logger } from '../../observability/logger';
import { retryLaterOn429, slackErrorCode } from './slack-errors';
import type { ResponderDirectory } from './responders';
import type { WebClient } from './web-clients';

const NAME_MAX = 80;
const TOPIC_MAX = 250;
/** conversations.invite takes up to 1000 ids; smaller batches keep one bad id from costing much. */
const INVITE_BATCH = 100;
const MAX_NAME_TRIES = 50;

export interface ChannelOpenerDeps {
  client: WebClient;
  tier2: WebClient;
  directory: ResponderDirectory;
  log: Logger;
}

/**
 * Creates the incident channel, sets its topic and invites the responders.
 * Only creation may fail the job: once the channel exists, a failed topic or
 * invite is reported inside the channel instead, because a retried job would
 * create a second channel.
 */
export async function openIncidentChannel(deps: ChannelOpenerDeps, view: IncidentView, preferredName: string): Promise<ChatChannel> {
  const channel = await createFreeChannel(deps.tier2, preferredName);
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
    await deps.client.chat
      .postMessage({ channel: channel.id, text: `Setting up this channel, I ${problems.join('; ')}.` })
      .catch((err: unknown) => deps.log.error({ err, channel: channel.id }, 'could not report channel set-up problems'));
  }
  return channel;
}

/** `name`, then `name-2`, `name-3`… until Slack accepts one. A 429 sends the job back to the queue. */
async function createFreeChannel(tier2: WebClient, preferredName: string): Promise<ChatChannel> {
  for (let n = 1; n <= MAX_NAME_TRIES; n++) {
    const name = withSuffix(preferredName, n);
    try {
      const res = await tier2.conversations.create({ name, is_private: false });
      const id = res.channel?.id;
      if (!id) throw new Error(`conversations.create for ${name} returned no channel id`);
      return { id, name: res.channel?.name ?? name };
    } catch (err) {
      if (slackErrorCode(err) === 'name_taken') continue;
      retryLaterOn429(err, `conversations.create (${name})`);
    }
  }
  throw new Error(`every channel name from ${preferredName} to ${withSuffix(preferredName, MAX_NAME_TRIES)} is taken`);
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
