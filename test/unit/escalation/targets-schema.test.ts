import { stringify } from 'yaml';
import { parsePolicy } from '../../../escalation/parse-policy';
import { targets, validTargetsData } from '../actions/support/targets-fixture';
import { REMOVE, validPolicyData, type PathPart } from './policy-fixture';

function policyWithTargets(path: readonly PathPart[], value: unknown): string {
  const data = { ...validPolicyData(), targets: validTargetsData() };
  let node: unknown = data.targets;
  for (const part of path.slice(0, -1)) node = (node as Record<PathPart, unknown>)[part];
  const parent = node as Record<PathPart, unknown>;
  const last = path[path.length - 1] as PathPart;
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
  return stringify(data);
}

function errorsOf(text: string): string[] {
  const result = parsePolicy(text);
  return result.ok ? [] : result.errors;
}

describe('policy targets: section', () => {
  it('parses to the Targets the actions act on', () => {
    const result = parsePolicy(stringify({ ...validPolicyData(), targets: validTargetsData() }));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.policy.targets).toEqual(targets());
  });

  it('is optional: without it the policy parses and has no targets', () => {
    const result = parsePolicy(stringify(validPolicyData()));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.policy).not.toHaveProperty('targets');
  });

  it('accepts a plain value with a TTL instead of an alias', () => {
    const text = policyWithTargets(['route53', 'drTarget'], { value: '203.0.113.10', ttl: 60 });
    const result = parsePolicy(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.policy.targets?.route53.drTarget).toEqual({ value: '203.0.113.10', ttl: 60 });
  });

  const TABLE_HINT = 'expected a DynamoDB table name (3 to 233 letters, digits, _ . or -, leaving room for the -restored-yyyymmddHHMM suffix)';
  // One change to valid targets → exactly one error line, naming the field.
  const cases: Array<[PathPart[], unknown, string]> = [
    [['region'], REMOVE, 'targets.region: required'],
    [['region'], 'Tokyo', 'targets.region: expected an AWS region like ap-northeast-1 (got "Tokyo")'],
    [['regoin'], 'ap-northeast-1', 'targets.regoin: unknown field (did you mean region?)'],
    [['ecs'], REMOVE, 'targets.ecs: required'],
    [['ecs', 'cluster'], REMOVE, 'targets.ecs.cluster: required'],
    [['ecs', 'service'], 'api service', 'targets.ecs.service: expected an ECS name (1 to 255 letters, digits, - or _) (got "api service")'],
    [['ecs', 'container'], REMOVE, 'targets.ecs.container: required'],
    [['ecs', 'tableEnvVars'], {}, 'targets.ecs.tableEnvVars: expected at least one table → environment variable entry'],
    [['ecs', 'tableEnvVars', 'lightningtalk-circle-prod-users'], 'users-table', 'targets.ecs.tableEnvVars.lightningtalk-circle-prod-users: expected an environment variable name like DYNAMODB_EVENTS_TABLE (got "users-table")'],
    [['ecs', 'tableEnvVars', 'lightningtalk-circle-prod-comments'], 'COMMENTS', 'targets.ecs.tableEnvVars.lightningtalk-circle-prod-comments: not one of dynamodb.tables'],
    [['dynamodb', 'tables'], [], 'targets.dynamodb.tables: expected a list of 1 to 50 table names'],
    [['dynamodb', 'tables', 3], 42, `targets.dynamodb.tables[3]: ${TABLE_HINT} (got 42)`],
    [['dynamodb', 'tables', 1], 'x', `targets.dynamodb.tables[1]: ${TABLE_HINT} (got "x")`],
    [['dynamodb', 'tables', 3], 'lightningtalk-circle-prod-events', 'targets.dynamodb.tables[3]: duplicate table "lightningtalk-circle-prod-events" (already at tables[0])'],
    [['healthUrl'], 'http://api.example.com/health', 'targets.healthUrl: expected an https:// URL like https://api.example.com/health, without user or password (got "http://api.example.com/health")'],
    [['healthUrl'], 'https://user:pw@api.example.com/health', 'targets.healthUrl: expected an https:// URL like https://api.example.com/health, without user or password (got "https://user:pw@api.example.com/health")'],
    [['route53', 'hostedZoneId'], '/hostedzone/Z123', 'targets.route53.hostedZoneId: expected a Route 53 hosted zone ID like Z1234567890ABC (got "/hostedzone/Z123")'],
    [['route53', 'recordName'], 'not a name', 'targets.route53.recordName: expected a DNS name like api.example.com (got "not a name")'],
    [['route53', 'recordType'], 'MX', 'targets.route53.recordType: expected A, AAAA or CNAME (got "MX")'],
    [['route53', 'drTarget'], REMOVE, 'targets.route53.drTarget: required'],
    [['route53', 'drTarget'], {}, 'targets.route53.drTarget: expected either aliasDnsName and aliasHostedZoneId, or value and ttl'],
    [['route53', 'drTarget', 'aliasHostedZoneId'], REMOVE, 'targets.route53.drTarget.aliasHostedZoneId: required'],
    [['route53', 'drTarget', 'ttl'], 60, 'targets.route53.drTarget.ttl: not allowed with aliasDnsName/aliasHostedZoneId (a record is either an alias or a value)'],
    [['route53', 'primaryTarget'], { value: 'dr.example.com', ttl: 60 }, 'targets.route53.primaryTarget.value: expected an IPv4 address for an A record (got "dr.example.com")'],
    [['route53', 'primaryTarget'], { value: '203.0.113.10' }, 'targets.route53.primaryTarget.ttl: required'],
    [['route53', 'primaryTarget'], { value: '203.0.113.10', ttl: 0 }, 'targets.route53.primaryTarget.ttl: expected a TTL in seconds from 1 to 172800 (got 0)'],
    [['dr'], REMOVE, 'targets.dr: required'],
    [['dr', 'region'], 'ap-northeast-1', 'targets.dr.region: expected a region other than the primary ap-northeast-1'],
    [['dr', 'service'], REMOVE, 'targets.dr.service: required'],
  ];

  it.each(cases)('targets.%j = %j → %s', (path, value, expected) => {
    expect(errorsOf(policyWithTargets(path, value))).toEqual([expected]);
  });

  it('reports every wrong field in one pass', () => {
    const data = { ...validPolicyData(), targets: { ...validTargetsData(), region: 'tokyo', healthUrl: 'ftp://x' } };
    delete (data.targets as Record<string, unknown>).dr;
    expect(errorsOf(stringify(data))).toEqual([
      'targets.region: expected an AWS region like ap-northeast-1 (got "tokyo")',
      'targets.healthUrl: expected an https:// URL like https://api.example.com/health, without user or password (got "ftp://x")',
      'targets.dr: required',
    ]);
  });
});
