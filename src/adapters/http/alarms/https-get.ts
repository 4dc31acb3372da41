import https from 'node:https';

export interface HttpsGetOptions {
  /** Extra CA to trust instead of the system ones (tests; private SNS-compatible endpoints). */
  ca?: string | Buffer;
  /** Whole-request deadline, connect to last byte. */
  timeoutMs?: number;
  /** Bodies larger than this are abandoned. */
  maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 5000;

/**
 * One GET over https that gives up after `timeoutMs` or `maxBytes`. Redirects are
 * not followed: a redirect could lead away from the host we decided to trust.
 */
export function httpsGet(url: URL, opts: HttpsGetOptions = {}): Promise<Buffer> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
  if (url.protocol !== 'https:') return Promise.reject(new Error(`refusing to fetch ${url.protocol} URL ${url.origin}`));

  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    const finish = (err: Error | null, body?: Buffer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        req.destroy();
        reject(err);
      } else {
        resolve(body ?? Buffer.alloc(0));
      }
    };

    const req = https.get(url, { ca: opts.ca, headers: { accept: '*/*' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        finish(new Error(`GET ${url.origin}${url.pathname} answered ${res.statusCode ?? 'no status'}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          finish(new Error(`GET ${url.origin}${url.pathname}: body larger than ${maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => finish(null, Buffer.concat(chunks)));
      res.on('error', (err) => finish(err));
    });
    req.on('error', (err) => finish(err));
    const timer = setTimeout(() => finish(new Error(`GET ${url.origin}${url.pathname}: no answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
}
