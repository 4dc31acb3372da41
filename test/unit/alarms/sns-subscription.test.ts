import { confirmSubscription } from '../../../src/adapters/http/alarms/sns-subscription';
import { CONFIRM_PATH, startSnsTestServer, type SnsTestServer } from '../../support/sns-signing';

let sns: SnsTestServer;
beforeAll(async () => {
  sns = await startSnsTestServer();
});
afterAll(() => sns.close());

describe('confirmSubscription', () => {
  it('visits the SubscribeURL on a trusted host over https', async () => {
    const { SubscribeURL } = sns.subscriptionConfirmation();
    const before = sns.hits(CONFIRM_PATH);
    await confirmSubscription(SubscribeURL as string, { certHostPattern: sns.certHostPattern, ca: sns.caPem });
    expect(sns.hits(CONFIRM_PATH) - before).toBe(1);
  });

  it('passes the exact URL to a custom fetcher', async () => {
    const seen: string[] = [];
    const url = 'https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-west-2:123456789012:MyTopic&Token=abc';
    await confirmSubscription(url, { certHostPattern: /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/, fetchUrl: async (u) => void seen.push(u.href) });
    expect(seen).toEqual([url]);
  });

  it.each([
    ['an untrusted host', 'https://evil.example.com/?Action=ConfirmSubscription&Token=abc'],
    ['plain http on a trusted host', 'http://127.0.0.1/confirm?Action=ConfirmSubscription&Token=abc'],
    ['not a URL at all', 'confirm me'],
  ])('refuses %s with 403 untrusted_subscribe_host and fetches nothing', async (_what, url) => {
    const seen: URL[] = [];
    const before = sns.totalHits();
    await expect(confirmSubscription(url, { certHostPattern: sns.certHostPattern, fetchUrl: async (u) => void seen.push(u) })).rejects.toMatchObject({
      status: 403,
      code: 'untrusted_subscribe_host',
    });
    expect(seen).toEqual([]);
    expect(sns.totalHits()).toBe(before);
  });

  it('fails when SNS does not answer 200, so the subscription is not assumed confirmed', async () => {
    await expect(confirmSubscription(`${sns.origin}/nope`, { certHostPattern: sns.certHostPattern, ca: sns.caPem })).rejects.toThrow(/404/);
  });
});
