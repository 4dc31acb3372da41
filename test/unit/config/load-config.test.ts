import { join } from 'node:path';
import { loadConfig, redactedConfig } from '../../../src/config/load-config';

const policy = join(__dirname, '..', '..', '..', 'escalation', 'policy.yaml');

describe('loadConfig', () => {
  it('takes the contract defaults with nothing set (local mode)', () => {
    const r = loadConfig({ ESCALATION_POLICY: policy });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.config).toMatchObject({ port: 3000, redisUrl: 'redis://127.0.0.1:6379', queuePrefix: 'irbot', store: 'local', dataDir: './.data', tablePrefix: 'irbot-', actionsMode: 'dry-run', logLevel: 'info', snsTopicArns: [] });
    expect(r.config.slack).toBeUndefined();
    expect(r.config.snsCertHostPattern.test('sns.ap-northeast-1.amazonaws.com')).toBe(true);
    expect(r.config.snsCertHostPattern.test('sns.evil.example.com')).toBe(false);
    expect(Object.isFrozen(r.config)).toBe(true);
  });

  it('reports every wrong setting, one line each, saying how to fix it', () => {
    const r = loadConfig({
      ESCALATION_POLICY: policy,
      PORT: 'eighty',
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      STORE: 'postgres',
      ACTIONS_MODE: 'yolo',
      ALARM_TOKEN: 'short',
      SNS_TOPIC_ARNS: 'arn:aws:sns:ap-northeast-1:123456789012:ok,not-an-arn',
      SNS_CERT_HOST_PATTERN: '([',
      SLACK_ALERTS_CHANNEL: '#alerts',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byName = (name: string) => r.errors.filter((e) => e.startsWith(`${name}:`));
    for (const name of ['PORT', 'SLACK_BOT_TOKEN', 'STORE', 'ACTIONS_MODE', 'ALARM_TOKEN', 'SNS_TOPIC_ARNS', 'SNS_CERT_HOST_PATTERN', 'SLACK_ALERTS_CHANNEL']) {
      expect(byName(name)).toHaveLength(1);
    }
    expect(byName('PORT')[0]).toContain('(got "eighty")');
    expect(byName('ALARM_TOKEN')[0]).toContain('openssl rand -hex 32');
    // Secrets are never echoed back.
    expect(r.errors.join('\n')).not.toContain('xoxp-user-token');
    expect(r.errors.join('\n')).not.toContain('"short"');
  });

  it('needs a signing secret for Slack over HTTP, but not in Socket Mode', () => {
    const http = loadConfig({ ESCALATION_POLICY: policy, SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(http.ok).toBe(false);
    if (!http.ok) expect(http.errors[0]).toMatch(/^SLACK_SIGNING_SECRET: required/);
    const socket = loadConfig({ ESCALATION_POLICY: policy, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.ok).toBe(true);
  });

  it('names the policy file and field when the policy is wrong', () => {
    const r = loadConfig({ ESCALATION_POLICY: '/nonexistent/policy.yaml' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.stringMatching(/^ESCALATION_POLICY: \/nonexistent\/policy.yaml: .*not found/)]);
  });

  it('never puts secrets in the loggable form', () => {
    const r = loadConfig({ ESCALATION_POLICY: policy, SLACK_BOT_TOKEN: 'xoxb-secret-bot', SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef', ALARM_TOKEN: 'a-very-secret-alarm-token' });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const text = JSON.stringify(redactedConfig(r.config));
    expect(text).not.toContain('xoxb-secret-bot');
    expect(text).not.toContain('abcdef0123456789abcdef');
    expect(text).not.toContain('a-very-secret-alarm-token');
  });
});
