/**
 * The real bot in this process with Slack over HTTP (real Bolt, BullMQ on the
 * local Redis, the embedded store) against the fake Slack Web API, with a
 * policy that has `targets:` and with what recovery actions run with
 * (BotOptions.actions) replaceable. Like test/integration/slack/harness.ts,
 * whose startHarness takes neither a policy file nor bot options.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config/load-config';
import { startBot, type Bot, type BotOptions } from '../../../src/runtime/start-bot';
import { FakeSlackServer } from '../../support/fake-slack-server';
import { deletePrefix, REDIS_URL } from '../../support/redis-cleanup';
import { slackSignatureHeaders } from '../../support/slack-signing';

const SIGNING_SECRET = 'abcdef0123456789abcdef0123456789';
const BOT_TOKEN = 'xoxb-000000000-actions-test';

export interface SlackActionsBot {
  bot: Bot;
  fake: FakeSlackServer;
  /** `/incident <text>` as Slack POSTs it; the answer through response_url lands in fake.responses under responseId. */
  command(text: string, o: { channelId: string; userId: string }): Promise<{ status: number; responseId: string }>;
  /** A click on a message button (block_actions) as Slack POSTs it. */
  click(button: { actionId: string; value: string; blockId: string; label: string }, o: { channelId: string; userId: string; messageTs: string }): Promise<{ status: number; responseId: string }>;
  stop(): Promise<void>;
}

export async function startSlackActionsBot(opts: {
  policyPath: string;
  env?: Record<string, string>;
  usergroups: Record<string, string[]>;
  actions?: BotOptions['actions'];
}): Promise<SlackActionsBot> {
  const fake = await FakeSlackServer.start({ botToken: BOT_TOKEN, usergroups: opts.usergroups });
  const dataDir = await mkdtemp(join(tmpdir(), 'irbot-slack-actions-'));
  const queuePrefix = `test-slack-actions-${randomBytes(6).toString('hex')}`;
  const loaded = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    STORE: 'local',
    DATA_DIR: dataDir,
    ESCALATION_POLICY: opts.policyPath,
    LOG_LEVEL: process.env.IRBOT_TEST_LOG_LEVEL ?? 'silent',
    ...opts.env,
  });
  if (!loaded.ok) throw new Error(`test config invalid:\n${loaded.errors.join('\n')}`);
  // PORT=0 (any free port) is below the setting's allowed range, so it is set after validation.
  const bot = await startBot({ ...loaded.config, port: 0 }, { reconcileEveryMs: 3_600_000, actions: opts.actions });
  const base = `http://127.0.0.1:${bot.port}`;

  const send = async (form: URLSearchParams, responseId: string) => {
    const body = form.toString();
    const res = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(SIGNING_SECRET, body) },
      body,
    });
    return { status: res.status, responseId };
  };

  return {
    bot,
    fake,
    command(text, o) {
      const seed = randomBytes(8).toString('hex');
      const responseId = `cmd-${seed}`;
      return send(
        new URLSearchParams({
          token: 'deprecated-verification-token',
          team_id: 'TFAKE0001',
          team_domain: 'fake',
          channel_id: o.channelId,
          channel_name: 'somewhere',
          user_id: o.userId,
          user_name: o.userId.toLowerCase(),
          command: '/incident',
          text,
          api_app_id: 'AFAKE0001',
          is_enterprise_install: 'false',
          response_url: fake.responseUrl(responseId),
          trigger_id: `1234567890.${seed}`,
        }),
        responseId,
      );
    },
    click(button, o) {
      const actionTs = `${Math.floor(Date.now() / 1000)}.${randomBytes(3).readUIntBE(0, 3)}`;
      const responseId = `click-${actionTs}`;
      const payload = {
        type: 'block_actions',
        user: { id: o.userId, username: o.userId.toLowerCase(), name: o.userId.toLowerCase(), team_id: 'TFAKE0001' },
        api_app_id: 'AFAKE0001',
        token: 'deprecated-verification-token',
        container: { type: 'message', message_ts: o.messageTs, channel_id: o.channelId, is_ephemeral: false },
        trigger_id: `9876543210.${actionTs}`,
        team: { id: 'TFAKE0001', domain: 'fake' },
        enterprise: null,
        is_enterprise_install: false,
        channel: { id: o.channelId, name: 'incident' },
        message: { type: 'message', user: 'UBOTIRBOT', ts: o.messageTs, text: 'approval request' },
        state: { values: {} },
        response_url: fake.responseUrl(responseId),
        actions: [{ action_id: button.actionId, block_id: button.blockId, text: { type: 'plain_text', text: button.label, emoji: true }, value: button.value, type: 'button', action_ts: actionTs }],
      };
      return send(new URLSearchParams({ payload: JSON.stringify(payload) }), responseId);
    },
    async stop() {
      await bot.stop();
      await fake.close();
      await deletePrefix(queuePrefix);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
