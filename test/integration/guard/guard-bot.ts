import { readFileSync, writeFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { parse, stringify } from 'yaml';
import { createAwsClients } from '../../../src/actions/aws-clients';
import type { CommandReply } from '../../../commands';
import type { GuardJob } from '../../../src/guard/guard-job';
import { startTestBot, type TestBot } from '../../support/start-test-bot';
import { shippedTargets, writeTestPolicy, type TestPolicyOptions } from '../../support/test-policy';

export const REGION = 'ap-northeast-1';
export const TABLES = (shippedTargets().dynamodb as { tables: string[] }).tables;

export interface GuardBot {
  t: TestBot;
  /** The bot's own DynamoDB client for the targets' region, mocked: the store's client is untouched. */
  dynamodb: AwsClientStub<DynamoDBClient>;
  /** Runs one guard task now, as the scheduler would; `runId` names the run (its job id). */
  run(job: GuardJob, runId: string): Promise<void>;
  stop(): Promise<void>;
}

export interface GuardBotOptions {
  env?: Record<string, string>;
  policy?: TestPolicyOptions;
  /** Added to the policy file: `schedules:` and `retention:`. */
  sections?: Record<string, unknown>;
  /** Shares one set of AWS clients and its mock between bots (the caller restores the mock). */
  aws?: MockedAws;
}

export interface MockedAws {
  clients: ReturnType<typeof createAwsClients>;
  dynamodb: AwsClientStub<DynamoDBClient>;
}

export function mockedAws(): MockedAws {
  const clients = createAwsClients();
  return { clients, dynamodb: mockClient(clients.dynamodb(REGION)) };
}

/** A policy with the shipped targets plus the given sections. */
export function guardPolicy(policy: TestPolicyOptions = {}, sections: Record<string, unknown> = {}): string {
  const path = writeTestPolicy({ targets: true, ...policy });
  writeFileSync(path, stringify({ ...(parse(readFileSync(path, 'utf8')) as Record<string, unknown>), ...sections }));
  return path;
}

/** The real engine with the shipped targets and AWS mocked at the SDK-command level on the bot's own client. */
export async function startGuardBot(opts: GuardBotOptions = {}): Promise<GuardBot> {
  const aws = opts.aws ?? mockedAws();
  const t = await startTestBot({
    env: { ESCALATION_POLICY: guardPolicy(opts.policy, opts.sections), SCHEDULES: 'on', ...opts.env },
    botOptions: { actions: { aws: aws.clients, sleep: async () => undefined } },
  });
  return {
    t,
    dynamodb: aws.dynamodb,
    run: (job, runId) => t.bot.ctx.queue.enqueue('guard', job, { jobId: runId }),
    async stop() {
      await t.stop();
      if (opts.aws === undefined) aws.dynamodb.restore();
    },
  };
}

export type Said = { to: 'me' | 'channel'; text: string };
export function recorder(): CommandReply & { said: Said[] } {
  const said: Said[] = [];
  return { said, ephemeral: async (text) => void said.push({ to: 'me', text }), inChannel: async (text) => void said.push({ to: 'channel', text }) };
}

/** What the bot posted with postChannelMessage (undefined channel: the alerts channel). */
export function channelMessages(t: TestBot, channelId?: string): string[] {
  return t.chat.calls.flatMap((c) => (c.kind === 'postChannelMessage' && c.channelId === channelId ? [c.text] : []));
}
