import type { HttpProbe } from './action-types';

export const BODY_EXCERPT_CHARS = 300;
// Enough bytes for the excerpt even in multi-byte text; the rest is never read.
const BODY_READ_BYTES = BODY_EXCERPT_CHARS * 4;

/**
 * The real health probe: one GET over Node's fetch, bounded by a timeout,
 * reading only the start of the body so a huge or endless response cannot
 * hold the job. Network errors and timeouts throw; the action reports them.
 */
export function createHttpProbe(fetchImpl: typeof fetch = fetch): HttpProbe {
  return {
    async get(url, timeoutMs) {
      const started = performance.now();
      const response = await fetchImpl(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'irbot-health-check' } });
      const latencyMs = performance.now() - started;
      const bodyExcerpt = await readExcerpt(response);
      return { status: response.status, latencyMs, bodyExcerpt };
    },
  };
}

async function readExcerpt(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < BODY_READ_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks).subarray(0, BODY_READ_BYTES));
  // One line for the incident thread: newlines and runs of spaces collapse.
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > BODY_EXCERPT_CHARS ? `${flat.slice(0, BODY_EXCERPT_CHARS)}…` : flat;
}
