import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BODY_EXCERPT_CHARS, createHttpProbe } from '../../../src/actions/http-probe';

describe('createHttpProbe (real fetch against a local server)', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/health') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok",\n  "db": "up"}');
      } else if (req.url === '/big') {
        res.writeHead(503);
        res.write('x'.repeat(10_000));
        // Never ends: the probe must stop reading on its own.
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 2_000);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('returns status, latency and the body on one line', async () => {
    const answer = await createHttpProbe().get(`${base}/health`, 5_000);
    expect(answer.status).toBe(200);
    expect(answer.latencyMs).toBeGreaterThanOrEqual(0);
    expect(answer.bodyExcerpt).toBe('{"status":"ok", "db": "up"}');
  });

  it('caps the excerpt and does not wait for an endless body', async () => {
    const answer = await createHttpProbe().get(`${base}/big`, 5_000);
    expect(answer.status).toBe(503);
    expect(answer.bodyExcerpt).toBe(`${'x'.repeat(BODY_EXCERPT_CHARS)}…`);
  });

  it('throws when the timeout passes', async () => {
    await expect(createHttpProbe().get(`${base}/slow`, 200)).rejects.toThrow(/timeout|aborted/i);
  });
});
