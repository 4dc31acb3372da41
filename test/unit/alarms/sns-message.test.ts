import { AlarmInputError } from '../../../src/adapters/http/alarms/alarm-input-error';
import { parseSnsEnvelope } from '../../../src/adapters/http/alarms/sns-message';
import { snsStringToSign } from '../../../src/adapters/http/alarms/sns-string-to-sign';

// Shaped like a real delivery (signature shortened: parsing does not check it).
const notification = {
  Type: 'Notification',
  MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
  TopicArn: 'arn:aws:sns:us-west-2:123456789012:MyTopic',
  Subject: 'My First Message',
  Message: 'Hello world!',
  Timestamp: '2012-05-02T00:54:06.655Z',
  SignatureVersion: '1',
  Signature: 'EXAMPLEw6JRN...',
  SigningCertURL: 'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem',
  UnsubscribeURL: 'https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-west-2:123456789012:MyTopic:c9135db0-26c4-47ec-8998-413945fb5a96',
  MessageAttributes: { source: { Type: 'String', Value: 'test' } },
};

const confirmation = {
  Type: 'SubscriptionConfirmation',
  MessageId: '165545c9-2a5c-472c-8df2-7ff2be2b3b1b',
  Token: '2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736',
  TopicArn: 'arn:aws:sns:us-west-2:123456789012:MyTopic',
  Message: 'You have chosen to subscribe to the topic arn:aws:sns:us-west-2:123456789012:MyTopic.\nTo confirm the subscription, visit the SubscribeURL included in this message.',
  SubscribeURL: 'https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-west-2:123456789012:MyTopic&Token=2336412f37',
  Timestamp: '2012-04-26T20:45:04.751Z',
  SignatureVersion: '1',
  Signature: 'EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=',
  SigningCertURL: 'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem',
};

function inputError(fn: () => unknown): AlarmInputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AlarmInputError);
    return e as AlarmInputError;
  }
  throw new Error('expected an AlarmInputError');
}

describe('parseSnsEnvelope', () => {
  it('accepts the raw text/plain body SNS posts as well as a parsed object', () => {
    expect(parseSnsEnvelope(JSON.stringify(notification))).toEqual(parseSnsEnvelope(notification));
    expect(parseSnsEnvelope(notification)).toMatchObject({ Type: 'Notification', MessageId: notification.MessageId, Subject: 'My First Message' });
  });

  it('accepts all three message types', () => {
    expect(parseSnsEnvelope(confirmation).Type).toBe('SubscriptionConfirmation');
    expect(parseSnsEnvelope({ ...confirmation, Type: 'UnsubscribeConfirmation' }).Type).toBe('UnsubscribeConfirmation');
  });

  it.each([
    ['not JSON', '{"Type": "Notification",', 'malformed', 'body: is not valid JSON'],
    ['a JSON array', '[]', 'malformed', 'body: expected an SNS message'],
    ['without Type', { ...notification, Type: undefined }, 'missing_field', 'Type: is required'],
    ['of an unknown Type', { ...notification, Type: 'Hello' }, 'malformed', 'Type: must be one of'],
    ['without Signature', { ...notification, Signature: undefined }, 'missing_field', 'Signature: is required'],
    ['with SignatureVersion 3', { ...notification, SignatureVersion: '3' }, 'malformed', 'SignatureVersion: must be one of "1", "2"'],
    ['with a numeric MessageId', { ...notification, MessageId: 42 }, 'malformed', 'MessageId: expected a string, got a number'],
    ['confirmation without SubscribeURL', { ...confirmation, SubscribeURL: undefined }, 'missing_field', 'SubscribeURL: is required'],
    ['confirmation without Token', { ...confirmation, Token: undefined }, 'missing_field', 'Token: is required'],
  ])('refuses a message %s with 400 naming the field', (_what, body, code, message) => {
    const err = inputError(() => parseSnsEnvelope(body));
    expect([err.status, err.code]).toEqual([400, code]);
    expect(err.message).toContain(message);
  });
});

describe('string to sign (AWS "Verifying the signatures of Amazon SNS messages")', () => {
  it('lists Message, MessageId, Subject, Timestamp, TopicArn, Type for a Notification', () => {
    expect(snsStringToSign(parseSnsEnvelope(notification))).toBe(
      'Message\nHello world!\nMessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\nSubject\nMy First Message\n' +
        'Timestamp\n2012-05-02T00:54:06.655Z\nTopicArn\narn:aws:sns:us-west-2:123456789012:MyTopic\nType\nNotification\n',
    );
  });

  it('leaves Subject out when the Notification has none', () => {
    const text = snsStringToSign(parseSnsEnvelope({ ...notification, Subject: undefined }));
    expect(text).not.toContain('Subject');
    expect(text.startsWith('Message\nHello world!\nMessageId\n')).toBe(true);
  });

  it('lists Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type for confirmations', () => {
    const c = confirmation;
    const expected = (type: string) =>
      `Message\n${c.Message}\nMessageId\n${c.MessageId}\nSubscribeURL\n${c.SubscribeURL}\n` +
      `Timestamp\n${c.Timestamp}\nToken\n${c.Token}\nTopicArn\n${c.TopicArn}\nType\n${type}\n`;
    expect(snsStringToSign(parseSnsEnvelope(c))).toBe(expected('SubscriptionConfirmation'));
    expect(snsStringToSign(parseSnsEnvelope({ ...c, Type: 'UnsubscribeConfirmation' }))).toBe(expected('UnsubscribeConfirmation'));
  });
});
