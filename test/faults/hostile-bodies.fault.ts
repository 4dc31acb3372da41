import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { FakeSlackServer } from '../support/fake-slack-server';
import { deletePrefix, REDIS_URL, uniquePrefix } from '../support/redis-cleanup';
import { writeTestPolicy } from '../support/test-policy';
import { hostileJson, hostileSlack, seeded, type HostileRequest } from './support/hostile-bodies';

const ALARM_TOKEN = 'fault-alarm-token-0123456789abcdef';
const SIGNING_SECRET = 'abcdef0123456789abcdef0123456789';
const BOT_TOKEN = 'xoxb-000000000-fault-token';

const PER_ROUTE = 1000;
const HOSTILE_CONCURRENCY = 4;
const VALID_REQUESTS = 300;
const VALID_CONCURRENCY = 4;

const json = 'application/json';
const bearer = `Bearer ${ALARM_TOKEN}`;
const examples: Record<string, { valid: Record<string, unknown>; required: string[]; contentType: string; auth: boolean }> = {
  '/alarms/generic': { valid: { key: 'k', title: 't', state: 'alarm' }, required: ['key', 'title', 'state'], contentType: json, auth: true },
  '/alarms/eventbridge': {
    valid: { version: '0', id: 'e1', 'detail-type': 'CloudWatch Alarm State Change', source: 'aws.cloudwatch', account: '123456789012', time: '2026-11-28T03:00:00Z', region: 'ap-northeast-1', resources: ['arn:aws:cloudwatch:ap-northeast-1:123456789012:alarm:x'], detail: { alarmName: 'x', state: { value: 'ALARM' } } },
    required: ['id', 'detail-type', 'detail', 'account'],
    contentType: json,
    auth: true,
  },
  '/alarms/alertmanager': { valid: { version: '4', groupKey: 'g', status: 'firing', receiver: 'irbot', alerts: [{ status: 'firing', labels: { alertname: 'A' }, fingerprint: 'f' }] }, required: ['version', 'alerts', 'groupKey'], contentType: json, auth: true },
  '/alarms/sns': { valid: { Type: 'Notification', MessageId: 'm', TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Message: '{}', Timestamp: '2026-11-28T00:00:00.000Z', SignatureVersion: '1', Signature: 'c2ln', SigningCertURL: 'https://sns.us-east-1.amazonaws.com.attacker.invalid/x.pem' }, required: ['Type', 'Signature', 'SigningCertURL', 'Message', 'TopicArn'], contentType: 'text/plain', auth: false },
};

/** Builds request `i` for a route: mostly hostile bodies with a good token, some with a bad one. */
function hostileRequest(route: string, i: number): HostileRequest {
  const rand = seeded(i * 7919 + route.length);
  if (route === '/slack/events') return hostileSlack(rand, SIGNING_SECRET, new URLSearchParams({ command: '/incident', text: 'resolve', user_id: 'U0EVIL', channel_id: 'C0EVIL', trigger_id: `t.${i}` }).toString());
  const ex = examples[route]!;
  const { kind, body } = hostileJson(rand, ex.valid, ex.required);
  const headers: Record<string, string> = { 'content-type': ex.contentType };
  if (ex.auth) headers.authorization = i % 10 === 0 ? 'Bearer not-the-token-not-the-token' : bearer;
  return { kind, body, headers };
}

