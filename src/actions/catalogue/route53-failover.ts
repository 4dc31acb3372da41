import { ChangeResourceRecordSetsCommand, GetChangeCommand } from '@aws-sdk/client-route-53';
import type { DnsTarget } from '../../../escalation/policy-types';
import type { ActionDefinition } from '../action-types';
import { callAws } from '../aws-call';
import { later } from '../calls/planned';
import { getChange, upsertRecord, type RecordRef } from '../calls/route53-calls';
import { ParamReader } from '../params';
import { pollUntil } from '../poll';
import { StepLog } from '../step-log';

export const INSYNC_CHECKS = 30;
export const INSYNC_INTERVAL_MS = 10_000;

export interface Route53FailoverParams extends RecordRef {
  to: 'dr' | 'primary';
  target: DnsTarget;
}

function describeTarget(target: DnsTarget): string {
  return 'aliasDnsName' in target ? `alias ${target.aliasDnsName}` : `${target.value} (TTL ${target.ttl}s)`;
}

/**
 * Level 3, step 4 of the plan: `aws route53 change-resource-record-sets` to
 * the DR target (or back with to=primary), then wait until Route 53 reports
 * the change INSYNC on its name servers.
 */
export const route53Failover: ActionDefinition<Route53FailoverParams> = {
  name: 'route53-failover',
  summary: 'Move the service DNS record to the DR target (or back to primary) and wait until Route 53 reports INSYNC.',
  needsApproval: true,
  usage: 'route53-failover [to=dr|primary]',

  parseParams(args, targets) {
    const reader = new ParamReader(args, ['to']);
    const to = reader.oneOf('to', reader.optional('to') ?? 'dr', ['dr', 'primary'] as const);
    const { hostedZoneId, recordName, recordType, drTarget, primaryTarget } = targets.route53;
    return reader.result(() => ({
      hostedZoneId,
      recordName,
      recordType,
      to: to ?? 'dr',
      target: to === 'primary' ? primaryTarget : drTarget,
    }));
  },

  plan(p) {
    return [
      upsertRecord(p, p.target, comment(p)).planned,
      getChange(later('ChangeInfo.Id, from ChangeResourceRecordSets'), `repeated every ${INSYNC_INTERVAL_MS / 1000}s until INSYNC, at most ${INSYNC_CHECKS} times`).planned,
    ];
  },

  risk(p) {
    return `Moves ${p.recordName} (${p.recordType}) to the ${p.to === 'dr' ? 'DR' : 'primary'} target ${describeTarget(p.target)}; clients holding the old answer keep it until their cache expires.`;
  },

  async run(p, ctx) {
    const log = new StepLog('route53-failover');
    const route53 = ctx.aws.route53();
    // UPSERT is idempotent: a retry after a crash sends it again and the record ends the same.
    const changed = await callAws('ChangeResourceRecordSets', () => route53.send(new ChangeResourceRecordSetsCommand(upsertRecord(p, p.target, comment(p)).input)));
    if (!changed.ok) return log.fail('ChangeResourceRecordSets', changed.error);
    const id = changed.value.ChangeInfo?.Id;
    if (id === undefined) return log.fail('ChangeResourceRecordSets', 'no change ID returned');
    log.ok('ChangeResourceRecordSets', `${p.recordName} ${p.recordType} → ${describeTarget(p.target)} (change ${id}, ${changed.value.ChangeInfo?.Status ?? '?'})`);
    const synced = await pollUntil(ctx, {
      what: `DNS change ${id} to be INSYNC`,
      attempts: INSYNC_CHECKS,
      intervalMs: INSYNC_INTERVAL_MS,
      check: async () => {
        const answer = await callAws('GetChange', () => route53.send(new GetChangeCommand(getChange(id).input)));
        if (!answer.ok) return { state: 'failed', detail: answer.error };
        const status = answer.value.ChangeInfo?.Status;
        return status === 'INSYNC' ? { state: 'done', value: status } : { state: 'waiting', detail: `change ${id} is ${status ?? '?'}` };
      },
    });
    if (!synced.ok) return log.fail('GetChange', synced.detail);
    log.ok('GetChange', `change ${id} INSYNC`);
    return log.done(`${p.recordName} now points to the ${p.to === 'dr' ? 'DR' : 'primary'} target ${describeTarget(p.target)} (INSYNC)`);
  },
};

function comment(p: Route53FailoverParams): string {
  return `irbot route53-failover to ${p.to}`;
}
