import { isDeepStrictEqual } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ECSClient } from '@aws-sdk/client-ecs';
import { Route53Client } from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import type { ActionRunContext, HttpProbe, PlannedCall } from '../../../../src/actions/action-types';
import { createAwsClients } from '../../../../src/actions/aws-clients';
import { targets } from './targets-fixture';

export const NOW = new Date('2025-07-11T03:30:00.000Z');
export const REQUESTED_AT = '2025-07-11T03:25:00.000Z';
export const HOUR = 3_600_000;

/** SDK-level mocks of the three clients; every instance any action makes goes through them. */
export const mocks = {
  ecs: mockClient(ECSClient),
  dynamodb: mockClient(DynamoDBClient),
  route53: mockClient(Route53Client),
};

export function resetMocks(): void {
  mocks.ecs.reset();
  mocks.dynamodb.reset();
  mocks.route53.reset();
}

type Answer = { status: number; latencyMs: number; bodyExcerpt: string } | Error;

export interface SentCall {
  service: PlannedCall['service'];
  command: string;
  input: Record<string, unknown>;
}

export interface Harness {
  ctx: ActionRunContext;
  progress: string[];
  sleeps: number[];
  /** Every call the action sent, AWS and HTTP, in the order sent. */
  sent(): SentCall[];
}

// Sorted by sinon's own call order, which spans all three mocks.
function awsCalls() {
  const all = [
    ...mocks.ecs.calls().map((call) => ({ service: 'ecs' as const, call })),
    ...mocks.dynamodb.calls().map((call) => ({ service: 'dynamodb' as const, call })),
    ...mocks.route53.calls().map((call) => ({ service: 'route53' as const, call })),
  ];
  return all.sort((a, b) => (a.call.calledBefore(b.call) ? -1 : 1));
}

/** A run context over the mocks: instant sleeps, a fixed clock, an HTTP probe answering `health`. */
export function harness(health: Answer | Answer[] = { status: 200, latencyMs: 42, bodyExcerpt: '{"status":"ok"}' }): Harness {
  const progress: string[] = [];
  const sleeps: number[] = [];
  const gets: Array<{ position: number; url: string; timeoutMs: number }> = [];
  const answers = Array.isArray(health) ? [...health] : [health];
  const http: HttpProbe = {
    async get(url, timeoutMs) {
      gets.push({ position: awsCalls().length, url, timeoutMs });
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      if (answer === undefined) throw new Error('no answer configured');
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  const ctx: ActionRunContext = {
    targets: targets(),
    aws: createAwsClients(),
    http,
    rpoMs: HOUR,
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    progress: async (line) => {
      progress.push(line);
    },
  };
  const sent = (): SentCall[] => {
    const aws: SentCall[] = awsCalls().map(({ service, call }) => {
      const command = call.args[0];
      // As JSON, the form plans take (Dates become ISO strings).
      const input = JSON.parse(JSON.stringify(command.input)) as Record<string, unknown>;
      return { service, command: command.constructor.name.replace(/Command$/, ''), input };
    });
    // HTTP calls slot in after the AWS calls made before them.
    const out: SentCall[] = [];
    let next = 0;
    aws.forEach((call, index) => {
      while (next < gets.length && (gets[next]?.position ?? 0) <= index) pushGet(out, gets[next++]);
      out.push(call);
    });
    while (next < gets.length) pushGet(out, gets[next++]);
    return out;
  };
  return { ctx, progress, sleeps, sent };
}

function pushGet(out: SentCall[], get: { url: string; timeoutMs: number } | undefined): void {
  if (get) out.push({ service: 'http', command: 'GET', input: { url: get.url, timeoutMs: get.timeoutMs } });
}

const PLACEHOLDER = /^<.*>$/s;

/** True when `sent` is what `planned` describes; `<…>` values in the plan stand for run-time values. */
export function matchesPlanned(planned: unknown, sent: unknown): boolean {
  if (typeof planned === 'string' && PLACEHOLDER.test(planned)) return sent !== undefined;
  if (Array.isArray(planned)) return Array.isArray(sent) && planned.length === sent.length && planned.every((p, i) => matchesPlanned(p, sent[i]));
  if (typeof planned === 'object' && planned !== null) {
    if (typeof sent !== 'object' || sent === null) return false;
    return Object.entries(planned).every(([key, value]) => matchesPlanned(value, (sent as Record<string, unknown>)[key]));
  }
  return planned === sent;
}

function hasPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') return PLACEHOLDER.test(value);
  if (Array.isArray(value)) return value.some(hasPlaceholder);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) return Object.values(value).some(hasPlaceholder);
  return false;
}

/**
 * The dry-run guarantee: the plan names, in order, the calls a live run sends.
 * A planned call whose note says it is repeated (a poll, a next page) matches
 * one or more sent calls; any other matches exactly one. A planned input with
 * no `<…>` placeholder must equal the sent input exactly.
 */
export function expectSentMatchesPlan(plan: PlannedCall[], sent: SentCall[]): void {
  const fits = (planned: PlannedCall, call: SentCall | undefined): boolean =>
    call !== undefined &&
    planned.service === call.service &&
    planned.command === call.command &&
    (hasPlaceholder(planned.input) ? matchesPlanned(planned.input, call.input) : isDeepStrictEqual(planned.input, call.input));
  // Small inputs, so plain backtracking: can plan[p…] account for sent[s…]?
  const match = (p: number, s: number): boolean => {
    const planned = plan[p];
    if (planned === undefined) return s === sent.length;
    if (!fits(planned, sent[s])) return false;
    if (!planned.note?.startsWith('repeated')) return match(p + 1, s + 1);
    for (let end = s + 1; end <= sent.length && fits(planned, sent[end - 1]); end += 1) {
      if (match(p + 1, end)) return true;
    }
    return false;
  };
  const show = (calls: Array<{ service: string; command: string; input: unknown }>): string[] => calls.map((c) => `${c.service}:${c.command} ${JSON.stringify(c.input)}`);
  if (!match(0, 0)) expect(show(sent)).toEqual(show(plan));
}

/** An AWS SDK-style error: what the SDK throws for a service error. */
export function awsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
