import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../../support/fake-slack-server';

export type Hold = (path: string, params: URLSearchParams) => boolean;

/**
 * How a held request is left hanging:
 * - `before`: it never reaches Slack (the worker dies before Slack acted);
 * - `deliver`: Slack performs it, the answer never reaches the bot (the worker
 *   dies after Slack acted, before it heard back).
 */
export type HoldMode = 'before' | 'deliver';

interface Armed {
  hold: Hold;
  mode: HoldMode;
  resolve: () => void;
}

/**
 * A loopback proxy in front of the fake Slack server that holds chosen
 * requests, several at once: each armed hold catches the first request it
 * matches, which then never gets an answer, so the bot's job is stuck in the
 * middle of its effect. The test then SIGKILLs the bot.
 */
export class HoldingProxy {
  private armed: Armed[] = [];
  private server?: Server;

  private constructor(private readonly target: string) {}

  static async start(target: string): Promise<HoldingProxy> {
    const proxy = new HoldingProxy(target);
    const server = createServer((req, res) => {
      void readBody(req)
        .then(async (body) => {
          const path = req.url ?? '/';
          const params = new URLSearchParams(body);
          // Claimed synchronously, so two matching requests cannot both take one hold.
          const index = proxy.armed.findIndex((a) => a.hold(path, params));
          const armed = index >= 0 ? proxy.armed.splice(index, 1)[0] : undefined;
          if (armed?.mode === 'before') {
            armed.resolve();
            return; // held: it never reaches Slack and never gets an answer
          }
          const answer = await proxy.forward(req.method ?? 'POST', path, req.headers, body);
          if (armed) {
            // Slack has done it (its answer is in); the bot never hears.
            armed.resolve();
            return;
          }
          res.writeHead(answer.status, answer.headers).end(answer.body);
        })
        .catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy.server = server;
    return proxy;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/api/`;
  }

  /** Resolves once a request matching `hold` arrived and is being held (in `deliver` mode: once Slack has performed it). */
  holdNext(hold: Hold, mode: HoldMode = 'before'): Promise<void> {
    return new Promise((resolve) => this.armed.push({ hold, mode, resolve }));
  }

  async close(): Promise<void> {
    this.armed = [];
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async forward(method: string, path: string, headers: NodeJS.Dict<string | string[]>, body: string) {
    const answer = await fetch(`${this.target}${path}`, {
      method,
      headers: { 'content-type': String(headers['content-type'] ?? ''), authorization: String(headers.authorization ?? '') },
      body: method === 'GET' ? undefined : body,
    });
    const out: Record<string, string> = { 'content-type': answer.headers.get('content-type') ?? 'application/json' };
    const retryAfter = answer.headers.get('retry-after');
    if (retryAfter) out['retry-after'] = retryAfter;
    return { status: answer.status, headers: out, body: Buffer.from(await answer.arrayBuffer()) };
  }
}
