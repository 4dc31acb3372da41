import type { ChangeResourceRecordSetsCommandInput, GetChangeCommandInput, ResourceRecordSet } from '@aws-sdk/client-route-53';
import type { DnsRecordType, DnsTarget } from '../../../escalation/policy-types';
import { awsCli, call, type Call } from './planned';

/** Route 53 is global; its API lives in us-east-1, which is where the SDK signs. */
export const ROUTE53_REGION = 'us-east-1';

export interface RecordRef {
  hostedZoneId: string;
  recordName: string;
  recordType: DnsRecordType;
}

function recordSet(ref: RecordRef, target: DnsTarget): ResourceRecordSet {
  if ('aliasDnsName' in target) {
    // EvaluateTargetHealth false: this is a deliberate, approved move; Route 53 must not second-guess it.
    return { Name: ref.recordName, Type: ref.recordType, AliasTarget: { DNSName: target.aliasDnsName, HostedZoneId: target.aliasHostedZoneId, EvaluateTargetHealth: false } };
  }
  return { Name: ref.recordName, Type: ref.recordType, TTL: target.ttl, ResourceRecords: [{ Value: target.value }] };
}

/** UPSERT: idempotent, so sending it again after a crash leaves the same record. */
export function upsertRecord(ref: RecordRef, target: DnsTarget, comment: string): Call<ChangeResourceRecordSetsCommandInput> {
  const input = {
    HostedZoneId: ref.hostedZoneId,
    ChangeBatch: { Comment: comment, Changes: [{ Action: 'UPSERT' as const, ResourceRecordSet: recordSet(ref, target) }] },
  };
  const cli = awsCli('route53', 'change-resource-record-sets', [['hosted-zone-id', ref.hostedZoneId], ['change-batch', JSON.stringify(input.ChangeBatch)]]);
  return call('route53', ROUTE53_REGION, 'ChangeResourceRecordSets', input, cli, true);
}

export function getChange(id: string, note?: string): Call<GetChangeCommandInput> {
  return call('route53', ROUTE53_REGION, 'GetChange', { Id: id }, awsCli('route53', 'get-change', [['id', id]]), false, note);
}
