import path from 'node:path';
import pino from 'pino';
import type { Config } from '../config/load-config';
import { createLogger, type Logger } from '../observability/logger';

/**
 * In local mode the terminal belongs to the chat, so JSON logs go to a file
 * under DATA_DIR instead (`tail -f` it in another terminal). Written
 * synchronously so the last lines survive the exit after `quit`.
 */
export function createLocalLogger(config: Pick<Config, 'dataDir' | 'logLevel'>): { log: Logger; file: string } {
  const file = path.join(path.resolve(config.dataDir), 'irbot.log');
  const log = createLogger(config.logLevel, pino.destination({ dest: file, mkdir: true, sync: true }));
  return { log, file };
}
