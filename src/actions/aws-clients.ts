import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ECSClient } from '@aws-sdk/client-ecs';
import { Route53Client } from '@aws-sdk/client-route-53';
import type { AwsClients } from './action-types';
import { ROUTE53_REGION } from './calls/route53-calls';

/**
 * One SDK client per service and region, made on first use and kept: a
 * client holds its connection pool and resolved credentials, so reusing it
 * keeps waits (dozens of Describe calls) cheap. Credentials come from the
 * standard chain (env, shared config, SSO, ECS task role, instance profile).
 */
export function createAwsClients(): AwsClients {
  const dynamodb = new Map<string, DynamoDBClient>();
  const ecs = new Map<string, ECSClient>();
  let route53: Route53Client | undefined;
  return {
    dynamodb(region) {
      return cached(dynamodb, region, () => new DynamoDBClient({ region }));
    },
    ecs(region) {
      return cached(ecs, region, () => new ECSClient({ region }));
    },
    route53() {
      route53 ??= new Route53Client({ region: ROUTE53_REGION });
      return route53;
    },
  };
}

function cached<C>(clients: Map<string, C>, region: string, make: () => C): C {
  let client = clients.get(region);
  if (client === undefined) {
    client = make();
    clients.set(region, client);
  }
  return client;
}
