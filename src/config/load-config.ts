import { settingsSchema } from './settings-schema';
import { loadPolicyFile } from '../../escalation/load-policy-file';
import type { Policy } from '../../escalation/policy-types';

export interface Config {
  port: number;
  slack?: { botToken: string; signingSecret?: string; appToken?: string; apiUrl?: string };
  alertsChannel?: string;
  redisUrl: string;
  queuePrefix: string;
  store: 'local' | 'dynamodb';
  dataDir: string;
  tablePrefix: string;
  policyPath: string;
  policy: Policy;
  actionsMode: 'dry-run' | 'live';
  alarmToken?: string;
  snsTopicArns: string[];
  snsCertHostPattern: RegExp;
  logLevel: string;
  workerConcurrency: number;
  /** How long a job stays locked to a replica that stopped answering before another takes it. */
  jobLockMs: number;
  /** The policy's schedules (backups, checks, drills, summary) run: by default with Slack, not in local mode. */
  schedulesEnabled: boolean;
}

export type ConfigResult = { ok: true; config: Readonly<Config> } | { ok: false; errors: string[] };

/** Reads and checks every setting and the policy file once; all problems are reported together. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = settingsSchema.safeParse(pickKnown(env));
  const errors: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path.join('.') || 'settings';
      const raw = env[name];
      const shown = raw === undefined || /TOKEN|SECRET/.test(name) ? '' : ` (got "${raw}")`;
      errors.push(`${name}: ${issue.message}${shown}`);
    }
  }
  const policyPath = parsed.success ? parsed.data.ESCALATION_POLICY : env.ESCALATION_POLICY || 'escalation/policy.yaml';
  const policy = loadPolicyFile(policyPath);
  if (!policy.ok) errors.push(...policy.errors.map((e: string) => `ESCALATION_POLICY: ${e}`));
  if (!parsed.success || !policy.ok) return { ok: false, errors };

  const s = parsed.data;
  const config: Config = {
    port: s.PORT,
    slack: s.SLACK_BOT_TOKEN
      ? { botToken: s.SLACK_BOT_TOKEN, signingSecret: s.SLACK_SIGNING_SECRET, appToken: s.SLACK_APP_TOKEN, apiUrl: s.SLACK_API_URL }
      : undefined,
    alertsChannel: s.SLACK_ALERTS_CHANNEL,
    redisUrl: s.REDIS_URL,
    queuePrefix: s.QUEUE_PREFIX,
    store: s.STORE,
    dataDir: s.DATA_DIR,
    tablePrefix: s.TABLE_PREFIX,
    policyPath: s.ESCALATION_POLICY,
    policy: policy.policy,
    actionsMode: s.ACTIONS_MODE,
    alarmToken: s.ALARM_TOKEN,
    snsTopicArns: s.SNS_TOPIC_ARNS,
    snsCertHostPattern: new RegExp(s.SNS_CERT_HOST_PATTERN),
    logLevel: s.LOG_LEVEL,
    workerConcurrency: s.WORKER_CONCURRENCY,
    jobLockMs: s.JOB_LOCK_MS,
    schedulesEnabled: s.SCHEDULES ? s.SCHEDULES === 'on' : Boolean(s.SLACK_BOT_TOKEN),
  };
  return { ok: true, config: Object.freeze(config) };
}

function pickKnown(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const known = Object.keys(settingsSchema.shape);
  const picked: Record<string, string | undefined> = {};
  for (const key of known) if (env[key] !== undefined) picked[key] = env[key];
  return picked;
}

/** The config as it may be logged: secrets replaced by whether they are set. */
export function redactedConfig(config: Config): Record<string, unknown> {
  const { slack, alarmToken, policy, ...rest } = config;
  return {
    ...rest,
    snsCertHostPattern: rest.snsCertHostPattern.source,
    slack: slack ? { botToken: 'set', signingSecret: slack.signingSecret ? 'set' : 'unset', socketMode: Boolean(slack.appToken), apiUrl: slack.apiUrl } : 'local mode',
    alarmToken: alarmToken ? 'set' : 'unset',
    policy: { levels: policy.levels.map((l) => l.id), rtoMs: policy.rtoMs, rpoMs: policy.rpoMs },
  };
}
