import { startBotProcess, type BotProcess } from '../support/bot-process';
import { dmChannelOf, FakeSlackServer, type SlackCall } from '../support/fake-slack-server';
import { deletePrefix, REDIS_URL, uniquePrefix } from '../support/redis-cleanup';
import { startSharedStore, type SharedStore } from '../support/shared-store';
import { TEST_ALARM_TOKEN } from '../support/start-test-bot';
import { writeTestPolicy } from '../support/test-policy';
import { waitFor } from '../support/wait-for';
import { HoldingProxy, type Hold, type HoldMode } from './support/holding-proxy';

const BOT_TOKEN = 'xoxb-000000000-fault-token';
const ALERTS = 'CFAULTALERTS';
const L1 = 'U0L1AAAA';
/** One SIGKILL per round; rounds alternate between the two ways a call can be cut off. */
const KILLS = Number(process.env.FAULT_KILLS ?? 20);
const MODES: HoldMode[] = ['before', 'deliver'];
const MODE_WORDS: Record<HoldMode, string> = { before: 'held before Slack', deliver: 'done by Slack, answer lost' };

interface Kind {
  /** Short, for titles and FAULT_KILL_KINDS. */
  id: string;
  job: string;
  /** The request that marks this kind's job mid-effect, for the incident titled `title` whose channel is `channelId()`. */
  hold(title: string, channelId: () => string | undefined): Hold;
  /** Its job only runs after the incident message is up and something happens: the alarm going back to OK. */
  afterRecovery?: boolean;
}

const api = (path: string, method: string) => path.endsWith(`/${method}`);
const ALL_KINDS: Kind[] = [
  { id: 'channel', job: 'open-channel (create)', hold: (title) => (path, p) => api(path, 'conversations.create') && (p.get('name') ?? '').endsWith(slugOf(title)) },
  { id: 'pin', job: 'open-channel (pin)', hold: (_t, channel) => (path, p) => api(path, 'pins.add') && p.get('channel') === channel() },
  { id: 'message', job: 'open-channel (incident message)', hold: (_t, channel) => (path, p) => api(path, 'chat.postMessage') && p.get('channel') === channel() && p.has('blocks') && !p.has('thread_ts') },
  { id: 'page', job: 'page (DM)', hold: (title) => (path, p) => api(path, 'chat.postMessage') && p.get('channel') === dmChannelOf(L1) && (p.get('text') ?? '').includes(title) },
  { id: 'announce', job: 'announce', hold: (title) => (path, p) => api(path, 'chat.postMessage') && p.get('channel') === ALERTS && isAnnouncement(p.get('text') ?? '', title) },
  { id: 'update', job: 'update-message', hold: (_t, channel) => (path, p) => api(path, 'chat.update') && p.get('channel') === channel(), afterRecovery: true },
  { id: 'note', job: 'thread-note', hold: (_t, channel) => (path, p) => api(path, 'chat.postMessage') && p.get('channel') === channel() && p.has('thread_ts'), afterRecovery: true },
];
const KINDS = process.env.FAULT_KILL_KINDS ? ALL_KINDS.filter((k) => process.env.FAULT_KILL_KINDS?.split(',').includes(k.id)) : ALL_KINDS;

interface Case {
  kind: Kind;
  mode: HoldMode;
  title: string;
  alarmKey: string;
}

function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function isAnnouncement(text: string, title: string): boolean {
  return /New \*incident/.test(text) && text.includes(title);
}

