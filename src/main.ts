import { loadConfig, redactedConfig } from './config/load-config';
import { startBot } from './runtime/start-bot';
import { createLogger } from './observability/logger';

/** Composition root: config → adapters → start; SIGTERM drains and exits 0. */
async function main(): Promise<void> {
  const result = loadConfig(process.env);
  if (!result.ok) {
    process.stderr.write(`irbot cannot start; fix these settings:\n${result.errors.map((e) => `  ${e}`).join('\n')}\n`);
    process.exit(1);
  }
  const config = result.config;
  const log = createLogger(config.logLevel);
  log.info({ config: redactedConfig(config) }, 'configuration loaded');
  if (config.actionsMode === 'live') log.warn('ACTIONS_MODE=live: approved recovery actions WILL change AWS resources');

  const bot = await startBot(config, { log });
  const shutdown = (signal: string) => {
    log.info({ signal }, 'draining: no new requests, letting running jobs finish');
    bot.stop().then(
      () => {
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
}

main().catch((err: unknown) => {
  process.stderr.write(`irbot failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
