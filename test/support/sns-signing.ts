/**
 * A stand-in for Amazon SNS in tests: a throwaway CA, an SNS-style signing key
 * and certificate, and an https server (TLS cert for localhost/127.0.0.1 signed by
 * that CA) serving the signing certificate and answering SubscribeURL visits.
 * Made with the `openssl` CLI so nothing is downloaded or checked in.
 */
import { execFileSync } from 'node:child_process';
import { createSign, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CERT_PATH = '/SimpleNotificationService-test.pem';
export const CONFIRM_PATH = '/confirm';

/** The fields SNS signs, plus whatever else the envelope carries. */
export type SnsFields = Record<string, string | undefined> & { Type: string };

const NOTIFICATION_FIELDS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'];
const CONFIRMATION_FIELDS = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];

/**
 * Fills `SignatureVersion` and `Signature` the way SNS does. Written
 * independently of the production string-to-sign code so each checks the other.
 */
export function signSnsMessage<T extends SnsFields>(fields: T, version: 1 | 2, privateKeyPem: string): T & { Signature: string; SignatureVersion: '1' | '2' } {
  const names = fields.Type === 'Notification' ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS;
  const text = names.filter((n) => fields[n] !== undefined).map((n) => `${n}\n${fields[n]}\n`).join('');
  const signer = createSign(version === 1 ? 'RSA-SHA1' : 'RSA-SHA256');
  signer.update(text, 'utf8');
  return { ...fields, SignatureVersion: version === 1 ? '1' : '2', Signature: signer.sign(privateKeyPem, 'base64') };
}

export const TEST_TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:irbot-alarms';
export const TEST_ALARM_ARN = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:api-5xx-rate-high';

/** The `Message` of a real CloudWatch alarm notification (as SNS delivers it). */
export function cloudWatchAlarmMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    AlarmName: 'api-5xx-rate-high',
    AlarmDescription: 'More than 5% of API requests failed with 5xx for 5 minutes.',
    AWSAccountId: '123456789012',
    AlarmConfigurationUpdatedTimestamp: '2024-05-02T09:41:27.123+0000',
    NewStateValue: 'ALARM',
    NewStateReason:
      'Threshold Crossed: 1 out of the last 1 datapoints [7.25 (14/05/24 10:15:00)] was greater than the threshold (5.0) (minimum 1 datapoint for OK -> ALARM transition).',
    StateChangeTime: '2024-05-14T10:20:31.245+0000',
    Region: 'US East (N. Virginia)',
    AlarmArn: TEST_ALARM_ARN,
    OldStateValue: 'OK',
    OKActions: [TEST_TOPIC_ARN], AlarmActions: [TEST_TOPIC_ARN], InsufficientDataActions: [],
    Trigger: {
      MetricName: 'HTTPCode_Target_5XX_Count', Namespace: 'AWS/ApplicationELB', StatisticType: 'Statistic', Statistic: 'SUM',
      Unit: null, Dimensions: [{ value: 'app/api-prod/50dc6c495c0c9188', name: 'LoadBalancer' }],
      Period: 300, EvaluationPeriods: 1, DatapointsToAlarm: 1, ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 5.0, TreatMissingData: 'missing', EvaluateLowSampleCountPercentile: '',
    },
    ...overrides,
  };
}

export interface SnsTestServer {
  /** PEM of the throwaway CA; pass as `ca` to the https fetchers. */
  caPem: string;
  /** Private key matching the certificate at `certUrl`. */
  signingKeyPem: string;
  /** `https://127.0.0.1:<port>` */
  origin: string;
  /** `<origin>/SimpleNotificationService-test.pem` */
  certUrl: string;
  /** Trusts exactly this server's host (stands in for SNS_CERT_HOST_PATTERN). */
  certHostPattern: RegExp;
  /** Requests received for a path (without query string). */
  hits(path: string): number;
  totalHits(): number;
  signSnsMessage<T extends SnsFields>(fields: T, version: 1 | 2): T & { Signature: string; SignatureVersion: '1' | '2' };
  /** A signed CloudWatch alarm Notification exactly as SNS posts it. */
  cloudWatchNotification(opts?: EnvelopeOptions & { message?: Record<string, unknown> | string; subject?: string | null }): Record<string, string>;
  /** A signed SubscriptionConfirmation whose SubscribeURL points at this server. */
  subscriptionConfirmation(opts?: EnvelopeOptions & { subscribeUrl?: string }): Record<string, string>;
  close(): Promise<void>;
}