/**
 * A worker is SIGKILLed in the middle of every kind of Slack-facing job, with
 * its request to Slack either held before Slack saw it or performed by Slack
 * with the answer lost; the restarted process takes the jobs over when their
 * locks expire. Each round holds one request of every kind at once (each for
 * its own incident) and kills once while all are held. Every effect must
 * happen exactly once, counted from the fake Slack server's record of calls.
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
      // No escalation and no auto-resolve during the test: the alarm going back to OK only redraws and notes.
      ESCALATION_POLICY: writeTestPolicy({ ackTimeout: '1h', autoResolve: false }),
      LOG_LEVEL: 'warn',
      DATA_DIR: '/tmp/irbot-unused',
      JOB_LOCK_MS: '2000',
      // Every held request occupies a worker slot until the kill; the rest of the round must still flow.
      WORKER_CONCURRENCY: String(8 + ALL_KINDS.length * 2),
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

  const postAlarm = async (key: string, title: string, state: 'alarm' | 'ok') => {
    const res = await fetch(`${bot.baseUrl}/alarms/generic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ALARM_TOKEN}` },
      body: JSON.stringify({ key, title, state }),
    });
    expect(res.status).toBe(202);
  };
  /** Every channel of the incident, its own name or a suffixed second one (`…-2`). */
  const channelsOf = (title: string) => [...fake.channels.values()].filter((c) => new RegExp(`-${slugOf(title)}(-\\d+)?$`).test(c.name));
  const channelIdOf = (title: string) => channelsOf(title)[0]?.id;
  const posts = (channel: string | undefined, test: (c: SlackCall) => boolean = () => true) =>
    fake.callsTo('chat.postMessage').filter((c) => channel !== undefined && c.params.channel === channel && test(c));
  const text = (c: SlackCall) => String(c.params.text ?? '');
  const incidentMessages = (channel: string | undefined) => posts(channel, (c) => Array.isArray(c.params.blocks) && c.params.thread_ts === undefined);
  const threadNotes = (channel: string | undefined) => posts(channel, (c) => c.params.thread_ts !== undefined).map(text);
  const dmPages = (title: string) => posts(dmChannelOf(L1), (c) => text(c).includes(title));
  const announcements = (title: string) => posts(ALERTS, (c) => isAnnouncement(text(c), title));
  const RECOVERY_NOTES = [/^Alarm back to OK/, /^Alarm recovered/];

  /**
   * Whether everything the incident's jobs do in Slack is there (not yet
   * whether only once). Any of its channels will do: a second one (`…-2`) is
   * for the final assertions to report, not for this wait to time out on.
   */
  const finished = (c: Case): boolean => channelsOf(c.title).some((ch) => finishedIn(c, ch.id));
  const finishedIn = (c: Case, channelId: string): boolean => {
    if (![...fake.pins].some((p) => p.startsWith(`${channelId}/`))) return false;
    if (incidentMessages(channelId).length === 0 || dmPages(c.title).length === 0 || announcements(c.title).length === 0) return false;
    if (!c.kind.afterRecovery) return true;
    const drawn = [...fake.messages].find(([key, m]) => key.startsWith(`${channelId}/`) && Array.isArray(m.blocks));
    const notes = threadNotes(channelId);
    return String(drawn?.[1].text ?? '').includes('alarm back to OK') && RECOVERY_NOTES.every((r) => notes.some((n) => r.test(n)));
  };

  const explain = (err: Error) => {
    const calls = fake.calls.slice(-20).map((c) => `${c.method} ${String(c.params.channel ?? c.params.name ?? '')} ${String(c.params.text ?? '').slice(0, 80)}`);
    return new Error(`${err.message}\nlast Slack calls:\n${calls.join('\n')}\nbot output:\n${bot.output().slice(-3000)}`);
  };

  /** Once the incident message is on record, the alarm goes back to OK: that redraws the message and adds thread notes. */
  const recoverOnceDrawn = async (c: Case) => {
    await waitFor(`${c.title}: its incident message on record`, async () => {
      const summary = (await shared.store.listOpen()).find((s) => s.title === c.title);
      return summary !== undefined && (await shared.store.load(summary.incidentId)).some((e) => e.type === 'MessagePosted');
    }, 30000, 100);
    await postAlarm(c.alarmKey, c.title, 'ok');
  };

  it(`${KILLS} kills, each while ${KINDS.length} kinds of job hold a request (${MODES.map((m) => MODE_WORDS[m]).join(' / ')}): each effect exactly once`, async () => {
    const cases: Case[] = [];
    for (let round = 0; round < KILLS; round++) {
      const mode = MODES[round % MODES.length] ?? 'before';
      const roundCases = KINDS.map((kind) => ({ kind, mode, title: `Killed r${round} ${kind.id}`, alarmKey: `kill-${round}-${kind.id}` }));
      cases.push(...roundCases);
      const caught = new Set<string>();
      const held = Promise.all(roundCases.map((c) => proxy.holdNext(c.kind.hold(c.title, () => channelIdOf(c.title)), mode).then(() => caught.add(c.kind.job))));
      await Promise.all(roundCases.map((c) => postAlarm(c.alarmKey, c.title, 'alarm')));
      await Promise.all(roundCases.filter((c) => c.kind.afterRecovery).map(recoverOnceDrawn)).catch((err: Error) => Promise.reject(explain(err)));
      await waitFor(`round ${round} (${MODE_WORDS[mode]}): a request of every kind held`, () => caught.size === roundCases.length, 30000, 50).catch((err: Error) => {
        throw explain(new Error(`${err.message}; not held: ${roundCases.filter((c) => !caught.has(c.kind.job)).map((c) => c.kind.job).join(', ')}`));
      });
      await held;
      bot.child.kill('SIGKILL');
      expect(await bot.exited).toBeNull();
      bot = await startBotProcess(env);
      for (const c of roundCases) {
        await waitFor(`${c.kind.job} (${MODE_WORDS[mode]}): "${c.title}" finished after the kill`, () => finished(c), 60000, 100).catch((err: Error) => {
          throw explain(err);
        });
      }
    }
    // Retries that would double an effect have had their chance.
    await new Promise((r) => setTimeout(r, 3000));
    // Every miscount of every incident at once, so one run shows the whole pattern.
    const miscounted: string[] = [];
    for (const c of cases) {
      const channels = channelsOf(c.title);
      const channelId = channels[0]?.id;
      const notes = threadNotes(channelId);
      const counted = {
        channels: channels.length,
        pins: [...fake.pins].filter((p) => p.startsWith(`${channelId}/`)).length,
        incidentMessages: incidentMessages(channelId).length,
        dmPages: dmPages(c.title).length,
        announcements: announcements(c.title).length,
        // Every timeline event is one note: no note text twice in a thread.
        repeatedNotes: notes.filter((n, i) => notes.indexOf(n) !== i).length,
        ...(c.kind.afterRecovery ? { recoveryNotes: RECOVERY_NOTES.map((r) => notes.filter((n) => r.test(n)).length).join('+') } : {}),
      };
      const once = { channels: 1, pins: 1, incidentMessages: 1, dmPages: 1, announcements: 1, repeatedNotes: 0, ...(c.kind.afterRecovery ? { recoveryNotes: '1+1' } : {}) };
      if (JSON.stringify(counted) !== JSON.stringify(once)) {
        miscounted.push(`${c.kind.job}, ${MODE_WORDS[c.mode]} ("${c.title}"): ${JSON.stringify(counted)}; channels ${channels.map((ch) => ch.name).join(', ')}`);
      }
    }
    expect(miscounted).toEqual([]);
    const open = await shared.store.listOpen();
    expect(open.filter((s) => s.title.startsWith('Killed'))).toHaveLength(cases.length);
  }, 600000);
});
