import { startBotProcess, type BotProcess } from '../support/bot-process';
import { dmChannelOf, FakeSlackServer } from '../support/fake-slack-server';
import { deletePrefix, REDIS_URL, uniquePrefix } from '../support/redis-cleanup';
import { startSharedStore, type SharedStore } from '../support/shared-store';
import { TEST_ALARM_TOKEN } from '../support/start-test-bot';
import { writeTestPolicy } from '../support/test-policy';
import { waitFor } from '../support/wait-for';
import { HoldingProxy, type Hold } from './support/holding-proxy';

const BOT_TOKEN = 'xoxb-000000000-fault-token';
const ALERTS = 'CFAULTALERTS';
const L1 = 'U0L1AAAA';
const ROUNDS = Number(process.env.FAULT_KILL_ROUNDS ?? 2);

/** Each kind of job that talks to Slack, and the request that marks it mid-effect. */
const ALL_KINDS: { job: string; hold: Hold }[] = [
  { job: 'open-channel', hold: (path) => path.endsWith('/conversations.create') },
  { job: 'open-channel (pin step)', hold: (path) => path.endsWith('/pins.add') },
  { job: 'page', hold: (path, p) => path.endsWith('/chat.postMessage') && p.get('channel') === dmChannelOf(L1) },
  { job: 'announce', hold: (path, p) => path.endsWith('/chat.postMessage') && p.get('channel') === ALERTS && /New \*incident/.test(p.get('text') ?? '') },
  { job: 'update-message', hold: (path) => path.endsWith('/chat.update') },
];
const KINDS = process.env.FAULT_KILL_KINDS ? ALL_KINDS.filter((k) => process.env.FAULT_KILL_KINDS?.split(',').includes(k.job)) : ALL_KINDS;

/**
 * A worker is SIGKILLed in the middle of each kind of Slack-facing job (its
 * request to Slack held, unanswered, when the kill comes); another process
 * takes the job over when its lock expires. Every effect happens exactly once,
 * counted from the fake Slack server's record of calls.
 */
describe('a worker SIGKILLed during each kind of job', () => {
  let shared: SharedStore;
  let fake: FakeSlackServer;
  let proxy: HoldingProxy;
  let bot: BotProcess;
  let env: Record<string, string>;
  const prefix = uniquePrefix('worker-kill');

  beforeAll(async () => {
    shared = await startSharedStore();
    fake = await FakeSlackServer.start({ botToken: BOT_TOKEN });
    fake.addChannel(ALERTS, 'incident-alerts', true);
    proxy = await HoldingProxy.start(fake.origin);
    env = {
      ...shared.env,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef0123456789',
      SLACK_API_URL: proxy.apiUrl,
      SLACK_ALERTS_CHANNEL: ALERTS,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      ALARM_TOKEN: TEST_ALARM_TOKEN,
      ESCALATION_POLICY: writeTestPolicy({ ackTimeout: '1h' }),
      LOG_LEVEL: 'warn',
      DATA_DIR: '/tmp/irbot-unused',
      JOB_LOCK_MS: '2000',
    };
    bot = await startBotProcess(env);
  }, 60000);

  afterAll(async () => {
    if (bot.child.exitCode === null) bot.child.kill('SIGTERM');
    await bot.exited;
    await proxy.close();
    await fake.close();
    await shared.close();
    await deletePrefix(prefix);
  });

  const posts = (channel: string, title: string) => fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel && String(c.params.text ?? '').includes(title));

  it(`${ROUNDS} rounds × ${KINDS.length} kinds: each effect exactly once`, async () => {
    const titles: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [k, kind] of KINDS.entries()) {
        const title = `Killed r${round} k${k} mid job`;
        titles.push(title);
        const held = proxy.holdNext(kind.hold);
        const res = await fetch(`${bot.baseUrl}/alarms/generic`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ALARM_TOKEN}` },
          body: JSON.stringify({ key: `kill-${round}-${k}`, title, state: 'alarm' }),
        });
        expect(res.status).toBe(202);
        await held;
        bot.child.kill('SIGKILL');
        expect(await bot.exited).toBeNull();
        bot = await startBotProcess(env);
        const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
        await waitFor(`${kind.job}: the incident finished after the kill`, () => {
          const channel = fake.callsTo('conversations.create').find((c) => String(c.params.name).endsWith(slug));
          const channelId = [...fake.channels.values()].find((c) => c.name.endsWith(slug))?.id;
          return channel !== undefined && channelId !== undefined && [...fake.pins].some((p) => p.startsWith(`${channelId}/`)) && posts(dmChannelOf(L1), title).length > 0 && posts(ALERTS, title).length > 0;
        }, 60000, 200).catch((err: Error) => {
          const calls = fake.calls.slice(-15).map((c) => `${c.method} ${String(c.params.channel)} ${String(c.params.text ?? '').slice(0, 80)}`);
          throw new Error(`${err.message}\nlast Slack calls:\n${calls.join('\n')}\nbot output:\n${bot.output().slice(-3000)}`);
        });
      }
    }
    // Retries that would double an effect have had their chance.
    await new Promise((r) => setTimeout(r, 3000));
    for (const title of titles) {
      const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const channels = [...fake.channels.values()].filter((c) => c.name.endsWith(slug));
      expect({ title, channels: channels.length }).toEqual({ title, channels: 1 });
      const channelId = channels[0]!.id;
      expect({ title, pins: [...fake.pins].filter((p) => p.startsWith(`${channelId}/`)).length }).toEqual({ title, pins: 1 });
      expect({ title, incidentMessages: fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channelId && Array.isArray(c.params.blocks)).length }).toEqual({ title, incidentMessages: 1 });
      expect({ title, dmPages: posts(dmChannelOf(L1), title).length }).toEqual({ title, dmPages: 1 });
      expect({ title, announcements: posts(ALERTS, title).filter((c) => /New \*incident/.test(String(c.params.text))).length }).toEqual({ title, announcements: 1 });
    }
    const open = await shared.store.listOpen();
    expect(open.filter((s) => s.title.startsWith('Killed'))).toHaveLength(titles.length);
  }, 600000);
});
