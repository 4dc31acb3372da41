import { AlarmInputError, type AlarmInputErrorCode } from './alarm-input-error';

export interface TrustedUrlRule {
  /** Field named in the error message, e.g. `SigningCertURL`. */
  field: string;
  code: Extract<AlarmInputErrorCode, 'untrusted_cert_host' | 'untrusted_subscribe_host'>;
  hostPattern: RegExp;
  /** Path must end `.pem` (signing certificates). */
  pem?: boolean;
}

/**
 * Decides, before anything is fetched, whether a URL taken from a message may be
 * fetched at all: `https:` only, a hostname matching the trusted pattern, no
 * credentials. Otherwise a forged message could make us fetch arbitrary URLs.
 */
export function trustedHttpsUrl(raw: string, rule: TrustedUrlRule): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AlarmInputError(rule.code, `${rule.field}: is not a valid URL`, 403);
  }
  if (url.protocol !== 'https:') {
    throw new AlarmInputError(rule.code, `${rule.field}: must use https, got ${url.protocol.replace(/:$/, '')}`, 403);
  }
  if (url.username !== '' || url.password !== '') {
    throw new AlarmInputError(rule.code, `${rule.field}: must not contain credentials`, 403);
  }
  if (!matches(rule.hostPattern, url.hostname)) {
    throw new AlarmInputError(
      rule.code,
      `${rule.field}: host "${url.hostname.slice(0, 253)}" is not trusted (SNS_CERT_HOST_PATTERN is ${rule.hostPattern.source})`,
      403,
    );
  }
  if (rule.pem && !url.pathname.endsWith('.pem')) {
    throw new AlarmInputError(rule.code, `${rule.field}: path must end in .pem`, 403);
  }
  return url;
}

/** A `g` or `y` flag would make `test` remember `lastIndex` between calls; drop them. */
function matches(pattern: RegExp, value: string): boolean {
  const stateless = pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
  return stateless.test(value);
}
