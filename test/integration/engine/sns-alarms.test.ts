import { createHttpsCertificateFetcher } from '../../../src/adapters/http/alarms/sns-verify';
import { confirmSubscription } from '../../../src/adapters/http/alarms/sns-subscription';
import { foldIncident } from '../../../src/domain/incident-state';
import { CERT_PATH, CONFIRM_PATH, cloudWatchAlarmMessage, startSnsTestServer, TEST_ALARM_ARN, TEST_TOPIC_ARN, type SnsTestServer } from '../../support/sns-signing';
import { startTestBot, type TestBot } from '../../support/start-test-bot';
import { waitFor } from '../../support/wait-for';

describe('CloudWatch alarms through signed SNS notifications', () => {
  let sns: SnsTestServer;
  let t: TestBot;

  beforeAll(async () => {
    sns = await startSnsTestServer();
    const hostPattern = sns.certHostPattern.source;
    t = await startTestBot({
      env: { SNS_CERT_HOST_PATTERN: hostPattern, SNS_TOPIC_ARNS: TEST_TOPIC_ARN },
      policy: { ackTimeout: '1h' },
      botOptions: {
        sns: {
          fetchCertificate: createHttpsCertificateFetcher({ ca: sns.caPem }),
          confirm: (url) => confirmSubscription(url, { certHostPattern: sns.certHostPattern, ca: sns.caPem }),
        },
      },
    });
  });
  afterAll(async () => {
    await t.stop();
    await sns.close();
  });

  const post = (body: unknown) =>
    fetch(`${t.baseUrl}/alarms/sns`, { method: 'POST', headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification' }, body: JSON.stringify(body) });
  const incidents = () => t.bot.ctx.store.listOpen();
  const stateOf = async (id: string) => foldIncident(await t.bot.ctx.store.load(id));

  it('confirms a subscription by visiting SubscribeURL on the trusted host', async () => {
    const res = await post(sns.subscriptionConfirmation({ version: 2 }));
    expect(res.status).toBe(200);
    expect(sns.hits(CONFIRM_PATH)).toBe(1);
  });

  it('opens one incident from a v1-signed notification; the same MessageId again opens nothing; a second ALARM joins', async () => {
    const first = sns.cloudWatchNotification({ version: 1, messageId: 'b3a1c0de-0001' });
    expect((await post(first)).status).toBe(200);
    const incident = await waitFor('the incident', async () => (await incidents()).find((i) => i.dedupKey === `cloudwatch:${TEST_ALARM_ARN}`));
    expect(incident.title).toContain('api-5xx-rate-high');
    await waitFor('the alarm recorded', async () => (await stateOf(incident.incidentId)).alarmCount === 1);

    // SNS redelivers the very same message.
    expect((await post(first)).status).toBe(200);
    const second = sns.cloudWatchNotification({ version: 2, messageId: 'b3a1c0de-0002', message: cloudWatchAlarmMessage({ StateChangeTime: '2024-05-14T10:25:31.245+0000' }) });
    expect((await post(second)).status).toBe(200);
    await waitFor('the second ALARM on the same incident', async () => (await stateOf(incident.incidentId)).alarmCount === 2);
    // The redelivery has been processed too by now (it was enqueued before the second one) and added nothing.
    const state = await stateOf(incident.incidentId);
    expect([...state.deliveryIds].sort()).toEqual(['sns:b3a1c0de-0001', 'sns:b3a1c0de-0002']);
    expect(await incidents()).toHaveLength(1);
    // The signing certificate was fetched once and cached.
    expect(sns.hits(CERT_PATH)).toBe(1);
  });

  it('refuses a tampered body with 403 and stores nothing', async () => {
    const before = await incidents();
    const signed = sns.cloudWatchNotification({ version: 2, messageId: 'tampered-1', message: cloudWatchAlarmMessage({ AlarmName: 'db-down', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:db-down' }) });
    const tampered = { ...signed, Message: signed.Message!.replace('db-down', 'db-d0wn') };
    const res = await post(tampered);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe('bad_signature');
    expect(await incidents()).toEqual(before);
  });

  it('never fetches a certificate from an untrusted host', async () => {
    const hitsBefore = sns.totalHits();
    const signed = sns.cloudWatchNotification({ version: 1, messageId: 'evil-1', signingCertUrl: 'https://sns.evil.example.com/SimpleNotificationService-x.pem' });
    const res = await post(signed);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe('untrusted_cert_host');
    expect(sns.totalHits()).toBe(hitsBefore);
  });

  it('an OK notification resolves the incident', async () => {
    const [incident] = await incidents();
    const ok = sns.cloudWatchNotification({ version: 2, messageId: 'b3a1c0de-0003', message: cloudWatchAlarmMessage({ NewStateValue: 'OK', OldStateValue: 'ALARM' }) });
    expect((await post(ok)).status).toBe(200);
    await waitFor('resolved', async () => (await stateOf(incident!.incidentId)).status === 'resolved');
  });
});
