import { createAwsClients } from '../../../src/actions/aws-clients';

describe('createAwsClients', () => {
  it('makes one client per service and region, and keeps it', async () => {
    const clients = createAwsClients();
    expect(clients.ecs('ap-northeast-1')).toBe(clients.ecs('ap-northeast-1'));
    expect(clients.ecs('us-west-2')).not.toBe(clients.ecs('ap-northeast-1'));
    expect(clients.dynamodb('us-west-2')).toBe(clients.dynamodb('us-west-2'));
    expect(clients.route53()).toBe(clients.route53());
    expect(await clients.ecs('us-west-2').config.region()).toBe('us-west-2');
    expect(await clients.dynamodb('ap-northeast-1').config.region()).toBe('ap-northeast-1');
    expect(await clients.route53().config.region()).toBe('us-east-1');
  });
});
