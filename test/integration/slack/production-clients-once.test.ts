import { Redis } from 'ioredis';
import { SlackChat } from '../../../src/adapters/slack/slack-chat';
import { createSlackClients } from '../../../src/adapters/slack/web-clients';
import { createLogger } from '../../../src/observability/logger';
import { FakeSlackServer } from '../../support/fake-slack-server';
import { incidentView } from '../../support/incident-view';
import { deletePrefix, REDIS_URL, uniquePrefix } from '../../support/redis-cleanup';

const BOT_TOKEN = 'xoxb-000000000-prod-clients';
const CHANNEL = 'CPRODCLIENT1';

/**
 * With the clients the bot really runs with (createSlackClients: retries on
 * network and HTTP errors), a call Slack performed whose answer came back as
 * an error must not be repeated by the client itself: only the job's retry,
 * which asks the sent-ledger and Slack's history first, may try again.
 */
describe('the production Slack clients and calls that must happen once', () => {
  const prefix = uniquePrefix('prod-clients');
  const redis = new Redis(REDIS_URL);
  const log = createLogger('silent');
  let fake: FakeSlackServer;
  const chat = () => new SlackChat({ ...createSlackClients({ botToken: BOT_TOKEN, apiUrl: fake.apiUrl, log }), log, sent: { redis, keyPrefix: prefix } });
  const view = incidentView({ incidentId: 'inc-prod-clients', number: 7, title: 'Production clients', responders: ['U0L1PROD'] });

  beforeAll(async () => {
    fake = await FakeSlackServer.start({ botToken: BOT_TOKEN });
    fake.addChannel(CHANNEL, 'inc-prod-clients', true);
  });
  afterAll(async () => {
    await fake.close();
    await deletePrefix(prefix);
    redis.disconnect();
  });

  it('a thread note Slack posted but answered with a 503 is posted once, across the failed attempt and its retry', async () => {
    const notes = () => fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === '1.000001');
    fake.failAfterPerforming('chat.postMessage', 503, (p) => p.thread_ts === '1.000001');

    await expect(chat().postThreadNote(CHANNEL, '1.000001', 'L2 was paged', 'note:inc-prod-clients:3')).rejects.toThrow();
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.params.thread_ts === '1.000001')).toHaveLength(1);

    await chat().postThreadNote(CHANNEL, '1.000001', 'L2 was paged', 'note:inc-prod-clients:3');
    expect(notes()).toHaveLength(1);
  }, 30000);

  it('a channel Slack created but answered with a 503 is adopted by the retry, not created again as …-2', async () => {
    const name = 'inc-20261128-7-production-clients';
    fake.failAfterPerforming('conversations.create', 503, (p) => p.name === name);

    await expect(chat().openIncidentChannel(view, name)).rejects.toThrow();
    expect(fake.calls.filter((c) => c.method === 'conversations.create')).toHaveLength(1);
    const channel = await chat().openIncidentChannel(view, name);

    expect(channel.name).toBe(name);
    expect([...fake.channels.values()].filter((c) => c.name.startsWith(name))).toHaveLength(1);
  }, 30000);
});