interface EnvelopeOptions {
  version?: 1 | 2;
  topicArn?: string;
  messageId?: string;
  signingCertUrl?: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('/usr/bin/openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A self-contained config so the system openssl.cnf cannot change what we make. */
const OPENSSL_CNF = [
  '[req]', 'distinguished_name = dn', 'prompt = no', '[dn]', 'CN = irbot test',
  '[ca_ext]', 'basicConstraints = critical,CA:TRUE', 'keyUsage = critical,keyCertSign,cRLSign', 'subjectKeyIdentifier = hash',
  '[tls_ext]', 'basicConstraints = CA:FALSE', 'keyUsage = critical,digitalSignature,keyEncipherment',
  'extendedKeyUsage = serverAuth', 'subjectAltName = DNS:localhost,IP:127.0.0.1',
  '[signing_ext]', 'basicConstraints = CA:FALSE', 'keyUsage = critical,digitalSignature',
].join('\n');

type Pki = Record<'ca' | 'tlsKey' | 'tlsCert' | 'signingKey' | 'signingCert', string>;

function makePki(dir: string): Pki {
  writeFileSync(join(dir, 'openssl.cnf'), OPENSSL_CNF);
  const cnf = ['-config', 'openssl.cnf'];
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=irbot test CA', ...cnf, '-extensions', 'ca_ext']);
  const issue = (name: string, subject: string, ext: string): void => {
    openssl(dir, ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject, ...cnf]);
    openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', 'openssl.cnf', '-extensions', ext]);
  };
  issue('tls', '/CN=localhost', 'tls_ext');
  issue('signing', '/CN=sns.us-east-1.amazonaws.com', 'signing_ext');
  const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
  const [ca, tlsKey, tlsCert, signingKey, signingCert] = ['ca.pem', 'tls.key', 'tls.pem', 'signing.key', 'signing.pem'].map(read);
  return { ca, tlsKey, tlsCert, signingKey, signingCert };
}

export async function startSnsTestServer(): Promise<SnsTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'irbot-sns-'));
  let pki: Pki;
  try {
    pki = makePki(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const counts = new Map<string, number>();
  const server = https.createServer({ key: pki.tlsKey, cert: pki.tlsCert }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://127.0.0.1').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    if (path === CERT_PATH) {
      res.writeHead(200, { 'content-type': 'application/x-x509-ca-cert' }).end(pki.signingCert);
    } else if (path === CONFIRM_PATH) {
      res.writeHead(200, { 'content-type': 'text/xml' }).end(
        '<ConfirmSubscriptionResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ConfirmSubscriptionResult><SubscriptionArn>' +
          `${TEST_TOPIC_ARN}:${randomUUID()}</SubscriptionArn></ConfirmSubscriptionResult></ConfirmSubscriptionResponse>`,
      );
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const certUrl = `${origin}${CERT_PATH}`;
  const sign = <T extends SnsFields>(fields: T, version: 1 | 2) => signSnsMessage(fields, version, pki.signingKey);
  const timestamp = (): string => new Date().toISOString();

  return {
    caPem: pki.ca,
    signingKeyPem: pki.signingKey,
    origin,
    certUrl,
    certHostPattern: /^127\.0\.0\.1$/,
    hits: (path) => counts.get(path) ?? 0,
    totalHits: () => [...counts.values()].reduce((a, b) => a + b, 0),
    signSnsMessage: sign,
    cloudWatchNotification(opts = {}) {
      const topicArn = opts.topicArn ?? TEST_TOPIC_ARN;
      const message = opts.message ?? cloudWatchAlarmMessage();
      const fields = {
        Type: 'Notification',
        MessageId: opts.messageId ?? randomUUID(),
        TopicArn: topicArn,
        // CloudWatch gives SNS a subject; `null` leaves it out, as for publishers that set none.
        ...(opts.subject === null ? {} : { Subject: opts.subject ?? 'ALARM: "api-5xx-rate-high" in US East (N. Virginia)' }),
        Message: typeof message === 'string' ? message : JSON.stringify(message),
        Timestamp: timestamp(),
        SigningCertURL: opts.signingCertUrl ?? certUrl,
        UnsubscribeURL: `${origin}/?Action=Unsubscribe&SubscriptionArn=${topicArn}:${randomUUID()}`,
      };
      return sign(fields, opts.version ?? 1);
    },
    subscriptionConfirmation(opts = {}) {
      const topicArn = opts.topicArn ?? TEST_TOPIC_ARN;
      const token = 'a'.repeat(16) + randomUUID().replace(/-/g, '').repeat(4);
      const fields = {
        Type: 'SubscriptionConfirmation',
        MessageId: opts.messageId ?? randomUUID(),
        Token: token,
        TopicArn: topicArn,
        Message: `You have chosen to subscribe to the topic ${topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
        SubscribeURL: opts.subscribeUrl ?? `${origin}${CONFIRM_PATH}?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=${token}`,
        Timestamp: timestamp(),
        SigningCertURL: opts.signingCertUrl ?? certUrl,
      };
      return sign(fields, opts.version ?? 1);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
