import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { AlarmInputError } from '../../../src/adapters/http/alarms/alarm-input-error';
import { parseSnsEnvelope } from '../../../src/adapters/http/alarms/sns-message';
import { createHttpsCertificateFetcher, createSnsVerifier } from '../../../src/adapters/http/alarms/sns-verify';
import { CERT_PATH, startSnsTestServer, type SnsTestServer } from '../../support/sns-signing';

let sns: SnsTestServer;
let signingCert: string;
beforeAll(async () => {
  sns = await startSnsTestServer();
  signingCert = await createHttpsCertificateFetcher({ ca: sns.caPem })(new URL(sns.certUrl));
});
afterAll(() => sns.close());

describe('signing certificate cache', () => {
  it('fetches a certificate once and reuses it for later messages', async () => {
    const v = createSnsVerifier({ certHostPattern: sns.certHostPattern, fetchCertificate: createHttpsCertificateFetcher({ ca: sns.caPem }) });
    const before = sns.hits(CERT_PATH);
    await v.verify(parseSnsEnvelope(sns.cloudWatchNotification()));
    await v.verify(parseSnsEnvelope(sns.cloudWatchNotification({ version: 2 })));
    expect(sns.hits(CERT_PATH) - before).toBe(1);
  });

  it('shares one fetch between concurrent messages', async () => {
    const v = createSnsVerifier({ certHostPattern: sns.certHostPattern, fetchCertificate: createHttpsCertificateFetcher({ ca: sns.caPem }) });
    const before = sns.hits(CERT_PATH);
    const messages = Array.from({ length: 5 }, () => parseSnsEnvelope(sns.cloudWatchNotification()));
    await Promise.all(messages.map((m) => v.verify(m)));
    expect(sns.hits(CERT_PATH) - before).toBe(1);
  });

  it('does not remember a failed fetch: the next message tries again', async () => {
    let calls = 0;
    const v = createSnsVerifier({
      certHostPattern: sns.certHostPattern,
      fetchCertificate: async () => {
        calls += 1;
        if (calls === 1) throw new Error('connect ETIMEDOUT');
        return signingCert;
      },
    });
    const first = await v.verify(parseSnsEnvelope(sns.cloudWatchNotification())).catch((e: unknown) => e);
    // A network failure is not the sender's fault: not an AlarmInputError, so the route answers 5xx and SNS retries.
    expect(first).toBeInstanceOf(Error);
    expect(first).not.toBeInstanceOf(AlarmInputError);
    await expect(v.verify(parseSnsEnvelope(sns.cloudWatchNotification()))).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });

  it('keeps a bounded number of certificates, refetching the least recently used', async () => {
    const fetched: string[] = [];
    const v = createSnsVerifier({
      certHostPattern: sns.certHostPattern,
      cacheSize: 2,
      fetchCertificate: async (u) => (fetched.push(u.pathname), signingCert),
    });
    for (const name of ['a', 'b', 'a', 'c', 'b']) {
      await v.verify(parseSnsEnvelope(sns.cloudWatchNotification({ signingCertUrl: `${sns.origin}/${name}.pem` })));
    }
    expect(fetched).toEqual(['/a.pem', '/b.pem', '/c.pem', '/b.pem']);
  });

  it('answers 403 when the URL serves something that is not a certificate', async () => {
    const v = createSnsVerifier({ certHostPattern: sns.certHostPattern, fetchCertificate: async () => '<html>hello</html>' });
    const err = await v.verify(parseSnsEnvelope(sns.cloudWatchNotification())).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 403, code: 'bad_signature' });
  });
});

describe('https certificate fetcher', () => {
  it('returns the PEM served over TLS by a host the given CA vouches for', async () => {
    expect(signingCert).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('refuses a server the CA does not vouch for', async () => {
    await expect(createHttpsCertificateFetcher()(new URL(sns.certUrl))).rejects.toThrow();
  });

  it('rejects a non-200 answer', async () => {
    await expect(createHttpsCertificateFetcher({ ca: sns.caPem })(new URL(`${sns.origin}/missing.pem`))).rejects.toThrow(/404/);
  });

  it('abandons a body over the size cap', async () => {
    await expect(createHttpsCertificateFetcher({ ca: sns.caPem, maxBytes: 100 })(new URL(sns.certUrl))).rejects.toThrow(/larger than 100 bytes/);
  });

  it('gives up on a server that never answers', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const url = new URL(`https://127.0.0.1:${(silent.address() as AddressInfo).port}/x.pem`);
      await expect(createHttpsCertificateFetcher({ timeoutMs: 200 })(url)).rejects.toThrow(/within 200 ms/);
    } finally {
      silent.close();
    }
  });
});
