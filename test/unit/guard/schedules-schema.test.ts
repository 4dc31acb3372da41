import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { cronProblem, isIanaTimeZone } from '../../../escalation/cron-pattern';
import { parsePolicy } from '../../../escalation/parse-policy';
import { validPolicyData } from '../escalation/policy-fixture';
import { validTargetsData } from '../actions/support/targets-fixture';

const H = 3_600_000;

function parseWith(extra: Record<string, unknown>) {
  return parsePolicy(stringify({ ...validPolicyData(), targets: validTargetsData(), ...extra }));
}

function errorsOf(extra: Record<string, unknown>): string[] {
  const result = parseWith(extra);
  if (result.ok) throw new Error('expected the policy to be refused');
  return result.errors;
}

describe('schedules: and retention: in the policy', () => {
  it('reads the shipped plan: 02:00 Tokyo backups, hourly PITR check, 30 days of retention', () => {
    const result = parsePolicy(readFileSync(join(__dirname, '../../../escalation/policy.yaml'), 'utf8'));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.policy.retentionMs).toBe(720 * H);
    expect(result.policy.schedules).toEqual({
      timezone: 'Asia/Tokyo',
      tasks: { backup: '0 2 * * *', retention: '0 3 * * *', pitrCheck: '5 * * * *', backupCheck: '30 4 * * *', drill: '0 10 1 * *', weeklySummary: '0 9 * * 1' },
    });
  });

  it('defaults the time zone to UTC and schedules only the tasks listed; seconds are allowed', () => {
    const result = parseWith({ schedules: { pitrCheck: '*/10 * * * * *' } });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.policy.schedules).toEqual({ timezone: 'UTC', tasks: { pitrCheck: '*/10 * * * * *' } });
    expect(result.policy.retentionMs).toBeUndefined();
  });

  it('leaves both out of a policy without them', () => {
    const result = parsePolicy(stringify(validPolicyData()));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.policy).not.toHaveProperty('schedules');
    expect(result.policy).not.toHaveProperty('retentionMs');
  });

  it('names the field of every mistake in one pass', () => {
    expect(errorsOf({ retention: '2h', schedules: { timezone: 'Tokyo/Japan', backup: '0 25 * * *', pitrChek: '0 * * * *', drill: 'monthly' } })).toEqual([
      'retention: expected at least 24h (the plan keeps backups 720h, 30 days)',
      'schedules.timezone: expected an IANA time zone like Asia/Tokyo or UTC (got "Tokyo/Japan")',
      'schedules.backup: hour field "25": "25" is not allowed (expected 0-23)',
      'schedules.drill: expected a cron pattern like "0 2 * * *" (minute hour day-of-month month day-of-week, optionally seconds first); got 1 field(s)',
      'schedules.pitrChek: unknown field (did you mean pitrCheck?)',
    ]);
  });

  it('refuses a retention schedule without retention:, and schedules without targets:', () => {
    expect(errorsOf({ schedules: { retention: '0 3 * * *' } })).toEqual(['retention: required when schedules.retention is set (how long to keep the bot’s backups, e.g. 720h)']);
    const noTargets = parsePolicy(stringify({ ...validPolicyData(), schedules: { backup: '0 2 * * *', weeklySummary: '0 9 * * 1' } }));
    expect(noTargets).toEqual({ ok: false, errors: ['schedules: backup act on targets.dynamodb.tables; add a targets: section or remove them'] });
    // The weekly summary reads only the incident log: fine without targets.
    expect(parsePolicy(stringify({ ...validPolicyData(), schedules: { weeklySummary: '0 9 * * 1' } })).ok).toBe(true);
  });
});

describe('cron patterns', () => {
  it.each(['0 2 * * *', '5 * * * *', '*/15 * * * *', '0 9 * * MON', '0 9 * * 1-5', '0 0 1,15 * *', '0 10 1 JAN,JUL ?', '* * * * * *', '30 0 2 * * *'])('accepts %j', (pattern) => {
    expect(cronProblem(pattern)).toBeUndefined();
  });

  it.each([
    ['0 2 * *', /got 4 field/],
    ['60 * * * *', /minute field "60"/],
    ['0 0 0 * *', /day of month field "0"/],
    ['0 0 * 13 *', /month field "13"/],
    ['0 0 * * 8', /day of week field "8"/],
    ['0 0 * * FUNDAY', /day of week field "FUNDAY"/],
    ['*/0 * * * *', /step must be at least 1/],
    ['0 5-2 * * *', /runs backwards/],
    ['0 ? * * *', /hour field "\?"/],
  ])('refuses %j', (pattern, problem) => {
    expect(cronProblem(pattern)).toMatch(problem);
  });

  it('knows IANA zones and refuses offsets and made-up names', () => {
    expect(isIanaTimeZone('Asia/Tokyo')).toBe(true);
    expect(isIanaTimeZone('UTC')).toBe(true);
    expect(isIanaTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isIanaTimeZone('+09:00')).toBe(false);
    expect(isIanaTimeZone('Mars/Olympus')).toBe(false);
  });
});
