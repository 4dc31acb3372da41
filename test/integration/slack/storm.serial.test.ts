import { dmChannelOf } from '../../support/fake-slack-server';
import { ALERTS_CHANNEL, startHarness, waitFor, type Harness } from './harness';
import { postsIn, textOf } from './slack-queries';

const INCIDENTS = 50;
const SPREAD_MS = 10_000;
const RESPONDERS = ['U0STORM1', 'U0STORM2'];
/** Slack's Tier 2, which conversations.create belongs to: about 20 calls a minute. */
const CREATE_LIMIT = { max: 20, windowMs: 60_000 };

describe('an alarm storm against Slack rate limits', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      levels: [
        { id: 'L1', name: 'L1 support', responders: RESPONDERS, ackTimeout: '1h' },
        { id: 'L2', name: 'L2 engineer', responders: ['U0L2CAROL'], ackTimeout: '1h' },
      ],
      createLimit: CREATE_LIMIT,
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  test(`${INCIDENTS} incidents in ${SPREAD_MS / 1000} s: every responder paged within 5 s, every channel created in the end, nothing lost`, async () => {
    const titleOf = (i: number) => `Storm s${String(i).padStart(3, '0')} node down`;
    const sentAt: number[] = [];
    const started = Date.now();
    for (let i = 0; i < INCIDENTS; i++) {
      // Paced like a real storm (one alarm every 200 ms), not a single burst.
      const due = started + (i * SPREAD_MS) / INCIDENTS;
      if (Date.now() < due) await new Promise((r) => setTimeout(r, due - Date.now()));
      sentAt[i] = Date.now();
      const res = await h.postAlarm({ key: `storm-${i}`, title: titleOf(i), state: 'alarm' });
      expect(res.status).toBe(202);
    }

    // When each responder first heard of each incident: a DM, or a mention in the alerts channel.
    const firstPage = (i: number, user: string): number | undefined => {
      const title = titleOf(i);
      const times = [
        ...postsIn(h.fake, dmChannelOf(user)).filter((c) => textOf(c).includes(title)),
        ...postsIn(h.fake, ALERTS_CHANNEL).filter((c) => textOf(c).includes(title) && textOf(c).includes(`<@${user}>`)),
      ].map((c) => c.at);
      return times.length > 0 ? Math.min(...times) : undefined;
    };
    const pairs = Array.from({ length: INCIDENTS }, (_, i) => RESPONDERS.map((user) => ({ i, user }))).flat();
    await waitFor('every responder paged for every incident', () => pairs.every((p) => firstPage(p.i, p.user) !== undefined), 60_000);
    const latencies = pairs.map((p) => (firstPage(p.i, p.user) ?? Infinity) - (sentAt[p.i] ?? 0)).sort((a, b) => a - b);
    const dmLatencies = pairs
      .map((p) => Math.min(...postsIn(h.fake, dmChannelOf(p.user)).filter((c) => textOf(c).includes(titleOf(p.i))).map((c) => c.at)) - (sentAt[p.i] ?? 0))
      .sort((a, b) => a - b);

    await waitFor('every incident channel created, its message posted and pinned', () => h.fake.pins.size >= INCIDENTS, 240_000);
    const creates = h.fake.callsTo('conversations.create');
    const allChannelsAt = Math.max(...creates.map((c) => c.at));
    const refused = h.fake.calls.filter((c) => c.method === 'conversations.create' && c.status === 429).length;

    console.log(
      [
        `Slack storm: ${INCIDENTS} incidents opened in ${((sentAt[INCIDENTS - 1] ?? 0) - started) / 1000} s, conversations.create limited to ${CREATE_LIMIT.max}/${CREATE_LIMIT.windowMs / 1000} s`,
        `  first page per responder (DM or alerts channel, ${latencies.length} pages): p50 ${pct(latencies, 50)} ms, p99 ${pct(latencies, 99)} ms, max ${latencies[latencies.length - 1]} ms`,
        `  DM pages only: p50 ${pct(dmLatencies, 50)} ms, p99 ${pct(dmLatencies, 99)} ms, max ${dmLatencies[dmLatencies.length - 1]} ms`,
        `  all ${creates.length} channels exist ${((allChannelsAt - started) / 1000).toFixed(1)} s after the first alarm; ${refused} conversations.create calls answered 429 and were retried from the queue`,
      ].join('\n'),
    );

    expect(latencies[latencies.length - 1]).toBeLessThanOrEqual(5000);
    // Nothing lost and nothing doubled: one channel, topic, message and pin per incident.
    expect(creates).toHaveLength(INCIDENTS);
    expect(new Set(h.fake.callsTo('conversations.setTopic').map((c) => c.params.channel)).size).toBe(INCIDENTS);
    expect(h.fake.pins.size).toBe(INCIDENTS);
    for (let i = 0; i < INCIDENTS; i++) {
      const title = titleOf(i);
      expect(postsIn(h.fake, ALERTS_CHANNEL).filter((c) => /New \*incident/.test(textOf(c)) && textOf(c).includes(title))).toHaveLength(1);
    }
    const open = await h.bot.ctx.store.listOpen();
    expect(open.filter((s) => s.title.startsWith('Storm')).every((s) => s.channelId !== undefined)).toBe(true);
    expect(await h.bot.queue.queue.getFailedCount()).toBe(0);
  }, 300_000);
});

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
