import { cloudWatchAlarmFromEventBridge, cloudWatchAlarmFromSns } from '../../../src/adapters/http/alarms/cloudwatch';
import { parseSnsEnvelope, type SnsEnvelope } from '../../../src/adapters/http/alarms/sns-message';
import { TEST_ALARM_ARN, cloudWatchAlarmMessage } from '../../support/sns-signing';
import { eventBridgeAlarmEvent } from './fixtures';

// Signatures are checked elsewhere; these envelopes only need the SNS shape.
function snsNotification(message: Record<string, unknown> | string, messageId = 'b3b4ab3a-5d2c-5e3f-9d2e-2a8e1d6b8f10'): SnsEnvelope {
  return parseSnsEnvelope({
    Type: 'Notification',
    MessageId: messageId,
    TopicArn: 'arn:aws:sns:us-east-1:123456789012:irbot-alarms',
    Subject: 'ALARM: "api-5xx-rate-high" in US East (N. Virginia)',
    Message: typeof message === 'string' ? message : JSON.stringify(message),
    Timestamp: '2024-05-14T10:20:31.312Z',
    SignatureVersion: '1',
    Signature: 'c2lnbmF0dXJl',
    SigningCertURL: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-60eadc530605d63b8e62a523676ef735.pem',
  });
}

describe('CloudWatch alarm via SNS', () => {
  it('turns an ALARM notification into an alarm signal keyed by the alarm ARN', () => {
    const signal = cloudWatchAlarmFromSns(snsNotification(cloudWatchAlarmMessage()));
    expect(signal).toMatchObject({
      source: 'cloudwatch-sns',
      deliveryId: 'sns:b3b4ab3a-5d2c-5e3f-9d2e-2a8e1d6b8f10',
      dedupKey: `cloudwatch:${TEST_ALARM_ARN}`,
      state: 'alarm',
      title: 'api-5xx-rate-high: More than 5% of API requests failed with 5xx for 5 minutes.',
      occurredAt: '2024-05-14T10:20:31.245Z',
    });
    expect(signal.details).toMatchObject({
      account: '123456789012',
      region: 'us-east-1',
      regionName: 'US East (N. Virginia)',
      metric: 'HTTPCode_Target_5XX_Count',
      namespace: 'AWS/ApplicationELB',
      dimensions: 'LoadBalancer=app/api-prod/50dc6c495c0c9188',
      threshold: 'GreaterThanThreshold 5',
      previousState: 'OK',
    });
    expect(signal.details['reason']).toMatch(/^Threshold Crossed/);
    for (const value of Object.values(signal.details)) expect(typeof value).toBe('string');
  });

  it.each([
    ['OK', 'ok'],
    ['INSUFFICIENT_DATA', 'insufficient_data'],
  ])('maps %s to %s', (cw, state) => {
    expect(cloudWatchAlarmFromSns(snsNotification(cloudWatchAlarmMessage({ NewStateValue: cw, OldStateValue: 'ALARM' }))).state).toBe(state);
  });

  it('keys an alarm without an ARN by account and name', () => {
    const signal = cloudWatchAlarmFromSns(snsNotification(cloudWatchAlarmMessage({ AlarmArn: undefined })));
    expect(signal.dedupKey).toBe('cloudwatch:123456789012:api-5xx-rate-high');
  });

  it('handles a composite alarm (no Trigger, null description)', () => {
    const signal = cloudWatchAlarmFromSns(
      snsNotification(cloudWatchAlarmMessage({ Trigger: undefined, AlarmDescription: null, AlarmRule: 'ALARM("api-5xx-rate-high") OR ALARM("api-latency")' })),
    );
    expect(signal.title).toBe('api-5xx-rate-high');
    expect(signal.details['alarmRule']).toBe('ALARM("api-5xx-rate-high") OR ALARM("api-latency")');
  });

  it('keeps the title short when the description is long', () => {
    const signal = cloudWatchAlarmFromSns(snsNotification(cloudWatchAlarmMessage({ AlarmDescription: 'x'.repeat(5000) })));
    expect(signal.title.length).toBeLessThanOrEqual(300);
    expect(signal.details['description']?.length).toBeLessThanOrEqual(2000);
  });

  it.each([
    ['plain text', 'Hello from a cron job'],
    ['JSON that is not an alarm', { Records: [{ eventSource: 'aws:s3' }] }],
  ])('refuses a Notification carrying %s with 400 unsupported', (_what, message) => {
    expect(() => cloudWatchAlarmFromSns(snsNotification(message))).toThrow(expect.objectContaining({ status: 400, code: 'unsupported' }));
  });

  it('names the broken field inside Message', () => {
    expect(() => cloudWatchAlarmFromSns(snsNotification(cloudWatchAlarmMessage({ NewStateValue: 'PANIC' })))).toThrow(
      expect.objectContaining({ status: 400, code: 'malformed', message: expect.stringContaining('Message.NewStateValue: must be one of "ALARM", "OK", "INSUFFICIENT_DATA"') }),
    );
  });

  it('refuses a SubscriptionConfirmation as carrying no alarm', () => {
    const confirmation = parseSnsEnvelope({
      Type: 'SubscriptionConfirmation',
      MessageId: '165545c9-2a5c-472c-8df2-7ff2be2b3b1b',
      Token: '2336412f37fb687f',
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:irbot-alarms',
      Message: 'You have chosen to subscribe to the topic arn:aws:sns:us-east-1:123456789012:irbot-alarms.',
      SubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=2336412f37fb687f',
      Timestamp: '2024-05-14T10:20:31.312Z',
      SignatureVersion: '1',
      Signature: 'c2lnbmF0dXJl',
      SigningCertURL: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-60eadc530605d63b8e62a523676ef735.pem',
    });
    expect(() => cloudWatchAlarmFromSns(confirmation)).toThrow(expect.objectContaining({ code: 'unsupported' }));
  });
});

