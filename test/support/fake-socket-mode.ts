/**
 * A loopback stand-in for Slack's Socket Mode WebSocket endpoint. It speaks
 * the protocol @slack/socket-mode expects: a `hello` on connect, envelopes
 * (`slash_commands`, `interactive`, …) with an `envelope_id`, acks back as
 * `{ envelope_id, payload }`, and `disconnect` to ask for a reconnect. The
 * URL the client connects to carries a one-use ticket handed out through
 * `newUrl()` (FakeSlackServer's apps.connections.open answer), so a
 * connection proves the client used what apps.connections.open returned.
 *
 * Pings from the client are answered by `ws` itself (autoPong): the client
 * drops a connection whose pongs stop. The fake never pings on its own,
 * because a client that saw one ping expects more every 30 s.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

export interface SocketAck {
  envelopeId: string;
  /** What the client answered with (Bolt sends `{}` for a bare ack()). */
  payload: unknown;
  /** performance.now() when the ack arrived: monotonic, to compare with `Sent.sentAt`. */
  at: number;
}

export interface Sent {
  envelopeId: string;
  /** performance.now() just before the envelope was written to the socket. */
  sentAt: number;
}

export interface EnvelopeOptions {
  /** Reuse to redeliver the same envelope, as Slack does after a late ack. */
  envelopeId?: string;
  /** Slack's redelivery marker; set with `retryReason` on a redelivery. */
  retryAttempt?: number;
  retryReason?: string;
}

export interface ConnectionRecord {
  /** The path and query the client asked for (has the ticket). */
  url: string;
  openedAt: number;
  /** The close code the client sent (1000 for a clean close), once closed. */
  closeCode?: number;
  closedAt?: number;
}

export const FAKE_APP_ID = 'AFAKE0001';

export class FakeSocketMode {
  readonly acks: SocketAck[] = [];
  readonly connections: ConnectionRecord[] = [];
  /** Anything the client sent that was not an ack: the protocol has nothing else, so a test can expect this empty. */
  readonly unexpected: string[] = [];
  private readonly sockets = new Set<WebSocket>();

  private constructor(
    private readonly wss: WebSocketServer,
    private readonly tickets: Set<string>,
  ) {
    wss.on('connection', (socket, req) => this.accept(socket, req));
  }

  static async start(): Promise<FakeSocketMode> {
    const tickets = new Set<string>();
    const wss = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      // Checked before the upgrade, so a client with a wrong or reused URL gets the 401 Slack would give.
      verifyClient: (info: { req: IncomingMessage }) => tickets.delete(new URL(info.req.url ?? '/', 'ws://127.0.0.1').searchParams.get('ticket') ?? ''),
    });
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    return new FakeSocketMode(wss, tickets);
  }

  /** A fresh connection URL, valid for one connection (what apps.connections.open returns). */
  newUrl(): string {
    const ticket = randomBytes(12).toString('hex');
    this.tickets.add(ticket);
    const { port } = this.wss.address() as AddressInfo;
    return `ws://127.0.0.1:${port}/link/?ticket=${ticket}&app_id=${FAKE_APP_ID}`;
  }

  /** Connections open now. */
  get openCount(): number {
    return [...this.sockets].filter((s) => s.readyState === s.OPEN).length;
  }

  /** Delivers a slash command as Slack does over Socket Mode. */
  slashCommand(payload: Record<string, unknown>, opts: EnvelopeOptions = {}): Sent {
    return this.send('slash_commands', payload, opts, true);
  }

  /** Delivers an interaction (block_actions, view_submission…). */
  interactive(payload: Record<string, unknown>, opts: EnvelopeOptions = {}): Sent {
    // Slack takes a response payload only for some interactions (view submissions); never for a button press.
    return this.send('interactive', payload, opts, payload.type === 'view_submission');
  }

  /** Resolves with the ack of `sent` (the first one if acked more than once). */
  async ackOf(sent: Sent, timeoutMs = 15_000): Promise<SocketAck> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ack = this.acks.find((a) => a.envelopeId === sent.envelopeId && a.at >= sent.sentAt);
      if (ack) return ack;
      if (Date.now() > deadline) throw new Error(`envelope ${sent.envelopeId} not acked within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Resolves once every connection the client opened has been closed (by either side). */
  async allClosed(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.connections.some((c) => c.closedAt === undefined)) {
      if (Date.now() > deadline) throw new Error(`Socket Mode connection still open after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Asks the client to reconnect, as Slack does before recycling a server (`refresh_requested`, `link_disabled`…). */
  requestDisconnect(reason = 'refresh_requested'): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-socket-mode' } }));
  }

  /** Drops whatever is still connected and stops listening. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket, req: IncomingMessage): void {
    const record: ConnectionRecord = { url: req.url ?? '', openedAt: performance.now() };
    this.connections.push(record);
    this.sockets.add(socket);
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', (code) => {
      record.closeCode = code;
      record.closedAt = performance.now();
      this.sockets.delete(socket);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.size,
        debug_info: { host: 'fake-socket-mode', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: FAKE_APP_ID },
      }),
    );
  }

  private receive(data: RawData, isBinary: boolean): void {
    const at = performance.now();
    const text = isBinary ? '<binary>' : rawText(data);
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.unexpected.push(text);
      return;
    }
    if (typeof message === 'object' && message !== null && 'envelope_id' in message && typeof message.envelope_id === 'string') {
      this.acks.push({ envelopeId: message.envelope_id, payload: 'payload' in message ? message.payload : undefined, at });
      return;
    }
    this.unexpected.push(text);
  }

  private send(type: string, payload: Record<string, unknown>, opts: EnvelopeOptions, acceptsResponsePayload: boolean): Sent {
    const socket = [...this.sockets].find((s) => s.readyState === s.OPEN);
    if (!socket) throw new Error('no Socket Mode client is connected');
    const envelopeId = opts.envelopeId ?? `${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(6).toString('hex')}`;
    const envelope: Record<string, unknown> = { envelope_id: envelopeId, type, payload, accepts_response_payload: acceptsResponsePayload };
    if (opts.retryAttempt !== undefined) {
      envelope.retry_attempt = opts.retryAttempt;
      envelope.retry_reason = opts.retryReason ?? 'timeout';
    }
    const sentAt = performance.now();
    socket.send(JSON.stringify(envelope));
    return { envelopeId, sentAt };
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}
