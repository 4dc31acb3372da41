/**
 * A loopback stand-in for Slack's Web API: it records every call and answers
 * the way Slack does (`{ ok: true, … }`, `{ ok: false, error }`, HTTP 429 with
 * Retry-After), so the real WebClient and Bolt talk to it unchanged. It also
 * captures what is posted to `response_url`s.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Params = Record<string, unknown>;
export interface SlackCall {
  method: string;
  params: Params;
  at: number;
  /** 200, or 429 when rate-limited. */
  status: number;
  /** Slack's `error` when the answer was `ok: false`. */
  error?: string;
}
export interface CapturedResponse {
  id: string;
  body: Params;
  at: number;
}
export interface FakeChannel {
  id: string;
  name: string;
  topic: string;
  members: Set<string>;
}
export interface FakeSlackOptions {
  botToken: string;
  /** Members of each user group (S…), for usergroups.users.list. */
  usergroups?: Record<string, string[]>;
  /** Tier-2-like limit on conversations.create: `max` calls per fixed `windowMs`, then 429. */
  createLimit?: { max: number; windowMs: number };
}

type Answer = { status?: number; retryAfterSec?: number; body: Params };
const BOT_USER = 'UBOTIRBOT';

export class FakeSlackServer {
  readonly calls: SlackCall[] = [];
  readonly responses: CapturedResponse[] = [];
  readonly channels = new Map<string, FakeChannel>();
  /** Every message by `channel/ts`, as last posted or updated. */
  readonly messages = new Map<string, Params>();
  readonly pins = new Set<string>();
  /** Posts into these channels fail with the given Slack error (not_in_channel, is_archived…). */
  readonly postErrors = new Map<string, string>();
  private server?: Server;
  private seq = 0;
  private window = { start: 0, count: 0 };

  constructor(private readonly opts: FakeSlackOptions) {}

  static async start(opts: FakeSlackOptions): Promise<FakeSlackServer> {
    const fake = new FakeSlackServer(opts);
    const server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.server = server;
    return fake;
  }

