import { z } from 'zod';

/**
 * Every environment setting of the contract. Each refinement's message says how
 * to fix the value, because start-up prints exactly these lines and exits.
 */
const optionalText = z
  .string()
  .transform((v) => v.trim())
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const validRegex = (text: string): boolean => {
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
};

export const settingsSchema = z
  .object({
    PORT: z.coerce
      .number({ message: 'expected a whole number from 1 to 65535, e.g. PORT=3000' })
      .int('expected a whole number from 1 to 65535, e.g. PORT=3000')
      .min(0, 'expected a whole number from 1 to 65535, e.g. PORT=3000 (0 picks a free port)')
      .max(65535, 'expected a whole number from 1 to 65535, e.g. PORT=3000')
      .default(3000),
    SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), {
      message: 'expected a bot token starting with xoxb- (Slack app → OAuth & Permissions → Bot User OAuth Token); unset it for local mode',
    }),
    SLACK_SIGNING_SECRET: optionalText.refine((v) => v === undefined || /^[0-9a-f]{16,}$/i.test(v), {
      message: 'expected the hex signing secret from Slack app → Basic Information → App Credentials',
    }),
    SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
      message: 'expected an app-level token starting with xapp- (Slack app → Basic Information → App-Level Tokens, scope connections:write)',
    }),
    SLACK_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+\/$/.test(v), {
      message: 'expected an http(s) URL ending in /, e.g. https://slack.com/api/',
    }),
    SLACK_ALERTS_CHANNEL: optionalText.refine((v) => v === undefined || /^[CG][A-Z0-9]{2,}$/.test(v), {
      message: 'expected a channel ID like C0123456789 (channel details → About → Channel ID), not a #name',
    }),
    REDIS_URL: z
      .string()
      .default('redis://127.0.0.1:6379')
      .refine((v) => /^rediss?:\/\/[^\s]+$/.test(v), { message: 'expected redis://host:port[/db] or rediss://…' }),
    QUEUE_PREFIX: z
      .string()
      .default('irbot')
      .refine((v) => /^[A-Za-z0-9_{}.-]{1,64}$/.test(v), {
        message: 'expected 1-64 letters, digits, _ . - { } (use {irbot} on Redis Cluster)',
      }),
    STORE: z.enum(['local', 'dynamodb'], { message: 'expected local or dynamodb' }).default('local'),
    DATA_DIR: z.string().min(1, 'expected a folder path, e.g. ./.data').default('./.data'),
    TABLE_PREFIX: z
      .string()
      .default('irbot-')
      .refine((v) => /^[A-Za-z0-9_.-]{0,200}$/.test(v), { message: 'expected letters, digits, _ . - only (DynamoDB table names)' }),
    ESCALATION_POLICY: z.string().min(1, 'expected a path to the policy YAML').default('escalation/policy.yaml'),
    ACTIONS_MODE: z.enum(['dry-run', 'live'], { message: 'expected dry-run or live' }).default('dry-run'),
    ALARM_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 16, {
      message: 'expected at least 16 characters; generate one with: openssl rand -hex 32',
    }),
    SNS_TOPIC_ARNS: optionalText
      .transform((v) => (v === undefined ? [] : v.split(',').map((s) => s.trim()).filter((s) => s !== '')))
      .refine((arns) => arns.every((a) => /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+$/.test(a)), {
        message: 'expected comma-separated SNS topic ARNs like arn:aws:sns:ap-northeast-1:123456789012:alarms',
      }),
    SNS_CERT_HOST_PATTERN: z
      .string()
      .default('^sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?$')
      .refine(validRegex, { message: 'expected a valid regular expression' }),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'expected one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
    WORKER_CONCURRENCY: z.coerce.number({ message: 'expected a whole number from 1 to 100' }).int('expected a whole number from 1 to 100').min(1, 'expected a whole number from 1 to 100').max(100, 'expected a whole number from 1 to 100').default(32),
    SCHEDULES: z.enum(['on', 'off'], { message: 'expected on or off' }).optional(),
    JOB_LOCK_MS: z.coerce.number({ message: 'expected milliseconds from 1000 to 600000' }).int('expected milliseconds from 1000 to 600000').min(1000, 'expected milliseconds from 1000 to 600000').max(600000, 'expected milliseconds from 1000 to 600000').default(30000),
  })
  .superRefine((s, ctx) => {
    if (s.SLACK_BOT_TOKEN && !s.SLACK_APP_TOKEN && !s.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'required with SLACK_BOT_TOKEN in HTTP mode (Slack app → Basic Information → Signing Secret), or set SLACK_APP_TOKEN for Socket Mode',
      });
    }
    if (s.SLACK_APP_TOKEN && !s.SLACK_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'required when SLACK_APP_TOKEN is set (Socket Mode still needs the bot token)' });
    }
  });

export type Settings = z.output<typeof settingsSchema>;
