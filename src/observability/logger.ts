import pino from 'pino';

export type Logger = pino.Logger;

/**
 * JSON logs. Anything that looks like a credential is censored wherever it
 * appears in a logged object, so a careless `log.info({ config })` cannot leak it.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'irbot' },
      redact: {
        paths: [
          'token', '*.token', 'botToken', '*.botToken', 'appToken', '*.appToken', 'signingSecret', '*.signingSecret',
          'alarmToken', '*.alarmToken', 'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization',
          'headers["x-slack-signature"]', 'password', '*.password',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
