import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { startBot, type Bot, type BotOptions } from '../../src/runtime/start-bot';
import { createLogger } from '../../src/observability/logger';
import { RecordingChat } from './recording-chat';
import { deletePrefix, REDIS_URL, uniquePrefix } from './redis-cleanup';
import { writeTestPolicy } from './test-policy';

export const TEST_ALARM_TOKEN = 'test-alarm-token-0123456789abcdef';

export interface TestBot {
  bot: Bot;
  chat: RecordingChat;
  baseUrl: string;
  prefix: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The real engine in this process: real Redis, the real embedded store, a recording chat. */
export async function startTestBot(opts: { env?: Record<string, string>; policy?: Parameters<typeof writeTestPolicy>[0]; botOptions?: BotOptions } = {}): Promise<TestBot> {
  const prefix = uniquePrefix('bot');
  const dataDir = mkdtempSync(join(tmpdir(), 'irbot-data-'));
  const result = loadConfig({
    PORT: '0',
    STORE: 'local',
    DATA_DIR: dataDir,
    QUEUE_PREFIX: prefix,
    REDIS_URL,
    ALARM_TOKEN: TEST_ALARM_TOKEN,
    ESCALATION_POLICY: writeTestPolicy(opts.policy),
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  if (!result.ok) throw new Error(`test config invalid:\n${result.errors.join('\n')}`);
  const chat = new RecordingChat();
  const bot = await startBot(result.config, { chat, log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), ...opts.botOptions });
  return {
    bot,
    chat,
    prefix,
    dataDir,
    baseUrl: `http://127.0.0.1:${bot.port}`,
    async stop() {
      await bot.stop();
      await deletePrefix(prefix);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ALARM_TOKEN}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
