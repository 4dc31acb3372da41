import type { Targets } from '../../../../escalation/policy-types';
import { targetsSchema } from '../../../../escalation/targets-schema';

export const TABLES = [
  'lightningtalk-circle-prod-events',
  'lightningtalk-circle-prod-participants',
  'lightningtalk-circle-prod-users',
  'lightningtalk-circle-prod-talks',
  'lightningtalk-circle-prod-participation-votes',
  'lightningtalk-circle-prod-voting-sessions',
];

export const EVENTS = 'lightningtalk-circle-prod-events';

/** The `targets:` section as YAML data, fresh on every call so a test can change it. */
export function validTargetsData(): Record<string, unknown> {
  return {
    region: 'ap-northeast-1',
    ecs: {
      cluster: 'lightningtalk-circle-prod',
      service: 'lightningtalk-circle-prod-api',
      container: 'api',
      tableEnvVars: { 'lightningtalk-circle-prod-events': 'DYNAMODB_EVENTS_TABLE', 'lightningtalk-circle-prod-users': 'DYNAMODB_USERS_TABLE' },
    },
    dynamodb: { tables: [...TABLES] },
    healthUrl: 'https://api.example.com/health',
    route53: {
      hostedZoneId: 'Z1234567890ABC',
      recordName: 'api.example.com',
      recordType: 'A',
      primaryTarget: { aliasDnsName: 'prod-alb.ap-northeast-1.elb.amazonaws.com', aliasHostedZoneId: 'Z14GRHDCWA56QT' },
      drTarget: { aliasDnsName: 'dr-alb.us-west-2.elb.amazonaws.com', aliasHostedZoneId: 'Z1H1FL5HABSF5' },
    },
    dr: { region: 'us-west-2', cluster: 'lightningtalk-circle-prod-dr', service: 'lightningtalk-circle-prod-dr-api' },
  };
}

/** The same section as the parsed Targets the actions receive: parsed by the real schema, which also proves the fixture valid. */
export function targets(): Targets {
  return targetsSchema.parse(validTargetsData());
}
