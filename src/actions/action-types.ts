import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { Route53Client } from '@aws-sdk/client-route-53';
import type { Targets } from '../../escalation/policy-types';

/**
 * The contract between the recovery-action catalogue (src/actions/catalogue)
 * and the approval workflow (src/app/actions). The workflow never looks inside
 * an action; an action never touches incidents, Slack or the queue.
 */

/** One AWS SDK command (or HTTP request) an action sends, as shown before approval and in dry run. */
export interface PlannedCall {
  service: 'dynamodb' | 'ecs' | 'route53' | 'http';
  region: string;
  /** SDK command name without the `Command` suffix, e.g. `RestoreTableToPointInTime`; `GET` for http. */
  command: string;
  /** The SDK input as plain JSON (Dates as ISO strings), so it can be stored with the request. */
  input: Record<string, unknown>;
  /** The equivalent `aws …` CLI line (or `curl …`), for the operator to read or run by hand. */
  cli: string;
  /** false for Describe, Get and List calls: those are safe to repeat. */
  mutates: boolean;
  /**
   * Set when the call is repeated or part of its input is only known at run
   * time, e.g. "repeated every 15s until stable, at most 40 times". Input
   * values written `<like this>` come from an earlier call's answer.
   */
  note?: string;
}

export interface StepReport {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ActionReport {
  ok: boolean;
  /** One line for the approval message's outcome. */
  summary: string;
  steps: StepReport[];
}

export interface AwsClients {
  dynamodb(region: string): DynamoDBClient;
  ecs(region: string): ECSClient;
  route53(): Route53Client;
}

export interface HttpProbe {
  get(url: string, timeoutMs: number): Promise<{ status: number; latencyMs: number; bodyExcerpt: string }>;
}

export interface ActionRunContext {
  targets: Targets;
  aws: AwsClients;
  http: HttpProbe;
  rpoMs: number;
  now(): Date;
  sleep(ms: number): Promise<void>;
  /** A progress line for the incident thread ("Restore started; waiting for ACTIVE (2/40)"). */
  progress(line: string): Promise<void>;
}

export type ParamsResult<P> = { ok: true; params: P } | { ok: false; errors: string[] };

/**
 * The argument the workflow adds to the operator's `key=value` words before
 * parseParams: the ISO time the request was made. Actions derive names from it
 * (`<table>-restored-<yyyymmddHHMM>`, `<table>-backup-<yyyymmdd>`) and use it to
 * recognise their own earlier attempt, so a retry hours later makes the same
 * calls. Parsed params are plain JSON: store them with the request and hand the
 * same object to plan() and to every run() attempt.
 */
export const REQUESTED_AT_PARAM = 'requestedAt';

export interface ActionDefinition<P = unknown> {
  name: string;
  summary: string;
  /** Read-only actions (ecs-status, health-check, pitr-status) run without approval. */
  needsApproval: boolean;
  /** Usage line for `/incident run`, e.g. `dynamodb-restore table=<name> [at=<ISO time>]`. */
  usage: string;
  /**
   * Runbooks only: the catalogue actions it runs, in order. One approval covers
   * the runbook; the workflow should ask for at least as many approvals as the
   * strictest rule among these names (runbook-l2 contains dynamodb-restore).
   */
  steps?: readonly string[];
  /** `key=value` words from `/incident run` → typed params; errors say which key and why. */
  parseParams(args: Record<string, string>, targets: Targets): ParamsResult<P>;
  /** Every call the action will make, for the approval request and the dry-run report. Pure. */
  plan(params: P, targets: Targets, now: Date): PlannedCall[];
  /** A warning shown before approval, e.g. the restore's data-loss window against the RPO. Pure. */
  risk?(params: P, targets: Targets, now: Date, rpoMs: number): string | undefined;
  /**
   * Live execution. Must be safe to run again after a crash at any point
   * (check-then-act, client tokens, target-exists checks): the job that runs it
   * is retried. Waits are bounded and reported through ctx.progress.
   */
  run(params: P, ctx: ActionRunContext): Promise<ActionReport>;
}
