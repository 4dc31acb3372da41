import { AlarmInputError } from '../../../src/adapters/http/alarms/alarm-input-error';
import { parseSnsEnvelope } from '../../../src/adapters/http/alarms/sns-message';
import { createHttpsCertificateFetcher, createSnsVerifier } from '../../../src/adapters/http/alarms/sns-verify';
import { TEST_TOPIC_ARN, startSnsTestServer, type SnsTestServer } from '../../support/sns-signing';

let sns: SnsTestServer;
beforeAll(async () => {
  sns = await startSnsTestServer();
});
afterAll(() => sns.close());

function verifier(topicAllowList?: string[]) {
  return createSnsVerifier({ certHostPattern: sns.certHostPattern, topicAllowList, fetchCertificate: createHttpsCertificateFetcher({ ca: sns.caPem }) });
}

async function rejection(p: Promise<unknown>): Promise<AlarmInputError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AlarmInputError);
  return err as AlarmInputError;
}

describe('SNS signature verification', () => {
  it.each([1, 2] as const)('accepts a Notification signed with SignatureVersion %i', async (version) => {
    await expect(verifier().verify(parseSnsEnvelope(sns.cloudWatchNotification({ version })))).resolves.toBeUndefined();
  });

  it('accepts a Notification without a Subject', async () => {
    await expect(verifier().verify(parseSnsEnvelope(sns.cloudWatchNotification({ subject: null })))).resolves.toBeUndefined();
  });

  it.each([1, 2] as const)('accepts a SubscriptionConfirmation signed with version %i', async (version) => {
    await expect(verifier().verify(parseSnsEnvelope(sns.subscriptionConfirmation({ version })))).resolves.toBeUndefined();
  });

  it.each(['Message', 'Subject', 'TopicArn', 'Timestamp', 'MessageId'])('rejects a Notification whose %s was changed after signing with 403', async (field) => {
    const body = sns.cloudWatchNotification();
    body[field] = `${body[field]}x`;
    const err = await rejection(verifier().verify(parseSnsEnvelope(body)));
    expect([err.status, err.code]).toEqual([403, 'bad_signature']);
  });

  it('rejects a SubscriptionConfirmation whose SubscribeURL was swapped', async () => {
    const body = { ...sns.subscriptionConfirmation(), SubscribeURL: `${sns.origin}/confirm?Action=ConfirmSubscription&Token=evil` };
    expect((await rejection(verifier().verify(parseSnsEnvelope(body)))).code).toBe('bad_signature');
  });

  it('rejects a signature made with SHA1 but labelled version 2', async () => {
    const body = { ...sns.cloudWatchNotification({ version: 1 }), SignatureVersion: '2' };
    expect((await rejection(verifier().verify(parseSnsEnvelope(body)))).code).toBe('bad_signature');
  });

  it('rejects a message signed by a key other than the certificate one', async () => {
    const other = await startSnsTestServer();
    try {
      const forged = other.cloudWatchNotification({ signingCertUrl: sns.certUrl });
      expect((await rejection(verifier().verify(parseSnsEnvelope(forged)))).code).toBe('bad_signature');
    } finally {
      await other.close();
    }
  });
});

describe('SigningCertURL is checked before anything is fetched', () => {
  it.each([
    ['an untrusted host', 'https://evil.example.com/SimpleNotificationService-test.pem'],
    ['a look-alike host', 'https://sns.us-east-1.amazonaws.com.evil.example/SimpleNotificationService-test.pem'],
    ['credentials hiding the real host', 'https://127.0.0.1@evil.example.com/SimpleNotificationService-test.pem'],
    ['credentials on a trusted host', 'https://user:secret@127.0.0.1/SimpleNotificationService-test.pem'],
  ])('rejects %s with 403 and makes no request', async (_what, certUrl) => {
    const fetched: URL[] = [];
    const v = createSnsVerifier({ certHostPattern: sns.certHostPattern, fetchCertificate: async (u) => (fetched.push(u), '') });
    const before = sns.totalHits();
    const err = await rejection(v.verify(parseSnsEnvelope(sns.cloudWatchNotification({ signingCertUrl: certUrl }))));
    expect([err.status, err.code]).toEqual([403, 'untrusted_cert_host']);
    expect(fetched).toEqual([]);
    expect(sns.totalHits()).toBe(before);
  });

  it('rejects an http:// certificate URL on a trusted host without fetching it', async () => {
    const before = sns.totalHits();
    const certUrl = sns.certUrl.replace('https:', 'http:');
    const err = await rejection(verifier().verify(parseSnsEnvelope(sns.cloudWatchNotification({ signingCertUrl: certUrl }))));
    expect([err.status, err.code]).toEqual([403, 'untrusted_cert_host']);
    expect(err.message).toContain('https');
    expect(sns.totalHits()).toBe(before);
  });

  it('rejects a trusted host whose path is not a .pem file', async () => {
    const certUrl = `${sns.origin}/?Action=GetCertificate`;
    expect((await rejection(verifier().verify(parseSnsEnvelope(sns.cloudWatchNotification({ signingCertUrl: certUrl }))))).code).toBe('untrusted_cert_host');
  });

  it('fetches from a real SNS host when the default SNS_CERT_HOST_PATTERN trusts it', async () => {
    const signingCert = await createHttpsCertificateFetcher({ ca: sns.caPem })(new URL(sns.certUrl));
    const fetched: string[] = [];
    const v = createSnsVerifier({
      certHostPattern: /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/,
      fetchCertificate: async (u) => (fetched.push(u.href), signingCert),
    });
    const url = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem';
    await expect(v.verify(parseSnsEnvelope(sns.cloudWatchNotification({ signingCertUrl: url })))).resolves.toBeUndefined();
    expect(fetched).toEqual([url]);
  });
});

describe('topic allow-list', () => {
  it('rejects a topic not in SNS_TOPIC_ARNS with 403 before fetching the certificate', async () => {
    const before = sns.totalHits();
    const body = sns.cloudWatchNotification({ topicArn: 'arn:aws:sns:us-east-1:999999999999:someone-else' });
    const err = await rejection(verifier([TEST_TOPIC_ARN]).verify(parseSnsEnvelope(body)));
    expect([err.status, err.code]).toEqual([403, 'topic_not_allowed']);
    expect(err.message).toContain('arn:aws:sns:us-east-1:999999999999:someone-else');
    expect(sns.totalHits()).toBe(before);
  });

  it('accepts a topic in the list', async () => {
    await expect(verifier(['arn:aws:sns:us-east-1:1:x', TEST_TOPIC_ARN]).verify(parseSnsEnvelope(sns.cloudWatchNotification()))).resolves.toBeUndefined();
  });
});
