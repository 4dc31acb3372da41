import { FakeSlackServer, dmChannelOf } from '../../test/support/fake-slack-server';
import { L2_RESPONDER, writeBenchPolicy } from '../lib/bench-policy';
import { ALARM_TOKEN, ALERTS_CHANNEL, BOT_TOKEN, startBotUnderTest } from '../lib/bot-under-test';
import type { Row } from '../lib/markdown';
import { ms, summarize } from '../lib/stats';
import { storedOpenIncidents } from '../lib/stored-incidents';
import { waitUntil } from '../lib/wait-until';

const INCIDENTS = 200;
const TIMEOUT_MS = 2000;
const WAIT_LIMIT_MS = 90_000;

/**
 * 200 incidents whose L1 has a 2 s ack timeout and nobody acks: how late after
 * "opened + 2 s" each escalation is stored, and how late L2's page reaches Slack.
 */
export async function escalationTimers(): Promise<Row[]> {
  const fake = await FakeSlackServer.start({ botToken: BOT_TOKEN });
  fake.addChannel(ALERTS_CHANNEL, 'incident-alerts', true);
  const bot = await startBotUnderTest({ slackApiUrl: fake.apiUrl, policyPath: writeBenchPolicy(`${TIMEOUT_MS / 1000}s`) });
  const l2Dm = dmChannelOf(L2_RESPONDER);
  const l2Pages = () => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.params.channel === l2Dm);
  let escalatedLate: number[] = [];
  let pagedLate: number[] = [];
  let escalations = 0;
  try {
    await Promise.all(
      Array.from({ length: INCIDENTS }, async (_, n) => {
        const res = await fetch(`${bot.baseUrl}/alarms/generic`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ALARM_TOKEN}` },
          body: JSON.stringify({ key: `bench-esc-${n}`, title: `Bench escalation e${String(n).padStart(3, '0')} down`, state: 'alarm' }),
        });
        await res.arrayBuffer();
      }),
    );
    await waitUntil(() => l2Pages().length >= INCIDENTS, WAIT_LIMIT_MS, 250);
    const pageAt = new Map<string, number>();
    for (const call of l2Pages()) {
      const title = /Bench escalation e\d{3}/.exec(String(call.params.text ?? ''))?.[0];
      if (title && !pageAt.has(title)) pageAt.set(title, call.at);
    }
    await bot.stop(async (dataDir) => {
      for (const { state, events } of await storedOpenIncidents(dataDir)) {
        const due = Date.parse(state.openedAt) + TIMEOUT_MS;
        const escalated = events.find((e) => e.type === 'Escalated');
        if (!escalated) continue;
        escalations += 1;
        escalatedLate.push(Date.parse(escalated.at) - due);
        const paged = pageAt.get(/Bench escalation e\d{3}/.exec(state.title)?.[0] ?? '');
        if (paged !== undefined) pagedLate.push(paged - due);
      }
    });
  } finally {
    if (bot.child.exitCode === null) await bot.stop();
    await fake.close();
  }
  escalatedLate = escalatedLate.filter(Number.isFinite);
  pagedLate = pagedLate.filter(Number.isFinite);
  const e = summarize(escalatedLate);
  const p = summarize(pagedLate);
  const section = 'Escalation timers';
  return [
    { section, measure: `escalations fired (of ${INCIDENTS})`, value: String(escalations), note: `${TIMEOUT_MS / 1000} s L1 ack timeout, nobody acks` },
    { section, measure: 'Escalated stored, late by', value: `p50 ${ms(e.p50)}, p99 ${ms(e.p99)}, max ${ms(e.max)}`, note: 'after opened + timeout' },
    { section, measure: "L2's page in Slack, late by", value: `p50 ${ms(p.p50)}, p99 ${ms(p.p99)}, max ${ms(p.max)}`, note: `${p.count} DMs to L2` },
  ];
}
