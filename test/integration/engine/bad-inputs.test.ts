import { startTestBot, TEST_ALARM_TOKEN, type TestBot } from '../../support/start-test-bot';

type Case = {
  name: string;
  route: string;
  body: string | Buffer;
  headers?: Record<string, string>;
  status: number;
  error: string;
};

const json = 'application/json';
const bearer = `Bearer ${TEST_ALARM_TOKEN}`;
const generic = JSON.stringify({ key: 'k', title: 't', state: 'alarm' });
const huge = JSON.stringify({ key: 'k', title: 't', state: 'alarm', details: { blob: 'x'.repeat(300 * 1024) } });
const deep = '['.repeat(100000) + ']'.repeat(100000);

const cases: Case[] = [
  // Every token-protected route, every way of getting the token wrong.
  ...['/alarms/generic', '/alarms/eventbridge', '/alarms/alertmanager'].flatMap((route): Case[] => [
    { name: `${route} without a token`, route, body: generic, headers: { 'content-type': json }, status: 401, error: 'missing_token' },
    { name: `${route} with a wrong token`, route, body: generic, headers: { 'content-type': json, authorization: 'Bearer wrong-token-wrong-token' }, status: 401, error: 'bad_token' },
    { name: `${route} with malformed JSON`, route, body: '{"key": ', headers: { 'content-type': json, authorization: bearer }, status: 400, error: 'malformed' },
    { name: `${route} with the wrong content type`, route, body: generic, headers: { 'content-type': 'text/html', authorization: bearer }, status: 415, error: 'unsupported_media_type' },
    { name: `${route} over 256 KiB`, route, body: huge, headers: { 'content-type': json, authorization: bearer }, status: 413, error: 'payload_too_large' },
    { name: `${route} with deeply nested JSON`, route, body: deep, headers: { 'content-type': json, authorization: bearer }, status: 400, error: 'malformed' },
  ]),
  { name: 'generic without a key', route: '/alarms/generic', body: JSON.stringify({ title: 't', state: 'alarm' }), headers: { 'content-type': json, authorization: bearer }, status: 400, error: 'missing_field' },
  { name: 'generic with an unknown state', route: '/alarms/generic', body: JSON.stringify({ key: 'k', title: 't', state: 'boom' }), headers: { 'content-type': json, authorization: bearer }, status: 400, error: 'malformed' },
  { name: 'generic as a JSON array', route: '/alarms/generic', body: '[1,2]', headers: { 'content-type': json, authorization: bearer }, status: 400, error: 'malformed' },
  { name: 'alertmanager of another version', route: '/alarms/alertmanager', body: JSON.stringify({ version: '3', alerts: [] }), headers: { 'content-type': json, authorization: bearer }, status: 400, error: 'unsupported' },
  { name: 'eventbridge event of another type', route: '/alarms/eventbridge', body: JSON.stringify({ version: '0', id: '7bf73129-1428-4cd3-a780-95db273d1602', 'detail-type': 'EC2 Instance State-change Notification', source: 'aws.ec2', account: '123456789012', time: '2026-11-28T03:00:00Z', region: 'ap-northeast-1', resources: ['arn:aws:ec2:ap-northeast-1:123456789012:instance/i-0abc'], detail: { 'instance-id': 'i-0abc', state: 'stopped' } }), headers: { 'content-type': json, authorization: bearer }, status: 400, error: 'unsupported' },
  { name: 'sns with malformed JSON', route: '/alarms/sns', body: '{"Type":', headers: { 'content-type': 'text/plain' }, status: 400, error: 'malformed' },
  { name: 'sns without a signature', route: '/alarms/sns', body: JSON.stringify({ Type: 'Notification', MessageId: 'm', TopicArn: 'arn:aws:sns:ap-northeast-1:123456789012:alarms', Message: '{}', Timestamp: '2026-11-28T00:00:00.000Z', SignatureVersion: '1', SigningCertURL: 'https://sns.ap-northeast-1.amazonaws.com/SimpleNotificationService-x.pem' }), headers: { 'content-type': 'text/plain' }, status: 400, error: 'missing_field' },
  { name: 'sns over 256 KiB', route: '/alarms/sns', body: huge, headers: { 'content-type': 'text/plain' }, status: 413, error: 'payload_too_large' },
  { name: 'sns with the wrong content type', route: '/alarms/sns', body: generic, headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, error: 'unsupported_media_type' },
  {
    name: 'sns from a topic not on the allow-list',
    route: '/alarms/sns',
    body: JSON.stringify({ Type: 'Notification', MessageId: 'm1', TopicArn: 'arn:aws:sns:us-east-1:999999999999:other', Message: '{}', Timestamp: '2026-11-28T00:00:00.000Z', SignatureVersion: '1', Signature: 'c2ln', SigningCertURL: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-x.pem' }),
    headers: { 'content-type': 'text/plain' },
    status: 403,
    error: 'topic_not_allowed',
  },
  { name: 'an unknown route', route: '/alarms/nagios', body: generic, headers: { 'content-type': json, authorization: bearer }, status: 404, error: 'not_found' },
];

describe('bad input on every route gets its 4xx and changes nothing', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ env: { SNS_TOPIC_ARNS: 'arn:aws:sns:ap-northeast-1:123456789012:alarms' } });
  });
  afterAll(() => t.stop());

  it.each(cases)('$name → $status $error', async (c) => {
    const res = await fetch(`${t.baseUrl}${c.route}`, { method: 'POST', headers: c.headers, body: c.body });
    expect(res.status).toBe(c.status);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe(c.error);
    expect(body.message.length).toBeGreaterThan(5);
  });

  it('left the store and the queue untouched', async () => {
    expect(await t.bot.ctx.store.listOpen()).toEqual([]);
    const counts = await t.bot.queue.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    // Only the start-up reconcile job ever ran; no alarm was enqueued.
    const ingest = (await t.bot.queue.queue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed'])).filter((j) => j.name === 'ingest-alarm');
    expect(ingest).toEqual([]);
    expect(counts.failed).toBe(0);
  });
});
