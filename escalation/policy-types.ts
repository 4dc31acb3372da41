/** Durations are milliseconds once parsed. */
export interface EscalationLevel {
  id: string;
  name: string;
  /** Slack user IDs (U…/W…) or user-group IDs (S…). */
  responders: string[];
  ackTimeoutMs: number;
}

export interface ApprovalRule {
  approvers: string[];
  required: number;
  expiresAfterMs: number;
}

export interface Policy {
  rtoMs: number;
  rpoMs: number;
  autoResolve: boolean;
  channelPrefix: string;
  levels: EscalationLevel[];
  /** `default` is always present. */
  approvals: Record<string, ApprovalRule>;
  /** What the recovery actions act on; absent → every action refuses and says to add `targets:`. */
  targets?: Targets;
  /** The scheduled guards (backups, checks, drills, summary); absent → nothing runs on its own. */
  schedules?: import('./schedule-types').Schedules;
  /** How long the backups the bot makes are kept (`retention:`); required when the retention task is scheduled. */
  retentionMs?: number;
}

/**
 * The part of the policy copied onto an incident when it opens, so that editing
 * the policy file never changes a running incident. Plain JSON.
 */
export interface PolicySnapshot {
  rtoMs: number;
  autoResolve: boolean;
  levels: EscalationLevel[];
}

/**
 * What the recovery actions act on, from the policy file's `targets:` section
 * (the operator's plan: cluster, service, tables, health URL, DNS, DR region).
 */
export interface Targets {
  /** The primary region, e.g. ap-northeast-1. */
  region: string;
  ecs: {
    cluster: string;
    service: string;
    /** The container of the service's task definition that reads the table names. */
    container: string;
    /**
     * Table name → the container's environment variable holding it, for
     * switch-table. A table not listed here cannot be switched.
     */
    tableEnvVars: Record<string, string>;
  };
  dynamodb: { tables: string[] };
  /** https only. */
  healthUrl: string;
  route53: { hostedZoneId: string; recordName: string; recordType: DnsRecordType; primaryTarget: DnsTarget; drTarget: DnsTarget };
  dr: { region: string; cluster: string; service: string };
}

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME';

/** An alias (a load balancer, CloudFront…) or a plain record value with its TTL in seconds. */
export type DnsTarget = { aliasDnsName: string; aliasHostedZoneId: string } | { value: string; ttl: number };
