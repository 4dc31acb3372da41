import { FakeSlackServer } from '../../test/support/fake-slack-server';
import { ensureAlertmanager } from '../lib/alertmanager-install';
import { startAlertmanager } from '../lib/alertmanager-process';
import { boundedLoad, statusText } from '../lib/bounded-load';
import { BOT_TOKEN } from '../lib/bot-under-test';
import type { Row } from '../lib/markdown';
import { cpuSeconds, PeakRss } from '../lib/proc-usage';
import { mib, ms, summarize } from '../lib/stats';
import { waitUntil } from '../lib/wait-until';
import { STORM_ALARMS, STORM_KEYS, stormKey, stormTitle, type StormFigures } from './alarm-storm';

const SENDERS = 50;
const CHANNEL = '#bench-alertmanager';

/**
 * The storm's 10,000 alerts (same 100 keys, same titles, same 50 senders) to
 * Alertmanager, grouped by key with group_wait 0 s and a Slack receiver on the
 * same kind of loopback Slack server; set beside irbot's run of the storm.
 */
export async function sideBySide(irbot: StormFigures, log: (line: string) => void): Promise<Row[]> {
  const section = 'irbot vs Alertmanager';
  const found = ensureAlertmanager(log);
  if ('skipped' in found) return [{ section, measure: 'comparison', value: 'skipped', note: found.skipped }];
  const fake = await FakeSlackServer.start({ botToken: BOT_TOKEN });
  const am = await startAlertmanager(found.binary, `${fake.apiUrl}chat.postMessage`, BOT_TOKEN);
  const amPosts = () => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.params.channel === CHANNEL);
  try {
    const cpuBefore = cpuSeconds(am.pid);
    const peak = new PeakRss(am.pid);
    const firstSentAt = new Map<number, number>();
    const load = await boundedLoad({
      concurrency: SENDERS,
      durationMs: 120_000,
      maxRequests: STORM_ALARMS,
      send: async (i) => {
        const key = i % STORM_KEYS;
        if (!firstSentAt.has(key)) firstSentAt.set(key, Date.now());
        const alert = { labels: { alertname: 'BenchStorm', key: stormKey(key) }, annotations: { summary: stormTitle(key), n: String(i) } };
        const res = await fetch(`${am.baseUrl}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([alert]) });
        await res.arrayBuffer();
        return res.status;
      },
    });
    const notifiedAt = () => {
      const at = new Map<number, number>();
      for (const call of amPosts()) {
        const text = JSON.stringify(call.params);
        for (let k = 0; k < STORM_KEYS; k++) if (!at.has(k) && text.includes(stormTitle(k))) at.set(k, call.at);
      }
      return at;
    };
    await waitUntil(() => notifiedAt().size >= STORM_KEYS, 60_000, 500);
    // Anything Alertmanager would still send in the next group interval counts too.
    await new Promise((r) => setTimeout(r, 3000));
    const peakRss = peak.stop();
    const cpu = cpuSeconds(am.pid) - cpuBefore;
    const at = notifiedAt();
    const latency = summarize([...firstSentAt.entries()].map(([k, sent]) => (at.get(k) ?? Infinity) - sent));
    const i = irbot.firstNotification;
    return [
      { section, measure: 'alert → first Slack notification, irbot', value: `p50 ${ms(i.p50)}, p99 ${ms(i.p99)}`, note: 'per key: first alarm sent → first page posted (DM or alerts channel)' },
      { section, measure: 'alert → first Slack notification, Alertmanager', value: `p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)}`, note: `group_wait 0s, grouped by key; ${at.size}/${STORM_KEYS} keys notified; ${statusText(load.statuses)}` },
      { section, measure: 'CPU seconds, irbot / Alertmanager', value: `${irbot.cpuSeconds.toFixed(1)} s / ${cpu.toFixed(1)} s`, note: 'irbot: ingest to every alarm stored on its incident, with channels, pages, threads' },
      { section, measure: 'peak memory, irbot / Alertmanager', value: `${mib(irbot.peakRssKib)} / ${mib(peakRss)}`, note: 'RSS' },
      { section, measure: 'Slack notifications, irbot / Alertmanager', value: `${irbot.notifications} / ${amPosts().length}`, note: `irbot: page posts (DM + channel); all irbot Slack calls: ${irbot.slackCalls}` },
    ];
  } finally {
    await am.stop();
    await fake.close();
  }
}
