/** Reading what the bot said to the fake Slack, in the terms a test asserts on. */
import { waitFor, type Harness } from './harness';
import { dmChannelOf, type FakeSlackServer, type Params, type SlackCall } from '../../support/fake-slack-server';

export interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

/** Successful chat.postMessage calls into `channel`, oldest first. */
/** Messages that Slack accepted in a channel; a post it refused (not_in_channel…) never showed up there. */
export function postsIn(fake: FakeSlackServer, channel: string): SlackCall[] {
  return fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel && !c.error);
}

export function textOf(call: SlackCall | Params): string {
  const params = 'params' in call && typeof call.params === 'object' ? (call.params as Params) : (call as Params);
  return typeof params.text === 'string' ? params.text : '';
}

/** DMs the bot sent to a user. */
export function dmsTo(fake: FakeSlackServer, userId: string): SlackCall[] {
  return postsIn(fake, dmChannelOf(userId));
}

/** The incident message in a channel (the post that carries blocks), with its ts. */
export function incidentMessage(fake: FakeSlackServer, channel: string): { ts: string; params: Params } | undefined {
  for (const [key, params] of fake.messages) {
    const [ch, ts] = key.split('/');
    if (ch === channel && ts && Array.isArray(params.blocks)) return { ts, params };
  }
  return undefined;
}

export function buttonsOf(params: Params): Button[] {
  const blocks = Array.isArray(params.blocks) ? (params.blocks as { type: string; elements?: Button[] }[]) : [];
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
}

export function channelNamed(fake: FakeSlackServer, pattern: RegExp): { id: string; name: string; topic: string; members: Set<string> } | undefined {
  return [...fake.channels.values()].find((c) => pattern.test(c.name));
}

/** What the bot answered through a payload's response_url. */
export function responsesTo(fake: FakeSlackServer, responseId: string): { text: string; responseType: string }[] {
  return fake.responses
    .filter((r) => r.id === responseId)
    .map((r) => ({ text: typeof r.body.text === 'string' ? r.body.text : '', responseType: String(r.body.response_type ?? '') }));
}

/**
 * Waits until the bot has stored that it posted the incident message. A press
 * in the instant between Slack answering chat.postMessage and that write
 * would not refresh the message (see the report: engine race in effects.ts).
 */
export function messageRecorded(h: Harness, incidentId: string): Promise<unknown> {
  return waitFor('the incident message recorded', async () => (await h.bot.ctx.store.load(incidentId)).some((e) => e.type === 'MessagePosted'));
}
