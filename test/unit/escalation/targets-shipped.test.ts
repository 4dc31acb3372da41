import { join } from 'node:path';
import { loadPolicyFile } from '../../../escalation/load-policy-file';
import { TABLES } from '../actions/support/targets-fixture';

describe('escalation/policy.yaml targets, the plan as shipped', () => {
  const result = loadPolicyFile(join(__dirname, '../../../escalation/policy.yaml'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const targets = result.policy.targets;

  it('names the plan: Tokyo, its cluster and service, the six tables, /health, DR in Oregon', () => {
    expect(targets).toBeDefined();
    expect(targets?.region).toBe('ap-northeast-1');
    expect(targets?.ecs).toMatchObject({ cluster: 'lightningtalk-circle-prod', service: 'lightningtalk-circle-prod-api' });
    expect(targets?.dynamodb.tables).toEqual(TABLES);
    expect(targets?.healthUrl).toBe('https://api.xn--6wym69a.com/health');
    expect(targets?.dr.region).toBe('us-west-2');
    expect(targets?.route53.hostedZoneId).toBe('Z1234567890ABC');
  });

  it('maps every table to the environment variable switch-table changes, starting with the plan’s DYNAMODB_EVENTS_TABLE', () => {
    expect(Object.keys(targets?.ecs.tableEnvVars ?? {})).toEqual(TABLES);
    expect(targets?.ecs.tableEnvVars['lightningtalk-circle-prod-events']).toBe('DYNAMODB_EVENTS_TABLE');
  });
});
