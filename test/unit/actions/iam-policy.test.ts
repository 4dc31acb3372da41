import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicyFile } from '../../../escalation/load-policy-file';
import type { Targets } from '../../../escalation/policy-types';
import { REQUESTED_AT_PARAM, type PlannedCall } from '../../../src/actions/action-types';
import { actionCatalogue } from '../../../src/actions/catalogue';
import { NOW, REQUESTED_AT } from './support/harness';

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const iam = JSON.parse(readFileSync(join(__dirname, '../../../iam/irbot-actions-policy.json'), 'utf8')) as { Version: string; Statement: Statement[] };
const shipped = loadPolicyFile(join(__dirname, '../../../escalation/policy.yaml'));
if (!shipped.ok || shipped.policy.targets === undefined) throw new Error('the shipped policy has no valid targets');
const targets: Targets = shipped.policy.targets;
const ACCOUNT = '123456789012';
const EVENTS = 'lightningtalk-circle-prod-events';

const list = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);
const wildcard = (pattern: string): RegExp => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

function allowed(action: string, resource: string): Statement | undefined {
  return iam.Statement.find((s) => list(s.Action).includes(action) && list(s.Resource).some((r) => wildcard(r).test(resource)));
}

const tableArn = (region: string, table: string) => `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${table}`;

/** The IAM action and resource one planned call needs (a restore also needs writes on its new table). */
function needs(call: PlannedCall): Array<[string, string]> {
  const input = call.input as Record<string, string | undefined>;
  const action = `${call.service}:${call.command}`;
  switch (action) {
    case 'ecs:DescribeServices':
      return [[action, `arn:aws:ecs:${call.region}:${ACCOUNT}:service/${input.cluster}/${(call.input.services as string[])[0]}`]];
    case 'ecs:UpdateService':
      return [[action, `arn:aws:ecs:${call.region}:${ACCOUNT}:service/${input.cluster}/${input.service}`]];
    case 'ecs:DescribeTaskDefinition':
    case 'ecs:RegisterTaskDefinition':
    case 'dynamodb:ListBackups':
      return [[action, '*']];
    case 'dynamodb:RestoreTableToPointInTime':
      return [
        [action, tableArn(call.region, input.SourceTableName ?? '')],
        ['dynamodb:PutItem', tableArn(call.region, input.TargetTableName ?? '')],
        ['dynamodb:BatchWriteItem', tableArn(call.region, input.TargetTableName ?? '')],
      ];
    case 'route53:ChangeResourceRecordSets':
      return [[action, `arn:aws:route53:::hostedzone/${input.HostedZoneId}`]];
    case 'route53:GetChange':
      return [[action, 'arn:aws:route53:::change/C123']];
    default:
      if (call.service === 'dynamodb') return [[action, tableArn(call.region, input.TableName ?? '')]];
      return [];
  }
}

const EXAMPLES: Array<[string, Record<string, string>]> = [
  ['ecs-status', {}],
  ['ecs-status', { region: 'us-west-2' }],
  ['health-check', {}],
  ['pitr-status', {}],
  ['ecs-restart', {}],
  ['dynamodb-backup', { table: 'all' }],
  ['dynamodb-restore', { table: EVENTS }],
  ['dynamodb-restore', { table: EVENTS, drill: 'true' }],
  ['switch-table', { table: EVENTS, to: `${EVENTS}-restored-202507110325` }],
  ['switch-table', { table: EVENTS, to: EVENTS }],
  ['ecs-scale', { desired: '2' }],
  ['ecs-scale', { desired: '0', region: 'ap-northeast-1' }],
  ['route53-failover', {}],
  ['route53-failover', { to: 'primary' }],
  ['runbook-l1', {}],
  ['runbook-l2', { table: 'lightningtalk-circle-prod-voting-sessions' }],
  ['runbook-l3', { desired: '2' }],
];

describe('iam/irbot-actions-policy.json', () => {
  it('is a valid policy document of Allow statements with unique Sids', () => {
    expect(iam.Version).toBe('2012-10-17');
    expect(new Set(iam.Statement.map((s) => s.Sid)).size).toBe(iam.Statement.length);
    for (const s of iam.Statement) expect(s.Effect).toBe('Allow');
  });

  it('lists every action of the catalogue in EXAMPLES', () => {
    expect(new Set(EXAMPLES.map(([name]) => name))).toEqual(new Set(actionCatalogue.map((a) => a.name)));
  });

  it.each(EXAMPLES)('allows every call %s %j plans for the shipped targets', (name, args) => {
    const action = actionCatalogue.find((a) => a.name === name);
    const parsed = action?.parseParams({ ...args, [REQUESTED_AT_PARAM]: REQUESTED_AT }, targets);
    if (!action || !parsed?.ok) throw new Error(`cannot parse ${name}`);
    for (const call of action.plan(parsed.params, targets, NOW)) {
      for (const [iamAction, resource] of needs(call)) {
        expect({ iamAction, resource, allowedBy: allowed(iamAction, resource)?.Sid }).toEqual({ iamAction, resource, allowedBy: expect.any(String) });
      }
    }
  });

  it('denies what the catalogue never does: writing a production table, restoring over another name, touching other services', () => {
    expect(allowed('dynamodb:PutItem', tableArn('ap-northeast-1', EVENTS))).toBeUndefined();
    expect(allowed('dynamodb:DeleteTable', tableArn('ap-northeast-1', `${EVENTS}-restored-202507110325`))).toBeUndefined();
    expect(allowed('dynamodb:PutItem', tableArn('ap-northeast-1', 'lightningtalk-circle-prod-events-copy'))).toBeUndefined();
    expect(allowed('ecs:UpdateService', `arn:aws:ecs:ap-northeast-1:${ACCOUNT}:service/lightningtalk-circle-prod/other`)).toBeUndefined();
    expect(allowed('iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/admin`)).toBeUndefined();
    const upsert = iam.Statement.find((s) => list(s.Action).includes('route53:ChangeResourceRecordSets'));
    expect(upsert?.Condition?.['ForAllValues:StringEquals']).toEqual({
      'route53:ChangeResourceRecordSetsNormalizedRecordNames': [targets.route53.recordName],
      'route53:ChangeResourceRecordSetsRecordTypes': [targets.route53.recordType],
      'route53:ChangeResourceRecordSetsActions': ['UPSERT'],
    });
    expect(iam.Statement.find((s) => list(s.Action).includes('iam:PassRole'))?.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } });
  });
});
