import { join } from 'node:path';
import { FakeSlackServer } from '../../test/support/fake-slack-server';
import { boundedLoad, statusText, type LoadResult } from '../lib/bounded-load';
import { L1_RESPONDER, writeBenchPolicy } from '../lib/bench-policy';
import { ALARM_TOKEN, ALERTS_CHANNEL, BOT_TOKEN, SIGNING_SECRET, startBotUnderTest } from '../lib/bot-under-test';
import { startChildServer } from '../lib/child-server';
import { postedIncidents, type PostedIncident } from '../lib/incident-message';
import type { Row } from '../lib/markdown';
import { buttonPressBody, postSigned, slashCommandBody } from '../lib/slack-requests';
import { ms, summarize } from '../lib/stats';
import { waitUntil } from '../lib/wait-until';

const CONCURRENCY = 50;
const DURATION_MS = Number(process.env.BENCH_ACK_SECONDS ?? 20) * 1000;
const MAX_REQUESTS = 200_000;
const INCIDENTS = 5;
const SLACK_LIMIT_MS = 3000;

/**
 * Signed slash commands (`/incident status` in an incident channel) and
 * Acknowledge clicks, half and half, 50 at a time for 20 s: first against a
 * bare Bolt app that only acks, then against irbot, whose handlers do the
 * real work after the ack on the same process.
 */
export async function ackLatency(): Promise<Row[]> {
  const fake = await FakeSlackServer.start({ botToken: BOT_TOKEN });
  fake.addChannel(ALERTS_CHANNEL, 'incident-alerts', true);
  try {
    const bare = await startChildServer(join(__dirname, '..', 'bare-bolt-app.js'), { SLACK_SIGNING_SECRET: SIGNING_SECRET });
    let baseline: LoadResult;
    try {
      baseline = await drive(bare.baseUrl, fake, [{ incidentId: 'inc-none', channelId: 'CNONE', ts: '1.000001' }]);
    } finally {
      await bare.stop();
    }

    const bot = await startBotUnderTest({ slackApiUrl: fake.apiUrl, policyPath: writeBenchPolicy('1h') });
    let irbot: LoadResult;
    try {
      const targets = await openIncidents(bot.baseUrl, fake);
      irbot = await drive(bot.baseUrl, fake, targets);
    } finally {
      await bot.stop();
    }

    if (process.env.BENCH_VERBOSE) process.stdout.write(`slowest acks (sent at → took): ${slowest(irbot)}\n`);
    const b = summarize(baseline.latenciesMs);
    const i = summarize(irbot.latenciesMs);
    const section = 'Slack ack latency';
    const seconds = DURATION_MS / 1000;
    return [
      { section, measure: 'bare Bolt app (ack only)', value: `p50 ${ms(b.p50)}, p99 ${ms(b.p99)}, max ${ms(b.max)}`, note: `${b.count} requests in ${seconds} s (${statusText(baseline.statuses)})` },
      { section, measure: 'irbot', value: `p50 ${ms(i.p50)}, p99 ${ms(i.p99)}, max ${ms(i.max)}`, note: `${i.count} requests in ${seconds} s (${statusText(irbot.statuses)}${irbot.errors ? `, ${irbot.errors} errors` : ''})` },
      { section, measure: 'irbot ÷ bare Bolt', value: `p50 ×${(i.p50 / b.p50).toFixed(2)}, p99 ×${(i.p99 / b.p99).toFixed(2)}`, note: `${CONCURRENCY} concurrent, slash commands and Acknowledge clicks alternating` },
      { section, measure: `irbot max vs Slack's ${SLACK_LIMIT_MS / 1000} s limit`, value: i.max < SLACK_LIMIT_MS ? 'within' : 'OVER', note: `max ${ms(i.max)}` },
    ];
  } finally {
    await fake.close();
  }
}

/** A few incidents with channels and pinned messages, for commands and clicks to act on. */
async function openIncidents(baseUrl: string, fake: FakeSlackServer): Promise<PostedIncident[]> {
  for (let n = 0; n < INCIDENTS; n++) {
    const res = await fetch(`${baseUrl}/alarms/generic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ALARM_TOKEN}` },
      body: JSON.stringify({ key: `bench-ack-${n}`, title: `Bench ack target ${n}`, state: 'alarm' }),
    });
    if (res.status !== 202) throw new Error(`alarm for the ack bench answered ${res.status}`);
  }
  if (!(await waitUntil(() => postedIncidents(fake).length >= INCIDENTS, 30_000))) throw new Error('the ack bench incidents were not posted in 30 s');
  return postedIncidents(fake);
}

function drive(baseUrl: string, fake: FakeSlackServer, targets: PostedIncident[]): Promise<LoadResult> {
  return boundedLoad({
    concurrency: CONCURRENCY,
    durationMs: DURATION_MS,
    maxRequests: MAX_REQUESTS,
    send: (n) => {
      const target = targets[n % targets.length] as PostedIncident;
      const responseUrl = fake.responseUrl(`bench-${n}`);
      const body =
        n % 2 === 0
          ? slashCommandBody('status', target.channelId, L1_RESPONDER, n, responseUrl)
          : buttonPressBody('incident_ack', target.incidentId, target.channelId, L1_RESPONDER, target.ts, n, responseUrl);
      return postSigned(baseUrl, SIGNING_SECRET, body);
    },
  });
}

function slowest(load: LoadResult): string {
  return load.latenciesMs
    .map((took, i) => ({ took, at: load.sentAtMs[i] ?? 0 }))
    .sort((a, b) => b.took - a.took)
    .slice(0, 8)
    .map((r) => `${(r.at / 1000).toFixed(1)} s → ${ms(r.took)}`)
    .join(', ');
}
