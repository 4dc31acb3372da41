// Through Bolt's re-exports: @slack/logger is Bolt's dependency, not irbot's.
import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../observability/logger';

/**
 * Bolt and the WebClient log through this, so their lines land in the same
 * JSON stream (and the same secret redaction) as the rest of irbot.
 */
export function slackLogger(log: Logger, name = 'slack'): SlackLogger {
  const child = log.child({ component: name });
  let level: LogLevel = LogLevel.INFO;
  let current = child;
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg: unknown[]) => current.debug(text(msg)),
    info: (...msg: unknown[]) => current.info(text(msg)),
    warn: (...msg: unknown[]) => current.warn(text(msg)),
    error: (...msg: unknown[]) => current.error(text(msg)),
    // irbot's LOG_LEVEL decides what is written; Bolt's own level is only remembered for getLevel().
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: (n: string) => void (current = log.child({ component: n })),
  };
}
