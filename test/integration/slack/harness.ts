/**
 * The real bot in this process (real Bolt, BullMQ on the local Redis, the
 * embedded store in a temp DATA_DIR) wired to a fake Slack Web API, plus
 * helpers that send what Slack sends: signed slash commands and button presses.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../../src/config/load-config';
import { startBot, type Bot, type BotOptions } from '../../../src/runtime/start-bot';
import { FakeSlackServer, type FakeSlackOptions } from '../../support/fake-slack-server';
import type { FakeSocketMode } from '../../support/fake-socket-mode';
import { slackSignatureHeaders } from '../../support/slack-signing';
import { blockActionsPayload, slashCommandForm, type ButtonSpec } from '../../support/slack-payloads';

export type { ButtonSpec } from '../../support/slack-payloads';
import { deletePrefix } from '../../support/redis-cleanup';

export const SIGNING_SECRET = 'abcdef0123456789abcdef0123456789';
export const BOT_TOKEN = 'xoxb-000000000-test-token';
export const ALARM_TOKEN = 'alarm-token-0123456789abcdef';
export const ALERTS_CHANNEL = 'CALERTS0001';
export const APP_TOKEN = 'xapp-1-AFAKE0001-000000000-test-app-token';
import { REDIS_URL } from '../../support/redis-cleanup';

export interface LevelSpec {
  id: string;
  name: string;
  responders: string[];
  ackTimeout: string;
}

export interface HarnessOptions {
  /** The chain of a policy written for the test; or give a whole policy file as `policyPath`. */
  levels?: LevelSpec[];
  policyPath?: string;
  usergroups?: FakeSlackOptions['usergroups'];
  createLimit?: FakeSlackOptions['createLimit'];
  /** More settings (ACTIONS_MODE…), over the harness's own. */
  env?: Record<string, string>;
  /** What recovery actions run with (an instant sleep, a loopback health probe). */
  actions?: BotOptions['actions'];
  /**
   * Serve Slack over Socket Mode through this fake (SLACK_APP_TOKEN set, no
   * signing secret) instead of HTTP; `command`, `press` and `click` then have
   * no /slack/events to talk to.
   */
  socketMode?: FakeSocketMode;
}


export interface Harness {
  bot: Bot;
  fake: FakeSlackServer;
  base: string;
  postAlarm(body: Record<string, unknown>): Promise<Response>;
  command(text: string, opts: SlackRequestOptions & { channelId: string; userId: string }): Promise<SlackRequestResult>;
  press(actionId: string, incidentId: string, opts: SlackRequestOptions & { channelId: string; userId: string; messageTs: string }): Promise<SlackRequestResult>;
  /** A click on any message button (block_actions), e.g. an approval request's. */
  click(button: ButtonSpec, opts: SlackRequestOptions & { channelId: string; userId: string; messageTs: string }): Promise<SlackRequestResult>;
  /** Sends a raw form body to /slack/events with the given headers (for signature tests). */
  sendRaw(body: string, headers: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

export interface SlackRequestOptions {
  retryNum?: number;
  /** Reuse to send the same delivery again (Slack's retry keeps the payload). */
  deliveryId?: string;
  /** Names the payload's response_url; one starting with `expired` answers 404 like a used-up URL. */
  responseId?: string;
}

export interface SlackRequestResult {
  status: number;
  /** Id of the response_url in this payload; its posts land in fake.responses. */
  responseId: string;
  deliveryId: string;
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const socket = opts.socketMode;
  const fake = await FakeSlackServer.start({
    botToken: BOT_TOKEN,
    usergroups: opts.usergroups,
    createLimit: opts.createLimit,
    ...(socket ? { appToken: APP_TOKEN, socketModeUrl: () => socket.newUrl() } : {}),
  });
  // The alerts channel exists but the bot has not joined it yet, as on a fresh install.
  fake.addChannel(ALERTS_CHANNEL, 'incident-alerts', false);
  const dataDir = await mkdtemp(join(tmpdir(), 'irbot-slack-'));
  const policyPath = opts.policyPath ?? join(dataDir, 'policy.yaml');
  if (!opts.policyPath) {
    await writeFile(policyPath, stringify({ rto: '4h', rpo: '1h', autoResolve: true, channelPrefix: 'inc', levels: opts.levels ?? [], approvals: { default: { approvers: ['S0INFRA'], required: 1 } } }));
  }
  const queuePrefix = `test-slack-${randomBytes(6).toString('hex')}`;
  const loaded = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    ...(socket ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    SLACK_API_URL: fake.apiUrl,
    SLACK_ALERTS_CHANNEL: ALERTS_CHANNEL,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    STORE: 'local',
    DATA_DIR: dataDir,
    ESCALATION_POLICY: policyPath,
    ALARM_TOKEN,
    LOG_LEVEL: process.env.IRBOT_TEST_LOG_LEVEL ?? 'silent',
    ...opts.env,
  });
  if (!loaded.ok) throw new Error(`test config invalid:\n${loaded.errors.join('\n')}`);
  // PORT=0 (any free port) is below the setting's allowed range, so it is set after validation.
  const bot = await startBot({ ...loaded.config, port: 0 }, { reconcileEveryMs: 3_600_000, actions: opts.actions });
  const base = `http://127.0.0.1:${bot.port}`;

  const sendRaw = (body: string, headers: Record<string, string>) =>
    fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });

  const signedSend = async (form: URLSearchParams, o: SlackRequestOptions, responseId: string, deliveryId: string): Promise<SlackRequestResult> => {
    const body = form.toString();
    const headers = slackSignatureHeaders(SIGNING_SECRET, body);
    if (o.retryNum) Object.assign(headers, { 'X-Slack-Retry-Num': String(o.retryNum), 'X-Slack-Retry-Reason': 'http_timeout' });
    const res = await sendRaw(body, headers);
    return { status: res.status, responseId, deliveryId };
  };

  const click = (button: ButtonSpec, o: SlackRequestOptions & { channelId: string; userId: string; messageTs: string }) => {
    const deliveryId = o.deliveryId ?? `${Math.floor(Date.now() / 1000)}.${randomBytes(3).readUIntBE(0, 3)}`;
    const responseId = o.responseId ?? `act-${deliveryId}`;
    const payload = blockActionsPayload(button, o.channelId, o.userId, o.messageTs, deliveryId, fake.responseUrl(responseId));
    return signedSend(new URLSearchParams({ payload: JSON.stringify(payload) }), o, responseId, deliveryId);
  };

  return {
    bot,
    fake,
    base,
    sendRaw,
    postAlarm: (body) =>
      fetch(`${base}/alarms/generic`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ALARM_TOKEN}` }, body: JSON.stringify(body) }),
    command: (text, o) => {
      const deliveryId = o.deliveryId ?? randomBytes(8).toString('hex');
      const responseId = o.responseId ?? `cmd-${deliveryId}`;
      return signedSend(slashCommandForm(text, o.channelId, o.userId, deliveryId, fake.responseUrl(responseId)), o, responseId, deliveryId);
    },
    press: (actionId, incidentId, o) => click({ actionId, value: incidentId, blockId: 'incident_actions', label: INCIDENT_LABELS[actionId] ?? actionId }, o),
    click: (button, o) => click(button, o),
    async stop() {
      await bot.stop();
      await fake.close();
      await deletePrefix(queuePrefix);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const INCIDENT_LABELS: Record<string, string> = { incident_ack: 'Acknowledge', incident_escalate: 'Escalate', incident_resolve: 'Resolve' };

/** Polls until `check` returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