describe('CloudWatch alarm via EventBridge', () => {
  it('turns a CloudWatch Alarm State Change event into a signal', () => {
    const signal = cloudWatchAlarmFromEventBridge(eventBridgeAlarmEvent());
    expect(signal).toMatchObject({
      source: 'cloudwatch-eventbridge',
      deliveryId: 'eventbridge:c4c1c1c9-6542-e61b-6ef0-8c4d36933a92',
      dedupKey: `cloudwatch:${TEST_ALARM_ARN}`,
      state: 'alarm',
      title: 'api-5xx-rate-high: More than 5% of API requests failed with 5xx for 5 minutes.',
      occurredAt: '2024-05-14T10:20:31.245Z',
    });
    expect(signal.details).toMatchObject({ account: '123456789012', region: 'us-east-1', metric: 'HTTPCode_Target_5XX_Count', dimensions: 'LoadBalancer=app/api-prod/50dc6c495c0c9188' });
  });

  it('gives the same dedup key as the SNS delivery of the same alarm, so both land on one incident', () => {
    const viaSns = cloudWatchAlarmFromSns(snsNotification(cloudWatchAlarmMessage()));
    const viaEventBridge = cloudWatchAlarmFromEventBridge(eventBridgeAlarmEvent());
    expect(viaEventBridge.dedupKey).toBe(viaSns.dedupKey);
    expect(viaEventBridge.deliveryId).not.toBe(viaSns.deliveryId);
  });

  it('gives the same fallback key as SNS when neither carries an ARN', () => {
    const viaSns = cloudWatchAlarmFromSns(snsNotification(cloudWatchAlarmMessage({ AlarmArn: undefined })));
    expect(cloudWatchAlarmFromEventBridge(eventBridgeAlarmEvent({ resources: [] })).dedupKey).toBe(viaSns.dedupKey);
  });

  it.each([
    ['OK', 'ok'],
    ['INSUFFICIENT_DATA', 'insufficient_data'],
  ])('maps %s to %s', (value, state) => {
    expect(cloudWatchAlarmFromEventBridge(eventBridgeAlarmEvent({ state: value })).state).toBe(state);
  });

  it('refuses other event types with 400 unsupported', () => {
    const event = { ...eventBridgeAlarmEvent(), 'detail-type': 'EC2 Instance State-change Notification', source: 'aws.ec2' };
    expect(() => cloudWatchAlarmFromEventBridge(event)).toThrow(expect.objectContaining({ status: 400, code: 'unsupported' }));
  });

  it('names the missing field', () => {
    const event = eventBridgeAlarmEvent();
    delete (event['detail'] as Record<string, unknown>)['alarmName'];
    expect(() => cloudWatchAlarmFromEventBridge(event)).toThrow(
      expect.objectContaining({ status: 400, code: 'missing_field', message: 'detail.alarmName: is required' }),
    );
  });
});
