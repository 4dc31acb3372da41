import { ChangeResourceRecordSetsCommand, GetChangeCommand } from '@aws-sdk/client-route-53';
import { INSYNC_CHECKS, INSYNC_INTERVAL_MS, route53Failover, type Route53FailoverParams } from '../../../src/actions/catalogue/route53-failover';
import { awsError, expectSentMatchesPlan, harness, mocks, NOW, resetMocks } from './support/harness';
import { targets } from './support/targets-fixture';

function parse(args: Record<string, string> = {}): Route53FailoverParams {
  const parsed = route53Failover.parseParams(args, targets());
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return parsed.params;
}

const TO_DR = {
  HostedZoneId: 'Z1234567890ABC',
  ChangeBatch: {
    Comment: 'irbot route53-failover to dr',
    Changes: [
      {
        Action: 'UPSERT',
        ResourceRecordSet: { Name: 'api.example.com', Type: 'A', AliasTarget: { DNSName: 'dr-alb.us-west-2.elb.amazonaws.com', HostedZoneId: 'Z1H1FL5HABSF5', EvaluateTargetHealth: false } },
      },
    ],
  },
};

describe('route53-failover', () => {
  beforeEach(resetMocks);

  it('UPSERTs the record to the DR alias and polls GetChange until INSYNC: exactly the planned calls', async () => {
    mocks.route53.on(ChangeResourceRecordSetsCommand).resolves({ ChangeInfo: { Id: '/change/C2682N5HXP0BZ4', Status: 'PENDING', SubmittedAt: NOW } });
    mocks.route53.on(GetChangeCommand).resolvesOnce({ ChangeInfo: { Id: '/change/C2682N5HXP0BZ4', Status: 'PENDING', SubmittedAt: NOW } }).resolves({ ChangeInfo: { Id: '/change/C2682N5HXP0BZ4', Status: 'INSYNC', SubmittedAt: NOW } });
    const params = parse();
    const h = harness();
    const report = await route53Failover.run(params, h.ctx);

    expect(mocks.route53.commandCalls(ChangeResourceRecordSetsCommand).map((c) => c.args[0].input)).toEqual([TO_DR]);
    expect(mocks.route53.commandCalls(GetChangeCommand).map((c) => c.args[0].input)).toEqual([{ Id: '/change/C2682N5HXP0BZ4' }, { Id: '/change/C2682N5HXP0BZ4' }]);
    expect(h.sleeps).toEqual([INSYNC_INTERVAL_MS]);
    const plan = route53Failover.plan(params, targets(), NOW);
    expect(plan[0]).toMatchObject({ service: 'route53', command: 'ChangeResourceRecordSets', input: TO_DR, mutates: true });
    expect(plan[0]?.cli).toBe(`aws route53 change-resource-record-sets --hosted-zone-id Z1234567890ABC --change-batch '${JSON.stringify(TO_DR.ChangeBatch)}'`);
    expect(plan[1]).toMatchObject({ command: 'GetChange', input: { Id: '<ChangeInfo.Id, from ChangeResourceRecordSets>' }, mutates: false });
    expectSentMatchesPlan(plan, h.sent());
    expect(report.ok).toBe(true);
    expect(report.summary).toBe('api.example.com now points to the DR target alias dr-alb.us-west-2.elb.amazonaws.com (INSYNC)');
  });

  it('to=primary moves it back; a plain-value target sends TTL and ResourceRecords', async () => {
    const t = targets();
    t.route53.primaryTarget = { value: '203.0.113.10', ttl: 60 };
    const parsed = route53Failover.parseParams({ to: 'primary' }, t);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    mocks.route53.on(ChangeResourceRecordSetsCommand).resolves({ ChangeInfo: { Id: 'C1', Status: 'INSYNC', SubmittedAt: NOW } });
    mocks.route53.on(GetChangeCommand).resolves({ ChangeInfo: { Id: 'C1', Status: 'INSYNC', SubmittedAt: NOW } });
    await route53Failover.run(parsed.params, harness().ctx);
    expect(mocks.route53.commandCalls(ChangeResourceRecordSetsCommand)[0]?.args[0].input.ChangeBatch?.Changes?.[0]?.ResourceRecordSet).toEqual({
      Name: 'api.example.com',
      Type: 'A',
      TTL: 60,
      ResourceRecords: [{ Value: '203.0.113.10' }],
    });
  });

  it('gives up after the bounded number of GetChange checks', async () => {
    mocks.route53.on(ChangeResourceRecordSetsCommand).resolves({ ChangeInfo: { Id: 'C1', Status: 'PENDING', SubmittedAt: NOW } });
    mocks.route53.on(GetChangeCommand).resolves({ ChangeInfo: { Id: 'C1', Status: 'PENDING', SubmittedAt: NOW } });
    const report = await route53Failover.run(parse(), harness().ctx);
    expect(mocks.route53.commandCalls(GetChangeCommand)).toHaveLength(INSYNC_CHECKS);
    expect(report.summary).toBe('route53-failover failed at GetChange: gave up after 30 checks (4m 50s) waiting for DNS change C1 to be INSYNC; last state: change C1 is PENDING');
  });

  it('reports the AWS error with the failing call', async () => {
    mocks.route53.on(ChangeResourceRecordSetsCommand).rejects(awsError('InvalidChangeBatch', 'Tried to create an alias that targets dr-alb…, type A in zone Z1H1FL5HABSF5, but the alias target name does not lie within the target zone'));
    const report = await route53Failover.run(parse(), harness().ctx);
    expect(mocks.route53.commandCalls(GetChangeCommand)).toHaveLength(0);
    expect(report.summary).toMatch(/^route53-failover failed at ChangeResourceRecordSets: ChangeResourceRecordSets failed: InvalidChangeBatch: Tried to create an alias/);
  });

  it('warns before approval what moves where, and names a bad to=', () => {
    expect(route53Failover.risk?.(parse(), targets(), NOW, 0)).toBe(
      'Moves api.example.com (A) to the DR target alias dr-alb.us-west-2.elb.amazonaws.com; clients holding the old answer keep it until their cache expires.',
    );
    expect(route53Failover.parseParams({ to: 'oregon' }, targets())).toEqual({ ok: false, errors: ['to: expected one of dr, primary (got "oregon")'] });
  });
});
