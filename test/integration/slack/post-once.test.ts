import { Redis } from 'ioredis';
import { webApi } from '@slack/bolt';
import { slackLogger } from '../../../src/adapters/slack/bolt-logger';
import { SentLedger } from '../../../src/adapters/slack/sent-ledger';
import { SlackChat } from '../../../src/adapters/slack/slack-chat';
import type { IncidentView } from '../../../src/app/ports';
import { createLogger } from '../../../src/observability/logger';
import { BOT_USER, dmChannelOf, FakeSlackServer, SOMEONE_ELSE, type SlackCall } from '../../support/fake-slack-server';
import { incidentView } from '../../support/incident-view';
import { deletePrefix, REDIS_URL, uniquePrefix } from '../../support/redis-cleanup';

const BOT_TOKEN = 'xoxb-000000000-post-once';
const ALERTS = 'CALERTSONCE';
const INCIDENT_CHANNEL = 'CINCIDENT01';
const L1 = ['U0L1AAAA', 'U0L1BBBB'];

/**
 * A worker that dies after Slack did what it asked but before the answer
 * arrived, and the job's retry in another worker: each `chat()` is a fresh
 * SlackChat (no caches), sharing only Redis and Slack, as replicas do. A lost
 * answer is the fake performing the call and never replying; the client's
 * short timeout stands in for the kill.
 */
describe('posting to Slack once per effect, across retries', () => {
  const prefix = uniquePrefix('post-once');
  const redis = new Redis(REDIS_URL);
  const log = createLogger('silent');
  let fake: FakeSlackServer;
  let incidents = 0;

  const chat = () => {
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, timeout: 1500, retryConfig: { retries: 0 }, logger: slackLogger(log) });
    return new SlackChat({ client, tier2: client, alertsChannel: ALERTS, log, sent: { redis, keyPrefix: prefix } });
  };
  const view = (overrides: Partial<IncidentView> = {}): IncidentView => {
    incidents += 1;
    return incidentView({ incidentId: `inc-once-${incidents}`, number: 900 + incidents, title: `Once ${incidents}`, responders: L1, ...overrides });
  };
  const posts = (channel: string, text: string): SlackCall[] => fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel && String(c.params.text).includes(text));

  beforeAll(async () => {
    fake = await FakeSlackServer.start({ botToken: BOT_TOKEN });
    fake.addChannel(ALERTS, 'incident-alerts', true);
    fake.addChannel(INCIDENT_CHANNEL, 'inc-once', true, BOT_USER);
  });
  afterAll(async () => {
    await fake.close();
    await deletePrefix(prefix);
    redis.disconnect();
  });

  it('does not post the incident message again when Slack posted it and the answer was lost', async () => {
    const v = view({ channelId: INCIDENT_CHANNEL });
    fake.loseAnswerTo('chat.postMessage', (p) => p.channel === INCIDENT_CHANNEL && Array.isArray(p.blocks));
    await expect(chat().postIncidentMessage(INCIDENT_CHANNEL, v)).rejects.toThrow();
    const incidentPosts = () => posts(INCIDENT_CHANNEL, v.title).filter((c) => Array.isArray(c.params.blocks));
    expect(incidentPosts()).toHaveLength(1);

    const ts = await chat().postIncidentMessage(INCIDENT_CHANNEL, v);
    expect(incidentPosts()).toHaveLength(1);
    expect(fake.messages.get(`${INCIDENT_CHANNEL}/${ts}`)?.metadata).toEqual({ event_type: 'irbot_post', event_payload: { key: `incident-message:${v.incidentId}` } });
    // Found by its metadata in the channel's history, then pinned by the retry.
    expect(fake.callsTo('conversations.history').some((c) => c.params.channel === INCIDENT_CHANNEL && c.params.include_all_metadata === 'true')).toBe(true);
    expect(fake.pins.has(`${INCIDENT_CHANNEL}/${ts}`)).toBe(true);
  });

  it('does not post a thread note again when its answer was lost (looked up in the thread)', async () => {
    const parent = await chat().postIncidentMessage(INCIDENT_CHANNEL, view({ channelId: INCIDENT_CHANNEL }));
    fake.loseAnswerTo('chat.postMessage', (p) => p.thread_ts === parent);
    await expect(chat().postThreadNote(INCIDENT_CHANNEL, parent, 'Alarm recovered (back to OK)', 'note:inc-thread:7')).rejects.toThrow();
    await chat().postThreadNote(INCIDENT_CHANNEL, parent, 'Alarm recovered (back to OK)', 'note:inc-thread:7');
    expect(fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === parent)).toHaveLength(1);
    expect(fake.callsTo('conversations.replies').some((c) => c.params.ts === parent)).toBe(true);
  });

  it('re-sends only the page deliveries that did not happen, and not a DM whose answer was lost', async () => {
    const v = view();
    const [alice, bob] = L1 as [string, string];
    fake.loseAnswerTo('chat.postMessage', (p) => p.channel === dmChannelOf(alice));
    fake.postErrors.set(dmChannelOf(bob), 'fatal_error');
    await expect(chat().page(v, L1, 'L1 support', '0')).rejects.toThrow(/2 of 3 page deliveries failed/);
    fake.postErrors.delete(dmChannelOf(bob));
    await chat().page(v, L1, 'L1 support', '0');
    expect(posts(dmChannelOf(alice), v.title)).toHaveLength(1);
    expect(posts(dmChannelOf(bob), v.title).filter((c) => !c.error)).toHaveLength(1);
    expect(posts(ALERTS, v.title)).toHaveLength(1);
    // A page of another generation is another page.
    await chat().page(v, L1, 'L1 support', '1');
    expect(posts(dmChannelOf(alice), v.title)).toHaveLength(2);
  });

  it('does not ask Slack at all for a key already done', async () => {
    const v = view();
    await chat().announce(v);
    const histories = fake.callsTo('conversations.history').length;
    const postsBefore = fake.callsTo('chat.postMessage').length;
    await chat().announce(v);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(postsBefore);
    expect(fake.callsTo('conversations.history')).toHaveLength(histories);
    expect(posts(ALERTS, v.title)).toHaveLength(1);
  });

  it('posts a pending key when Slack has no message with it (the earlier attempt never got there)', async () => {
    const v = view();
    expect(await new SentLedger(redis, prefix, log).begin(`announce:${v.incidentId}`)).toEqual({ state: 'new' });
    const histories = fake.callsTo('conversations.history').length;
    await chat().announce(v);
    expect(fake.callsTo('conversations.history').length).toBeGreaterThan(histories);
    expect(posts(ALERTS, v.title)).toHaveLength(1);
    await chat().announce(v);
    expect(posts(ALERTS, v.title)).toHaveLength(1);
  });

  it('posts a plain channel message without a key every time, and a keyed one once', async () => {
    await chat().postChannelMessage(INCIDENT_CHANNEL, 'unkeyed note');
    await chat().postChannelMessage(INCIDENT_CHANNEL, 'unkeyed note');
    expect(posts(INCIDENT_CHANNEL, 'unkeyed note')).toHaveLength(2);
    expect(posts(INCIDENT_CHANNEL, 'unkeyed note').every((c) => c.params.metadata === undefined)).toBe(true);
    await chat().postChannelMessage(undefined, 'keyed summary', 'weekly-summary:run-1');
    await chat().postChannelMessage(undefined, 'keyed summary', 'weekly-summary:run-1');
    expect(posts(ALERTS, 'keyed summary')).toHaveLength(1);
  });
});

