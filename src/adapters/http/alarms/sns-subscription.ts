import { httpsGet } from './https-get';
import { trustedHttpsUrl } from './trusted-url';

export interface ConfirmSubscriptionOptions {
  /** Hosts trusted for `SubscribeURL` (SNS_CERT_HOST_PATTERN). */
  certHostPattern: RegExp;
  /** Performs the GET; defaults to node:https with `ca` and `timeoutMs`. Must reject on failure. */
  fetchUrl?: (url: URL) => Promise<void>;
  ca?: string | Buffer;
  /** Default 5 s. */
  timeoutMs?: number;
}

// SNS answers with a short XML document; anything much bigger is not SNS.
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * Confirms an SNS subscription by visiting its `SubscribeURL`. Call it only after
 * the SubscriptionConfirmation's signature and topic were verified. Rejects with
 * AlarmInputError 403 `untrusted_subscribe_host` (nothing fetched) when the URL is
 * not https on a trusted host; with another Error when the GET fails.
 */
export async function confirmSubscription(subscribeUrl: string, opts: ConfirmSubscriptionOptions): Promise<void> {
  const url = trustedHttpsUrl(subscribeUrl, {
    field: 'SubscribeURL',
    code: 'untrusted_subscribe_host',
    hostPattern: opts.certHostPattern,
  });
  if (opts.fetchUrl) {
    await opts.fetchUrl(url);
    return;
  }
  await httpsGet(url, { ca: opts.ca, timeoutMs: opts.timeoutMs, maxBytes: MAX_RESPONSE_BYTES });
}