  get origin(): string {
    const { port } = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** SLACK_API_URL for the bot. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url to put in a payload; what the bot posts to it shows up in `responses` under `id`. */
  responseUrl(id: string): string {
    return `${this.origin}/response/${encodeURIComponent(id)}`;
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** A channel that already exists (its name is taken); the bot is a member only when `botIsMember`. */
  addChannel(id: string, name: string, botIsMember: boolean): void {
    this.channels.set(id, { id, name, topic: '', members: new Set(botIsMember ? [BOT_USER] : []) });
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.origin);
    const params = parseParams(raw, req.headers['content-type'] ?? '');
    if (url.pathname.startsWith('/response/')) {
      const id = decodeURIComponent(url.pathname.slice('/response/'.length));
      this.responses.push({ id, body: params, at: Date.now() });
      res.writeHead(id.startsWith('expired') ? 404 : 200, { 'content-type': 'text/plain' }).end(id.startsWith('expired') ? 'expired_url' : 'ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const authed = req.headers.authorization === `Bearer ${this.opts.botToken}`;
    const answer: Answer = authed ? this.answer(method, params) : { body: { ok: false, error: 'invalid_auth' } };
    const status = answer.status ?? 200;
    const error = typeof answer.body.error === 'string' ? answer.body.error : undefined;
    this.calls.push({ method, params, at: Date.now(), status, error });
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (answer.retryAfterSec !== undefined) headers['retry-after'] = String(answer.retryAfterSec);
    res.writeHead(status, headers).end(JSON.stringify(answer.body));
  }

  private answer(method: string, p: Params): Answer {
    const ok = (extra: Params = {}): Answer => ({ body: { ok: true, ...extra } });
    const fail = (error: string): Answer => ({ body: { ok: false, error } });
    const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : String(p[k] ?? ''));
    const channel = this.channels.get(str('channel'));
    switch (method) {
      case 'auth.test':
        return ok({ url: 'https://fake.slack.test/', team: 'Fake', user: 'irbot', team_id: 'TFAKE0001', user_id: BOT_USER, bot_id: 'BFAKE0001' });
      case 'conversations.create': {
        const limited = this.rateLimit();
        if (limited) return limited;
        const name = str('name');
        if (!/^[a-z0-9_-]{1,80}$/.test(name)) return fail('invalid_name_specials');
        if ([...this.channels.values()].some((c) => c.name === name)) return fail('name_taken');
        const id = `C${this.nextId()}`;
        this.channels.set(id, { id, name, topic: '', members: new Set([BOT_USER]) });
        return ok({ channel: { id, name, is_channel: true, is_private: p.is_private === 'true', created: Math.floor(Date.now() / 1000) } });
      }
      case 'conversations.setTopic':
        if (!channel) return fail('channel_not_found');
        if (str('topic').length > 250) return fail('too_long');
        channel.topic = str('topic');
        return ok({ channel: { id: channel.id, topic: { value: channel.topic } } });
      case 'conversations.invite': {
        if (!channel) return fail('channel_not_found');
        const users = str('users').split(',').filter((u) => u !== '');
        if (users.some((u) => !/^[UW][A-Z0-9]+$/.test(u))) return fail('user_not_found');
        if (users.every((u) => channel.members.has(u))) return fail('already_in_channel');
        for (const u of users) channel.members.add(u);
        return ok({ channel: { id: channel.id } });
      }
      case 'conversations.join':
        if (!channel) return fail('channel_not_found');
        channel.members.add(BOT_USER);
        return ok({ channel: { id: channel.id, name: channel.name } });
      case 'conversations.open':
        return ok({ channel: { id: dmChannelOf(str('users')) } });
      case 'usergroups.users.list': {
        const users = this.opts.usergroups?.[str('usergroup')];
        return users ? ok({ users }) : fail('no_such_subteam');
      }
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        const refused = this.postErrors.get(str('channel')) ?? (channel && !channel.members.has(BOT_USER) ? 'not_in_channel' : undefined);
        if (refused) return fail(refused);
        if (!p.text && !p.blocks) return fail('no_text');
        const ts = this.nextTs();
        if (method === 'chat.postEphemeral') return ok({ message_ts: ts });
        this.messages.set(`${str('channel')}/${ts}`, p);
        return ok({ channel: str('channel'), ts, message: { type: 'message', text: p.text, ts, user: BOT_USER } });
      }
      case 'chat.update': {
        const key = `${str('channel')}/${str('ts')}`;
        if (!this.messages.has(key)) return fail('message_not_found');
        this.messages.set(key, p);
        return ok({ channel: str('channel'), ts: str('ts'), text: p.text });
      }
      case 'pins.add': {
        const key = `${str('channel')}/${str('timestamp')}`;
        if (!this.messages.has(key)) return fail('message_not_found');
        if (this.pins.has(key)) return fail('already_pinned');
        this.pins.add(key);
        return ok();
      }
      default:
        return fail('unknown_method');
    }
  }

  /** A fixed window, as Slack's per-minute tiers behave closely enough for tests. */
  private rateLimit(): Answer | undefined {
    const limit = this.opts.createLimit;
    if (!limit) return undefined;
    const now = Date.now();
    if (now - this.window.start >= limit.windowMs) this.window = { start: now, count: 0 };
    if (this.window.count < limit.max) {
      this.window.count += 1;
      return undefined;
    }
    const retryAfterSec = Math.max(1, Math.ceil((this.window.start + limit.windowMs - now) / 1000));
    return { status: 429, retryAfterSec, body: { ok: false, error: 'ratelimited' } };
  }

  private nextId(): string {
    this.seq += 1;
    return String(this.seq).padStart(10, '0');
  }

  private nextTs(): string {
    this.seq += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, '0')}`;
  }
}

/** The DM channel id Slack gives the bot for a user (stable, like Slack's). */
export function dmChannelOf(userId: string): string {
  return `D${userId.replace(/[^A-Z0-9]/g, '').slice(-10).padStart(10, '0')}`;
}

/** A request's whole body as text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Form bodies (what WebClient sends; objects such as `blocks` arrive as JSON text) or JSON (what respond() sends). */
function parseParams(raw: string, contentType: string): Params {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Params;
  const out: Params = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = /^[[{]/.test(v) ? tryJson(v) : v;
  return out;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