describe('opening the incident channel once, across retries', () => {
  const prefix = uniquePrefix('channel-once');
  const redis = new Redis(REDIS_URL);
  const log = createLogger('silent');
  let fake: FakeSlackServer;

  const chat = () => {
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, timeout: 1500, retryConfig: { retries: 0 }, logger: slackLogger(log) });
    return new SlackChat({ client, tier2: client, log, sent: { redis, keyPrefix: prefix } });
  };
  const view = (incidentId: string): IncidentView => incidentView({ incidentId, title: 'Channel once', responders: L1 });
  const named = (prefixOfName: string) => [...fake.channels.values()].filter((c) => c.name.startsWith(prefixOfName));

  beforeAll(async () => {
    fake = await FakeSlackServer.start({ botToken: BOT_TOKEN });
    // More channels than one conversations.list page holds, so finding one means following the cursor.
    for (let i = 0; i < 1500; i++) fake.addChannel(`CFILL${String(i).padStart(6, '0')}`, `filler-${i}`, false);
  });
  afterAll(async () => {
    await fake.close();
    await deletePrefix(prefix);
    redis.disconnect();
  });

  it('adopts the channel an earlier attempt created when Slack’s answer was lost, instead of opening …-2', async () => {
    const name = 'inc-20250101-1-lost-answer';
    fake.loseAnswerTo('conversations.create', (p) => p.name === name);
    await expect(chat().openIncidentChannel(view('inc-chan-1'), name)).rejects.toThrow();
    expect(named(name)).toHaveLength(1);

    const channel = await chat().openIncidentChannel(view('inc-chan-1'), name);
    expect(channel).toEqual({ id: named(name)[0]?.id, name });
    expect(named(name)).toHaveLength(1);
    expect(fake.callsTo('conversations.list').length).toBeGreaterThan(1);
    expect(fake.channels.get(channel.id)?.topic).toContain('Channel once');
    for (const user of L1) expect(fake.channels.get(channel.id)?.members.has(user)).toBe(true);
  });

  it('moves on to …-2 when the taken name is a channel someone else created', async () => {
    const name = 'inc-20250101-2-someone-elses';
    fake.addChannel('CHUMAN00001', name, false, SOMEONE_ELSE);
    // An earlier attempt started and recorded nothing.
    await new SentLedger(redis, prefix, log).begin('channel:inc-chan-2');
    const channel = await chat().openIncidentChannel(view('inc-chan-2'), name);
    expect(channel.name).toBe(`${name}-2`);
    expect(fake.channels.get(channel.id)?.creator).toBe(BOT_USER);
  });

  it('returns the recorded channel without creating again once done', async () => {
    const name = 'inc-20250101-3-done';
    const first = await chat().openIncidentChannel(view('inc-chan-3'), name);
    const creates = fake.callsTo('conversations.create').length;
    const again = await chat().openIncidentChannel(view('inc-chan-3'), name);
    expect(again).toEqual(first);
    expect(fake.callsTo('conversations.create')).toHaveLength(creates);
    expect(named(name)).toHaveLength(1);
  });
});
