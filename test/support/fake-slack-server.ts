/**
 * A loopback stand-in for Slack's Web API: it records every call and answers
 * the way Slack does (`{ ok: true, … }`, `{ ok: false, error }`, HTTP 429 with
 * Retry-After), so the real WebClient and Bolt talk to it unchanged. It also
 * captures what is posted to `response_url`s. Posted messages keep their
 * metadata and can be read back (conversations.history / replies), and
 * channels list with their creator (conversations.list), which is how the
 * bot checks what a killed worker already did; `loseAnswerTo` makes a call
 * happen without its answer ever arriving. Given an app token and a Socket
 * Mode URL, it also answers apps.connections.open (see fake-socket-mode.ts).
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
  /** Who created it: BOT_USER for channels made through conversations.create. */
  creator: string;
}
export interface FakeSlackOptions {
  botToken: string;
  /** Members of each user group (S…), for usergroups.users.list. */
  usergroups?: Record<string, string[]>;
  /** Tier-2-like limit on conversations.create: `max` calls per fixed `windowMs`, then 429. */
  createLimit?: { max: number; windowMs: number };
  /** The app-level token (xapp-…): only apps.connections.open accepts it, and only it. */
  appToken?: string;
  /** What apps.connections.open answers as `url` (a fresh one per call, like Slack's tickets), e.g. FakeSocketMode's newUrl. */
  socketModeUrl?: () => string;
}

type Answer = { status?: number; retryAfterSec?: number; body: Params };
/** The bot's own user id (auth.test's user_id). */
export const BOT_USER = 'UBOTIRBOT';
/** Who made a channel added with addChannel, unless a test says otherwise. */
export const SOMEONE_ELSE = 'U0SOMEONE1';
/** Slack's default page size for conversations.history, replies and list. */
const DEFAULT_LIMIT = 100;

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
  private readonly losing: { method: string; when: (p: Params) => boolean; status?: number }[] = [];

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
  addChannel(id: string, name: string, botIsMember: boolean, creator = SOMEONE_ELSE): void {
    this.channels.set(id, { id, name, topic: '', members: new Set(botIsMember ? [BOT_USER] : []), creator });
  }

  /**
   * The next call to `method` (matching `when`) is performed but never
   * answered, as when the connection drops after Slack did the work: the
   * caller only sees its own timeout. Once per call to this method.
   */
  loseAnswerTo(method: string, when: (p: Params) => boolean = () => true): void {
    this.losing.push({ method, when });
  }

  /** The next matching call is performed, then answered with an HTTP error (a proxy failing on the way back). */
  failAfterPerforming(method: string, status: number, when: (p: Params) => boolean = () => true): void {
    this.losing.push({ method, when, status });
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
    const answer = this.authorize(method, req.headers.authorization) ?? this.answer(method, params);
    const status = answer.status ?? 200;
    const error = typeof answer.body.error === 'string' ? answer.body.error : undefined;
    this.calls.push({ method, params, at: Date.now(), status, error });
    const lost = this.losing.findIndex((l) => l.method === method && l.when(params));
    if (lost >= 0) {
      const failWith = this.losing.splice(lost, 1)[0]?.status;
      if (failWith !== undefined) res.writeHead(failWith, { 'content-type': 'text/plain' }).end('upstream failed');
      return; // performed; the answer never comes (close() drops the connection), or comes as an error
    }
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (answer.retryAfterSec !== undefined) headers['retry-after'] = String(answer.retryAfterSec);
    res.writeHead(status, headers).end(JSON.stringify(answer.body));
  }

  /**
   * Slack's token rules: the bot token for every method but
   * apps.connections.open, which takes only the app-level token. Undefined
   * when the call may go ahead.
   */
  private authorize(method: string, authorization: string | undefined): Answer | undefined {
    const fail = (error: string): Answer => ({ body: { ok: false, error } });
    const appToken = this.opts.appToken;
    const byApp = appToken !== undefined && authorization === `Bearer ${appToken}`;
    const byBot = authorization === `Bearer ${this.opts.botToken}`;
    if (!byApp && !byBot) return fail('invalid_auth');
    if (method === 'apps.connections.open') {
      if (!byApp) return fail('not_allowed_token_type');
      const url = this.opts.socketModeUrl?.();
      return url ? { body: { ok: true, url } } : fail('invalid_auth');
    }
    return byApp ? fail('not_allowed_token_type') : undefined;
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
        this.channels.set(id, { id, name, topic: '', members: new Set([BOT_USER]), creator: BOT_USER });
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
      case 'conversations.list': {
        const all = [...this.channels.values()].map((c) => ({ id: c.id, name: c.name, creator: c.creator, is_channel: true, is_private: false, is_archived: false }));
        return ok(paginate(all, p, 'channels'));
      }
      case 'conversations.history': {
        if (channel && !channel.members.has(BOT_USER)) return fail('not_in_channel');
        // Thread replies are not in the channel's history; newest first, as Slack lists them.
        const top = this.messagesIn(str('channel'), p).filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts);
        return ok(paginate(top.reverse(), p, 'messages'));
      }
      case 'conversations.replies': {
        if (channel && !channel.members.has(BOT_USER)) return fail('not_in_channel');
        const parent = str('ts');
        // The parent first, then its replies oldest first, as Slack answers.
        const thread = this.messagesIn(str('channel'), p).filter((m) => m.ts === parent || m.thread_ts === parent);
        return thread.length === 0 && !this.messages.has(`${str('channel')}/${parent}`) ? fail('thread_not_found') : ok(paginate(thread, p, 'messages'));
      }
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
        const before = this.messages.get(key);
        if (!before) return fail('message_not_found');
        // An update without metadata keeps the message's own, as Slack does; the thread stays the same.
        this.messages.set(key, { ...p, metadata: p.metadata ?? before.metadata, thread_ts: before.thread_ts });
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

  /**
   * A channel's messages as conversations.history/replies show them, oldest
   * first, after `oldest` (exclusive, as Slack's default); `metadata` only
   * when asked for with include_all_metadata.
   */
  private messagesIn(channel: string, p: Params): Params[] {
    const oldest = Number(p.oldest ?? 0);
    const withMetadata = p.include_all_metadata === true || p.include_all_metadata === 'true';
    const out: Params[] = [];
    for (const [key, m] of this.messages) {
      const slash = key.indexOf('/');
      const ts = key.slice(slash + 1);
      if (key.slice(0, slash) !== channel || Number(ts) <= oldest) continue;
      const threadTs = typeof m.thread_ts === 'string' ? m.thread_ts : undefined;
      out.push({ type: 'message', user: BOT_USER, ts, text: m.text, ...(threadTs ? { thread_ts: threadTs } : {}), ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) });
    }
    return out;
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

/** One page of `items` under `field`, with Slack's cursor (an opaque offset here) when more follow. */
function paginate(items: Params[], p: Params, field: string): Params {
  const limit = Number(p.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT;
  const start = typeof p.cursor === 'string' && p.cursor !== '' ? Number(Buffer.from(p.cursor, 'base64').toString('utf8').replace(/^offset:/, '')) : 0;
  const page = items.slice(start, start + limit);
  const next = start + limit < items.length ? Buffer.from(`offset:${start + limit}`).toString('base64') : '';
  return { [field]: page, has_more: next !== '', response_metadata: { next_cursor: next } };
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