async function timedValidAlarms(baseUrl: string, tag: string): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: VALID_CONCURRENCY }, async () => {
      while (next < VALID_REQUESTS) {
        const i = next++;
        const t0 = performance.now();
        const res = await fetch(`${baseUrl}/alarms/generic`, {
          method: 'POST',
          headers: { 'content-type': json, authorization: bearer },
          body: JSON.stringify({ key: `valid-${tag}-${i % 10}`, title: `Valid ${tag} ${i % 10}`, state: 'alarm' }),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 202) throw new Error(`valid alarm answered ${res.status}`);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

function isJsonError(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    return typeof body.error === 'string' && typeof body.message === 'string';
  } catch {
    return false;
  }
}

const p99 = (sorted: number[]) => sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? NaN;

/**
 * The built bot as its own process (Slack HTTP mode on a loopback Slack), so
 * generating hostile bodies costs the test process, not the bot's event loop.
 * Every request is built before the clock starts.
 */
describe('1,000 malformed or hostile bodies on every route', () => {
  let fake: FakeSlackServer;
  let bot: BotProcess;
  const prefix = uniquePrefix('hostile');
  const dataDir = mkdtempSync(join(tmpdir(), 'irbot-hostile-'));
  beforeAll(async () => {
    fake = await FakeSlackServer.start({ botToken: BOT_TOKEN });
    bot = await startBotProcess({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      STORE: 'local',
      DATA_DIR: dataDir,
      ESCALATION_POLICY: writeTestPolicy({ ackTimeout: '1h' }),
      ALARM_TOKEN,
      LOG_LEVEL: 'error',
    });
  }, 60000);
  afterAll(async () => {
    if (bot.child.exitCode === null) bot.child.kill('SIGTERM');
    await bot.exited;
    await fake.close();
    await deletePrefix(prefix);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('every hostile request gets a 4xx, the bot stays up, valid traffic keeps its p99 within 2× of a quiet run', async () => {
    // Warm-up, so the quiet run is not measuring first-request costs.
    await timedValidAlarms(bot.baseUrl, 'warm');
    const quiet = await timedValidAlarms(bot.baseUrl, 'quiet');

    const routes = ['/slack/events', ...Object.keys(examples)];
    const answers: { route: string; i: number; kind: string; status: number; jsonError: boolean }[] = [];
    const work = routes.flatMap((route) => Array.from({ length: PER_ROUTE }, (_, i) => ({ route, i, req: hostileRequest(route, i) })));
    let next = 0;
    let hostileDone = false;
    const hostile = Promise.all(
      Array.from({ length: HOSTILE_CONCURRENCY }, async () => {
        while (next < work.length) {
          const { route, i, req } = work[next++]!;
          const res = await fetch(`${bot.baseUrl}${route}`, { method: 'POST', headers: req.headers, body: req.body }).catch(() => undefined);
          const text = (await res?.text().catch(() => undefined)) ?? '';
          answers.push({ route, i, kind: req.kind, status: res?.status ?? 0, jsonError: isJsonError(text) });
        }
      }),
    ).finally(() => (hostileDone = true));
    const underAttack: number[] = [];
    while (!hostileDone) underAttack.push(...(await timedValidAlarms(bot.baseUrl, 'attack')));
    await hostile;
    underAttack.sort((a, b) => a - b);
    // A second quiet run after the attack: the baseline is the worse of the two, so
    // a neighbour's load drifting on a shared 2-core machine is not blamed on the attack.
    const quietAfter = await timedValidAlarms(bot.baseUrl, 'after');
    const baseline = Math.max(p99(quiet), p99(quietAfter));

    const bad = answers.filter((a) => a.status < 400 || a.status > 499);
    const byStatus = answers.reduce<Record<number, number>>((m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }), {});
    console.log(`hostile bodies: ${answers.length} requests over ${routes.length} routes, answers ${JSON.stringify(byStatus)}; valid alarm p99 quiet ${p99(quiet).toFixed(1)} ms (after: ${p99(quietAfter).toFixed(1)} ms), under attack ${p99(underAttack).toFixed(1)} ms (${underAttack.length} requests)`);
    expect(bad.slice(0, 10).map((b) => `${b.route} #${b.i} ${b.kind} → ${b.status}`)).toEqual([]);
    expect(answers).toHaveLength(routes.length * PER_ROUTE);
    // The contract: every 4xx says what was wrong as `{ "error", "message" }` (Slack's route included).
    expect(answers.filter((a) => !a.jsonError).slice(0, 10).map((b) => `${b.route} #${b.i} ${b.kind} → ${b.status} without a JSON error body`)).toEqual([]);
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
    expect(p99(underAttack)).toBeLessThanOrEqual(2 * baseline);

    // Nothing hostile was accepted: the bot counted exactly the valid alarms.
    const metrics = await (await fetch(`${bot.baseUrl}/metrics`)).text();
    const accepted = metrics.split('\n').filter((l) => l.startsWith('irbot_alarms_received_total{') && l.includes('outcome="accepted"'));
    const validSent = 3 * VALID_REQUESTS + underAttack.length; // warm-up, two quiet runs, runs under attack
    expect(accepted.reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0)).toBe(validSent);
  });
});
