import { FakeSlackServer } from '../../test/support/fake-slack-server';
import { boundedLoad, statusText } from '../lib/bounded-load';
import { writeBenchPolicy } from '../lib/bench-policy';
import { ALARM_TOKEN, ALERTS_CHANNEL, BOT_TOKEN, startBotUnderTest } from '../lib/bot-under-test';
import type { Row } from '../lib/markdown';
import { counterSum } from '../lib/metrics-scrape';
import { cpuSeconds, PeakRss, rssKib } from '../lib/proc-usage';
import { firstPagesByTitle, pageMessages } from '../lib/slack-pages';
import { mib, ms, summarize, type Summary } from '../lib/stats';
import { storedOpenIncidents } from '../lib/stored-incidents';
import { waitUntil } from '../lib/wait-until';

export const STORM_ALARMS = Number(process.env.BENCH_STORM_ALARMS ?? 10_000);
export const STORM_KEYS = Number(process.env.BENCH_STORM_KEYS ?? 100);
const SENDERS = 50;
const SEND_LIMIT_MS = 120_000;
const SETTLE_LIMIT_MS = 150_000;

/** What the side-by-side table needs from irbot's run of the storm. */
export interface StormFigures {
  firstNotification: Summary;
  cpuSeconds: number;
  peakRssKib: number;
  notifications: number;
  slackCalls: number;
}

export const stormTitle = (key: number): string => `Bench storm k${String(key).padStart(3, '0')} failing`;
export const stormKey = (key: number): string => `bench-storm-k${String(key).padStart(3, '0')}`;

/**
 * 10,000 generic alarms over 100 keys, sent by 50 concurrent senders as fast
 * as the bot answers. Counts from the bot's own store after it stopped: every
 * accepted alarm must be on exactly one of exactly 100 incidents.
 */
export async function alarmStorm(): Promise<{ rows: Row[]; figures: StormFigures }> {
  const section = 'Alarm storm';
  const fake = await FakeSlackServer.start({ botToken: BOT_TOKEN });
  fake.addChannel(ALERTS_CHANNEL, 'incident-alerts', true);
  const bot = await startBotUnderTest({ slackApiUrl: fake.apiUrl, policyPath: writeBenchPolicy('1h') });
  try {
    // Let start-up work (reconcile, JIT warm-up) settle before calling it idle.
    await new Promise((r) => setTimeout(r, 2000));
    const idleRss = rssKib(bot.pid);
    const cpuBefore = cpuSeconds(bot.pid);
    const peak = new PeakRss(bot.pid);
    const firstSentAt = new Map<number, number>();
    const sendStart = performance.now();
    const load = await boundedLoad({
      concurrency: SENDERS,
      durationMs: SEND_LIMIT_MS,
      maxRequests: STORM_ALARMS,
      send: async (i) => {
        const key = i % STORM_KEYS;
        if (!firstSentAt.has(key)) firstSentAt.set(key, Date.now());
        const res = await fetch(`${bot.baseUrl}/alarms/generic`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ALARM_TOKEN}` },
          body: JSON.stringify({ key: stormKey(key), title: stormTitle(key), state: 'alarm', details: { n: String(i) } }),
        });
        await res.arrayBuffer();
        return res.status;
      },
    });
    const accepted = load.statuses.get(202) ?? 0;
    const titles = Array.from({ length: STORM_KEYS }, (_, k) => stormTitle(k));
    const ingested = () => counterSum(bot.baseUrl, 'irbot_alarms_received_total', /outcome="(opened|joined|duplicate)"/);
    const settled = await waitUntil(async () => (await ingested()) >= accepted && firstPagesByTitle(fake, titles).size >= STORM_KEYS, SETTLE_LIMIT_MS, 500);
    const allOnIncidentsMs = performance.now();
    // Let the tail of effects (message updates, thread notes) finish, bounded, for the CPU and call counts.
    let lastCalls = -1;
    await waitUntil(() => {
      const same = fake.calls.length === lastCalls;
      lastCalls = fake.calls.length;
      return same;
    }, 60_000, 2000);
    const peakRss = peak.stop();
    const cpu = cpuSeconds(bot.pid) - cpuBefore;
    const pages = firstPagesByTitle(fake, titles);
    const latencies = [...firstSentAt.entries()].map(([k, sent]) => (pages.get(stormTitle(k)) ?? Infinity) - sent);
    const firstPage = summarize(latencies);
    let incidents = 0;
    let stored = 0;
    let keysRight = true;
    await bot.stop(async (dataDir) => {
      const states = (await storedOpenIncidents(dataDir)).map((i) => i.state).filter((s) => s.dedupKey?.startsWith('generic:bench-storm-'));
      incidents = states.length;
      stored = states.reduce((n, s) => n + s.alarmCount, 0);
      keysRight = new Set(states.map((s) => s.dedupKey)).size === states.length;
    });
    const drainSeconds = (allOnIncidentsMs - sendStart) / 1000;
    const rows: Row[] = [
      { section, measure: 'alarms sent / answered 202', value: `${load.latenciesMs.length} / ${accepted}`, note: statusText(load.statuses) + (load.errors ? `, ${load.errors} errors` : '') },
      { section, measure: 'accepted per second', value: `${Math.round(accepted / (load.elapsedMs / 1000))}/s`, note: `${SENDERS} concurrent senders, ${(load.elapsedMs / 1000).toFixed(1)} s` },
      { section, measure: 'first alarm → first page, per key', value: `p50 ${ms(firstPage.p50)}, p99 ${ms(firstPage.p99)}`, note: `max ${ms(firstPage.max)}; ${pages.size}/${STORM_KEYS} keys paged` },
      { section, measure: `incidents opened (must be ${STORM_KEYS})`, value: String(incidents), note: keysRight ? 'one per key' : 'SOME KEY HAS TWO INCIDENTS' },
      { section, measure: 'alarms lost (must be 0)', value: String(accepted - stored), note: `${stored} alarms on incidents${settled ? '' : ` (pages or counts still moving at ${SETTLE_LIMIT_MS / 1000} s)`}` },
      { section, measure: 'all alarms on incidents after', value: `${drainSeconds.toFixed(1)} s`, note: 'from the first alarm sent' },
      { section: 'Footprint', measure: 'RSS idle → peak of the storm', value: `${mib(idleRss)} → ${mib(peakRss)}`, note: 'the bot process, embedded store included' },
      { section: 'Footprint', measure: 'start → /readyz 200', value: ms(bot.readyMs), note: 'STORE=local, Slack HTTP mode' },
    ];
    return { rows, figures: { firstNotification: firstPage, cpuSeconds: cpu, peakRssKib: peakRss, notifications: pageMessages(fake), slackCalls: fake.calls.length } };
  } finally {
    if (bot.child.exitCode === null) await bot.stop();
    await fake.close();
  }
}
