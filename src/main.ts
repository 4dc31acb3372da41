import { loadConfig, redactedConfig } from './config/load-config';
import { startBot } from './runtime/start-bot';
import { createLogger } from './observability/logger';
import { prepareLocalMode } from './local/local-mode';
import { ensureRedis } from './runtime/ensure-redis';

/** Composition root: config → adapters → start; SIGTERM drains and exits 0. */
async function main(): Promise<void> {
  const result = loadConfig(process.env);
  if (!result.ok) {
    process.stderr.write(`irbot cannot start; fix these settings:\n${result.errors.map((e) => `  ${e}`).join('\n')}\n`);
    process.exit(1);
  }
  const config = result.config;
  // Local mode: the terminal is the chat, so logs go to a file under DATA_DIR.
  const local = config.slack ? undefined : prepareLocalMode(config);
  const log = local?.log ?? createLogger(config.logLevel);
  // Node prints process warnings (the AWS SDK's Node-version notice) on stderr, which in local mode is the chat: log them instead.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => log.warn({ warning: warning.name, detail: warning.message }, 'process warning'));
  log.info({ config: redactedConfig(config) }, 'configuration loaded');
  if (config.actionsMode === 'live') log.warn('ACTIONS_MODE=live: approved recovery actions WILL change AWS resources');

  const ownRedis = await ensureRedis(config, process.env, log);
  const bot = await startBot(config, { log, chat: local?.chat });
  const shutdown = (signal: string) => {
    log.info({ signal }, 'draining: no new requests, letting running jobs finish');
    bot.stop().then(
      () => {
        ownRedis?.kill('SIGTERM');
        log.info('stopped cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await local?.start(bot, () => shutdown('quit'));
}

main().catch((err: unknown) => {
  process.stderr.write(`irbot failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
