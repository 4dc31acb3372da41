import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { AlarmSignal } from '../../domain/alarm';
import type { JobQueue } from '../../app/ports';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import { AlarmInputError } from './alarms/alarm-input-error';
import { alertmanagerSignals } from './alarms/alertmanager';
import { cloudWatchAlarmFromEventBridge } from './alarms/cloudwatch';
import { genericSignal } from './alarms/generic';
import { requireBearer } from './bearer-auth';
import { sendError } from './http-errors';
import { parseJsonBody, readTextBody } from './read-body';
import { snsHandler, type SnsDeps } from './sns-route';

export interface AlarmRouteDeps {
  queue: JobQueue;
  alarmToken?: string;
  sns: SnsDeps;
  log: Logger;
  metrics: Metrics;
}

/**
 * The alarm routes. An alarm is answered 2xx only after its ingest job is in
 * Redis, so a crash right after the answer loses nothing.
 */
export function alarmRoutes(deps: AlarmRouteDeps): Router {
  const router = Router();
  const json = readTextBody(['application/json']);
  const auth = requireBearer(deps.alarmToken);
  const accept = acceptSignals(deps);

  router.post('/alarms/generic', auth, ...json, (req, res) => accept(req, res, 'generic', (body) => [genericSignal(body)]));
  router.post('/alarms/eventbridge', auth, ...json, (req, res) => accept(req, res, 'cloudwatch-eventbridge', (body) => [cloudWatchAlarmFromEventBridge(body)]));
  router.post('/alarms/alertmanager', auth, ...json, (req, res) => accept(req, res, 'alertmanager', alertmanagerSignals));
  // SNS posts its JSON as text/plain; accept JSON too for proxies that relabel it.
  router.post('/alarms/sns', ...readTextBody(['text/plain', 'application/json']), snsHandler(deps.sns, (signals) => enqueueSignals(deps, signals)));
  return router;
}

function acceptSignals(deps: AlarmRouteDeps) {
  return async (req: Request, res: Response, source: string, parse: (body: unknown) => AlarmSignal[]): Promise<void> => {
    const body = parseJsonBody(req.body, res);
    if (body === undefined) {
      deps.metrics.alarmsReceived.inc({ source, outcome: 'rejected' });
      return;
    }
    let signals: AlarmSignal[];
    try {
      signals = parse(body);
    } catch (err) {
      deps.metrics.alarmsReceived.inc({ source, outcome: 'rejected' });
      if (err instanceof AlarmInputError) return sendError(res, err.status, err.code, err.message);
      throw err;
    }
    await enqueueSignals(deps, signals);
    res.status(202).json({ accepted: signals.length });
  };
}

export async function enqueueSignals(deps: Pick<AlarmRouteDeps, 'queue' | 'metrics'>, signals: AlarmSignal[]): Promise<void> {
  const receivedAt = new Date().toISOString();
  for (const signal of signals) {
    const jobId = signal.deliveryId ? `alarm-${createHash('sha256').update(signal.deliveryId).digest('hex').slice(0, 32)}` : undefined;
    await deps.queue.enqueue('ingest-alarm', { signal, receivedAt }, { jobId });
    deps.metrics.alarmsReceived.inc({ source: signal.source, outcome: 'accepted' });
  }
}
