import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../../support/fake-slack-server';

export type Hold = (path: string, params: URLSearchParams) => boolean;

/**
 * A loopback proxy in front of the fake Slack server that can hold one chosen
 * request: it never reaches Slack and never gets an answer, so the bot's job
 * is stuck in the middle of its effect. The test then SIGKILLs the bot.
 */
export class HoldingProxy {
  private armed?: { hold: Hold; resolve: () => void };
  private server?: Server;

  private constructor(private readonly target: string) {}

  static async start(target: string): Promise<HoldingProxy> {
    const proxy = new HoldingProxy(target);
    const server = createServer((req, res) => {
      void readBody(req).then(async (body) => {
        const path = req.url ?? '/';
        const armed = proxy.armed;
        if (armed && armed.hold(path, new URLSearchParams(body))) {
          proxy.armed = undefined;
          armed.resolve();
          return; // held: no answer, ever
        }
        const answer = await fetch(`${proxy.target}${path}`, { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? '', authorization: req.headers.authorization ?? '' }, body: req.method === 'GET' ? undefined : body });
        const headers: Record<string, string> = { 'content-type': answer.headers.get('content-type') ?? 'application/json' };
        const retryAfter = answer.headers.get('retry-after');
        if (retryAfter) headers['retry-after'] = retryAfter;
        res.writeHead(answer.status, headers).end(Buffer.from(await answer.arrayBuffer()));
      }).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy.server = server;
    return proxy;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/api/`;
  }

  /** Resolves once a request matching `hold` arrived and is being held. */
  holdNext(hold: Hold): Promise<void> {
    return new Promise((resolve) => (this.armed = { hold, resolve }));
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

