import { X509Certificate, verify as verifySignature, type KeyObject } from 'node:crypto';
import { AlarmInputError } from './alarm-input-error';
import { httpsGet, type HttpsGetOptions } from './https-get';
import { PromiseCache } from './promise-cache';
import type { SnsEnvelope } from './sns-message';
import { snsStringToSign } from './sns-string-to-sign';
import { trustedHttpsUrl } from './trusted-url';

export interface SnsVerifierOptions {
  /** Hosts trusted for `SigningCertURL` (SNS_CERT_HOST_PATTERN). */
  certHostPattern: RegExp;
  /** SNS_TOPIC_ARNS; undefined or empty means any topic. */
  topicAllowList?: string[];
  /** Fetches a signing certificate PEM; defaults to `createHttpsCertificateFetcher()`. */
  fetchCertificate?: (url: URL) => Promise<string>;
  /** Distinct certificate URLs kept in memory (SNS uses a handful per region). */
  cacheSize?: number;
}

export interface SnsVerifier {
  /**
   * Resolves when `msg` is from an allowed topic and carries a valid SNS signature.
   * Rejects with AlarmInputError 403 (`topic_not_allowed`, `untrusted_cert_host`,
   * `bad_signature`) when it must not be trusted; with another Error when the
   * certificate could not be fetched (answer 5xx so SNS retries).
   */
  verify(msg: SnsEnvelope): Promise<void>;
}

const ALGORITHM = { '1': 'sha1', '2': 'sha256' } as const;

export function createSnsVerifier(opts: SnsVerifierOptions): SnsVerifier {
  const allowed = opts.topicAllowList && opts.topicAllowList.length > 0 ? new Set(opts.topicAllowList) : undefined;
  const fetchCertificate = opts.fetchCertificate ?? createHttpsCertificateFetcher();
  const keys = new PromiseCache<KeyObject>(opts.cacheSize ?? 50);

  const signingKey = (url: URL): Promise<KeyObject> =>
    keys.get(url.href, async () => {
      const pem = await fetchCertificate(url);
      try {
        return new X509Certificate(pem).publicKey;
      } catch {
        throw new AlarmInputError('bad_signature', 'SigningCertURL: did not serve a usable X.509 certificate', 403);
      }
    });

  return {
    async verify(msg) {
      if (allowed && !allowed.has(msg.TopicArn)) {
        throw new AlarmInputError('topic_not_allowed', `TopicArn: ${msg.TopicArn} is not in SNS_TOPIC_ARNS`, 403);
      }
      // Decided before any fetch: a forged message must not make us request arbitrary URLs.
      const certUrl = trustedHttpsUrl(msg.SigningCertURL, {
        field: 'SigningCertURL',
        code: 'untrusted_cert_host',
        hostPattern: opts.certHostPattern,
        pem: true,
      });
      const key = await signingKey(certUrl);
      const signature = Buffer.from(msg.Signature, 'base64');
      if (!checkSignature(msg, key, signature)) {
        throw new AlarmInputError('bad_signature', 'Signature: does not match the message (SNS signature check failed)', 403);
      }
    },
  };
}

function checkSignature(msg: SnsEnvelope, key: KeyObject, signature: Buffer): boolean {
  try {
    return verifySignature(ALGORITHM[msg.SignatureVersion], Buffer.from(snsStringToSign(msg), 'utf8'), key, signature);
  } catch {
    // A key type or signature encoding crypto cannot use is as untrustworthy as a mismatch.
    return false;
  }
}

export interface CertificateFetcherOptions {
  ca?: string | Buffer;
  /** Default 5 s. */
  timeoutMs?: number;
  /** Default 64 KiB; a signing certificate is about 2 KiB. */
  maxBytes?: number;
}

/** Fetches a signing certificate PEM over https; non-200, slow or oversized answers reject. */
export function createHttpsCertificateFetcher(opts: CertificateFetcherOptions = {}): (url: URL) => Promise<string> {
  const getOpts: HttpsGetOptions = { ca: opts.ca, timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes ?? 64 * 1024 };
  return async (url) => (await httpsGet(url, getOpts)).toString('utf8');
}
