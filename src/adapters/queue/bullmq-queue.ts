import { DelayedError, Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import { RetryLaterError } from '../../domain/errors';
import type { Redis } from 'ioredis';
import type { JobHandlers } from '../../app/job-handlers';
import type { JobName, JobPayloads, JobQueue } from '../../app/ports';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';

export const QUEUE_NAME = 'incidents';

/**
 * BullMQ takes jobs without a priority before prioritized ones, so giving
 * alarm ingestion a priority puts every effect (a page, an escalation timer,
 * a channel) ahead of an alarm backlog: in a storm of 10,000 alarms the first
 * page of a new incident otherwise waited for the whole backlog (bench: p50
 * ~115 s). Ingest jobs stay first-in first-out among themselves.
 */
const INGEST_PRIORITY = 10;

const defaultJobOptions: JobsOptions = {
  // Slack or AWS being down for a while must not drop an effect: retry for about an hour.
  attempts: 20,
  backoff: { type: 'exponential', delay: 1000 },
  // Completed ids are kept a day so a redelivered alarm (same id) is recognised and dropped.
  removeOnComplete: { age: 24 * 3600, count: 50000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export class BullJobQueue implements JobQueue {
  readonly queue: Queue;

  constructor(connection: Redis, prefix: string) {
    this.queue = new Queue(QUEUE_NAME, { connection, prefix, defaultJobOptions });
  }

  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], opts: { jobId?: string; delayMs?: number } = {}): Promise<void> {
    const priority = name === 'ingest-alarm' ? INGEST_PRIORITY : undefined;
    await this.queue.add(name, data, { jobId: opts.jobId, delay: opts.delayMs && opts.delayMs > 0 ? opts.delayMs : undefined, priority });
  }

  /** Every replica registers the same scheduler; BullMQ keeps one, so each tick runs once. */
  async scheduleReconcile(everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler('reconcile', { every: everyMs }, { name: 'reconcile', data: {} });
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

export function startWorker(opts: {
  connection: Redis;
  prefix: string;
  concurrency: number;
  lockMs: number;
  handlers: JobHandlers;
  log: Logger;
  metrics: Metrics;
}): Worker {
  const { handlers, log, metrics } = opts;
  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job, token?: string) => {
      const name = job.name as JobName;
      const handler = handlers[name] as ((data: unknown, key: string) => Promise<string>) | undefined;
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      const end = metrics.jobDuration.startTimer({ job: name });
      try {
        // The queue name plus BullMQ's job id is stable across retries of this job.
        const outcome = await handler(job.data, `${QUEUE_NAME}/${job.id}`);
        end({ outcome: 'ok' });
        log.debug({ job: name, jobId: job.id, outcome }, 'job done');
        return outcome;
      } catch (err) {
        if (err instanceof RetryLaterError && token) {
          end({ outcome: 'deferred' });
          log.info({ job: name, jobId: job.id, retryAfterMs: err.retryAfterMs }, err.message);
          await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
          throw new DelayedError();
        }
        end({ outcome: 'error' });
        log.warn({ job: name, jobId: job.id, attempt: job.attemptsMade + 1, err }, 'job failed; it will be retried');
        throw err;
      }
    },
    {
      connection: opts.connection,
      prefix: opts.prefix,
      concurrency: opts.concurrency,
      // A live worker renews its locks every lockMs/2; a killed one's jobs are taken over after about lockMs.
      lockDuration: opts.lockMs,
      stalledInterval: opts.lockMs,
      // A replica killed mid-job hands its jobs back after the lock expires; allow that several times.
      maxStalledCount: 10,
    },
  );
  worker.on('failed', (job, err) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) log.error({ job: job.name, jobId: job.id, err }, 'job gave up after all retries');
  });
  worker.on('error', (err) => log.error({ err }, 'worker error'));
  return worker;
}
