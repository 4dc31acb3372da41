import { slackSignatureHeaders } from '../../support/slack-signing';

/** One generated request: its body and headers, and what kind of hostility it carries. */
export interface HostileRequest {
  kind: string;
  body: string | Buffer;
  headers: Record<string, string>;
}

/** A small seeded generator (mulberry32), so a failing case can be replayed by its index. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WRONG_VALUES: unknown[] = [null, 0, -1, 1e308, true, [], {}, [1, 2], { nested: { deeper: [null] } }, '', ' ', '\u0000', '\ud800', '<script>alert(1)</script>', "'; DROP TABLE incidents; --", '${jndi:ldap://127.0.0.1/a}', '../../etc/passwd'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function deep(depth: number, open: string, close: string): string {
  return open.repeat(depth) + close.repeat(depth);
}

/**
 * A JSON body that is wrong for the route whatever else it holds: `required`
 * fields are each replaced by a wrong type, dropped, or the whole body is
 * something else (deep nesting, a huge string, garbage bytes, __proto__ keys).
 */
export function hostileJson(rand: () => number, valid: Record<string, unknown>, required: readonly string[]): { kind: string; body: string | Buffer } {
  const choice = Math.floor(rand() * 9);
  switch (choice) {
    case 0:
      return { kind: 'deep nesting', body: deep(1000 + Math.floor(rand() * 100_000), '[', ']') };
    case 1:
      return { kind: 'deep objects', body: deep(500 + Math.floor(rand() * 20_000), '{"a":', '}').replace(/}$/, '1}') };
    case 2:
      return { kind: 'huge string', body: JSON.stringify({ ...valid, [pick(rand, required)]: 'x'.repeat(200 * 1024 + Math.floor(rand() * 200 * 1024)) }).slice(0, 300 * 1024) };
    case 3:
      return { kind: 'garbage bytes', body: Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 4096) }, () => Math.floor(rand() * 256))) };
    case 4:
      return { kind: 'prototype keys', body: `{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},${JSON.stringify(pick(rand, required))}:${JSON.stringify(pick(rand, WRONG_VALUES))}}` };
    case 5: {
      const body: Record<string, unknown> = { ...valid };
      delete body[pick(rand, required)];
      return { kind: 'missing field', body: JSON.stringify(body) };
    }
    case 6:
      return { kind: 'not an object', body: JSON.stringify(pick(rand, [null, 1, 'text', [valid], true])) };
    case 7:
      return { kind: 'truncated', body: JSON.stringify(valid).slice(0, Math.max(1, Math.floor(rand() * JSON.stringify(valid).length) - 1)) };
    default: {
      const field = pick(rand, required);
      let wrong = pick(rand, WRONG_VALUES);
      // Strings are wrong for string fields only when empty; keep the case hostile.
      if (typeof wrong === 'string' && typeof valid[field] === 'string') wrong = [wrong];
      return { kind: 'wrong type', body: JSON.stringify({ ...valid, [field]: wrong }) };
    }
  }
}

/** A Slack request that must be refused: a bad or missing signature, a replayed (stale) timestamp, or a tampered body. */
export function hostileSlack(rand: () => number, signingSecret: string, validBody: string): HostileRequest {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const now = Math.floor(Date.now() / 1000);
  const choice = Math.floor(rand() * 5);
  switch (choice) {
    case 0:
      return { kind: 'replayed timestamp', body: validBody, headers: { ...form, ...slackSignatureHeaders(signingSecret, validBody, now - 301 - Math.floor(rand() * 86_400)) } };
    case 1:
      return { kind: 'wrong secret', body: validBody, headers: { ...form, ...slackSignatureHeaders('0123456789abcdef0123456789abcdef', validBody) } };
    case 2: {
      const signed = slackSignatureHeaders(signingSecret, validBody);
      return { kind: 'tampered body', body: `${validBody}&text=${encodeURIComponent('resolve pwned')}`, headers: { ...form, ...signed } };
    }
    case 3:
      return { kind: 'no signature', body: validBody, headers: form };
    default: {
      const garbage = hostileJson(rand, { payload: 'x' }, ['payload']).body;
      return { kind: 'garbage, unsigned', body: garbage, headers: { ...form, 'X-Slack-Request-Timestamp': String(now), 'X-Slack-Signature': `v0=${'0'.repeat(64)}` } };
    }
  }
}
