import type { IncidentEvent, IncidentEventBody, Actor } from '../domain/events';
import type { IncidentStatus } from '../domain/incident-state';

/** What `list` shows and what channel look-ups need, kept beside the event log. */
export interface IncidentSummary {
  incidentId: string;
  number: number;
  title: string;
  status: IncidentStatus;
  levelId: string;
  openedAt: string;
  channelId?: string;
  dedupKey?: string;
}

export interface IncidentStore {
  /**
   * Appends one event at exactly `seq` (the previous last seq + 1; 0 for Opened).
   * Throws ConflictError when that seq is taken: another writer won, reload and retry.
   */
  append(incidentId: string, seq: number, body: IncidentEventBody, actor: Actor, at: Date): Promise<IncidentEvent>;
  /** All events of an incident, oldest first; empty when unknown. */
  load(incidentId: string): Promise<IncidentEvent[]>;
  /** The events after `afterSeq`, oldest first (a strongly consistent read of the log's tail). */
  loadAfter(incidentId: string, afterSeq: number): Promise<IncidentEvent[]>;
  /**
   * The log as this replica last saw it, without asking the store; possibly
   * behind. Only for deciding an append, which the conditional write then
   * checks. Undefined when nothing is cached (a store without a cache).
   */
  cached?(incidentId: string): IncidentEvent[] | undefined;
  /**
   * Claims a dedup key for an incident with a conditional write. When the key is
   * already held, says by which incident.
   */
  claimDedupKey(dedupKey: string, incidentId: string): Promise<{ claimed: true } | { claimed: false; holder: string }>;
  /** Which incident holds a dedup key, if any (a plain read, for OK alarms that must never open one). */
  dedupHolder(dedupKey: string): Promise<string | undefined>;
  /** Frees a key, only if `incidentId` still holds it. */
  releaseDedupKey(dedupKey: string, incidentId: string): Promise<void>;
  /** Atomic counter: 1, 2, 3… across all replicas. */
  nextIncidentNumber(): Promise<number>;
  /** Writes the summary row (idempotent: last write wins, rows only move forward in seq). */
  saveSummary(summary: IncidentSummary, seq: number): Promise<void>;
  listOpen(): Promise<IncidentSummary[]>;
  /** Incidents opened at or after `since`, open or resolved (weekly summary); oldest first. */
  listOpenedSince(since: Date): Promise<IncidentSummary[]>;
  findByChannel(channelId: string): Promise<IncidentSummary | undefined>;
  /** Resolves when the store answers; throws otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** Everything a chat surface needs to draw an incident. */
export interface IncidentView {
  incidentId: string;
  number: number;
  title: string;
  status: IncidentStatus;
  recovered: boolean;
  levelId: string;
  levelName: string;
  responders: string[];
  acknowledgedBy?: string;
  openedAt: string;
  rtoDeadline: string;
  details: Record<string, string>;
  alarmCount: number;
  channelId?: string;
}

export interface ChatChannel {
  id: string;
  name: string;
}

/**
 * The chat surface, Slack or the local console. Every method may throw; callers
 * run them as jobs and retry. What a method posts is identified by a key that
 * is the same on every retry of the job (passed in, or taken from the view's
 * incident and request ids), so a retry after a worker died mid-call does not
 * post it twice.
 */
export interface Chat {
  /** Creates the incident channel (a taken name gets the next free one) and invites responders. */
  openIncidentChannel(view: IncidentView, preferredName: string): Promise<ChatChannel>;
  /** Posts the incident message with its buttons; returns the message id (Slack `ts`). */
  postIncidentMessage(channelId: string, view: IncidentView): Promise<string>;
  updateIncidentMessage(channelId: string, ts: string, view: IncidentView): Promise<void>;
  /**
   * Mentions the responders where they will see it now (channel when it exists, DMs, alerts channel).
   * `pageId` names this page among the incident's pages (its generation, `rto-100`…).
   */
  page(view: IncidentView, responders: string[], levelName: string, pageId: string): Promise<void>;
  /** A timeline line under the incident message; `key` names the note (e.g. `note:<incidentId>:<seq>`). */
  postThreadNote(channelId: string, threadTs: string, text: string, key: string): Promise<void>;
  /** Announces a new incident in the alerts channel, when one is configured. */
  announce(view: IncidentView): Promise<void>;
  /**
   * A plain message in a channel; with no channel, in the alerts channel (when one is configured).
   * Without a `key` it is posted on every call.
   */
  postChannelMessage(channelId: string | undefined, text: string, key?: string): Promise<void>;
  /** Policy IDs (users U…/W…, user groups S…) → the people they name. */
  expandUserGroups(ids: string[]): Promise<string[]>;
  /** Posts a recovery action's approval request (with Approve/Reject while pending); returns its message id. */
  postApprovalRequest(channelId: string, view: ApprovalView): Promise<string>;
  updateApprovalRequest(channelId: string, ts: string, view: ApprovalView): Promise<void>;
}

export type { ApprovalView } from './actions/approval-view';
import type { ApprovalView } from './actions/approval-view';

/** Durable background work (BullMQ in production). */
export interface JobQueue {
  /**
   * Adds a job. A job whose `jobId` is already known does nothing, which is how
   * duplicate enqueues and retries stay harmless. Resolves once the job is durable.
   */
  enqueue<N extends JobName>(name: N, data: JobPayloads[N], opts?: { jobId?: string; delayMs?: number }): Promise<void>;
}

export interface JobPayloads {
  'ingest-alarm': { signal: import('../domain/alarm').AlarmSignal; receivedAt: string };
  page: { incidentId: string; generation: number };
  'escalate-check': { incidentId: string; generation: number };
  'open-channel': { incidentId: string };
  'update-message': { incidentId: string };
  'thread-note': { incidentId: string; seq: number };
  announce: { incidentId: string };
  reconcile: Record<string, never>;
  'post-approval': { incidentId: string; requestId: string };
  'update-approval': { incidentId: string; requestId: string };
  'expire-action': { incidentId: string; requestId: string };
  'run-action': { incidentId: string; requestId: string };
  guard: import('../guard/guard-job').GuardJob;
  'rto-check': { incidentId: string; percent: number };
}

export type JobName = keyof JobPayloads;
