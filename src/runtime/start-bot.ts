import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import type { Worker } from 'bullmq';
import type { Config } from '../config/load-config';
import type { AppContext } from '../app/context';
import { createJobHandlers } from '../app/job-handlers';
import type { Chat, Clock } from '../app/ports';
import { BullJobQueue, startWorker } from '../adapters/queue/bullmq-queue';
import { createStore } from '../adapters/store/create-store';
import { createHttpApp } from '../adapters/http/create-http-app';
import { createSnsVerifier } from '../adapters/http/alarms/sns-verify';
import { ConsoleChat } from '../adapters/console/console-chat';
import { createSlackSurface } from '../adapters/slack';
import { createLogger, type Logger } from '../observability/logger';
import { createAwsClients } from '../actions/aws-clients';
import { createHttpProbe } from '../actions/http-probe';
import { createMetrics } from '../observability/metrics';
import { createGuard } from '../guard';

export interface BotOptions {
  chat?: Chat;
  log?: Logger;
  clock?: Clock;
  /** Replaces how SNS certificates and subscribe URLs are fetched (tests trust a loopback CA). */
  sns?: { fetchCertificate?: (url: URL) => Promise<string>; confirm?: (url: string) => Promise<void> };
  reconcileEveryMs?: number;
  /** Replaces what recovery actions run with (tests: instant sleeps, a loopback health URL). */
  actions?: Partial<AppContext['actions']>;
}

export interface Bot {
  ctx: AppContext;
  port: number;
  server: Server;
  queue: BullJobQueue;
  worker: Worker;
  /** Drains: refuses new requests, lets running jobs finish, closes connections. */
  stop(): Promise<void>;
}

export async function startBot(config: Readonly<Config>, opts: BotOptions = {}): Promise<Bot> {
  const log = opts.log ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const { store, close: closeStore } = await createStore({ store: config.store, dataDir: config.dataDir, tablePrefix: config.tablePrefix });
  // Producers fail fast when Redis is away (the HTTP caller gets a 5xx and retries);
  // the worker's blocking connection must wait forever, as BullMQ requires.
  const queueRedis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
  const workerRedis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const queue = new BullJobQueue(queueRedis, config.queuePrefix);
  const slack = config.slack ? createSlackSurface(config.slack, { alertsChannel: config.alertsChannel, log, redis: queueRedis, keyPrefix: config.queuePrefix }) : undefined;
  const chat = opts.chat ?? slack?.chat ?? new ConsoleChat((line) => process.stdout.write(`${line}\n`));
  const actions: AppContext['actions'] = {
    aws: opts.actions?.aws ?? createAwsClients(),
    http: opts.actions?.http ?? createHttpProbe(),
    sleep: opts.actions?.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
  const ctx: AppContext = { store, queue, chat, clock: opts.clock ?? { now: () => new Date() }, policy: config.policy, metrics, log, actionsMode: config.actionsMode, actions };
  const slackApp = await slack?.start({ ctx, redis: queueRedis, keyPrefix: config.queuePrefix });
  // The guards' state lives in Redis beside the queue, so every replica sees the last check results.
  const guard = createGuard(ctx, { client: queueRedis, prefix: config.queuePrefix });
  const worker = startWorker({ connection: workerRedis, prefix: config.queuePrefix, concurrency: config.workerConcurrency, lockMs: config.jobLockMs, handlers: createJobHandlers(ctx, guard), log, metrics });

  let draining = false;
  const verifier = createSnsVerifier({ certHostPattern: config.snsCertHostPattern, topicAllowList: config.snsTopicArns, fetchCertificate: opts.sns?.fetchCertificate });
  const app = createHttpApp({
    alarms: { queue, alarmToken: config.alarmToken, sns: { verifier, certHostPattern: config.snsCertHostPattern, confirm: opts.sns?.confirm, log }, log, metrics },
    probes: [
      { name: 'redis', check: async () => void (await queueRedis.ping()) },
      { name: 'store', check: () => store.ping() },
    ],
    registry: metrics.registry,
    log,
    isDraining: () => draining,
    slackRouter: slackApp?.router,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;

  await queue.scheduleReconcile(opts.reconcileEveryMs ?? 60_000);
  // A laptop trying local mode has no AWS credentials: its hourly checks would only open "cannot check" incidents.
  if (config.schedulesEnabled) await guard.schedule(queue.queue);
  await queue.enqueue('reconcile', {}, {});

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      draining = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await slackApp?.stop();
      await worker.close();
      await queue.close();
      await Promise.allSettled([queueRedis.quit(), workerRedis.quit()]);
      await closeStore();
    })());

  log.info({ port, mode: config.slack ? (config.slack.appToken ? 'slack socket mode' : 'slack http') : 'local', actionsMode: config.actionsMode }, 'irbot started');
  return { ctx, port, server, queue, worker, stop };
}
