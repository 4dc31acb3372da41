import type { AppContext } from './context';
import { announce, openChannel, pageResponders, postThreadNote, updateMessage } from './chat-effects';
import { onEscalationTimer } from './escalation-timer';
import { ingestAlarm } from './ingest-alarm';
import type { JobName, JobPayloads } from './ports';
import { reconcileOpenIncidents } from './reconcile';
import { expireAction, postApproval, updateApproval } from './actions/approval-jobs';
import { runActionJob } from './actions/run-action-job';
import { createGuard, type Guard } from '../guard';
import { onRtoCheck } from './rto-clock';

export type JobHandlers = { [N in JobName]: (data: JobPayloads[N], jobKey: string) => Promise<string> };

/** One handler per job name; each returns a short outcome for logs and metrics. */
export function createJobHandlers(ctx: AppContext, guard: Guard = createGuard(ctx)): JobHandlers {
  return {
    'ingest-alarm': async ({ signal }, jobKey) => {
      const outcome = await ingestAlarm(ctx, signal, jobKey);
      ctx.metrics.alarmsReceived.inc({ source: signal.source, outcome });
      return outcome;
    },
    page: ({ incidentId, generation }) => pageResponders(ctx, incidentId, generation),
    'escalate-check': ({ incidentId, generation }) => onEscalationTimer(ctx, incidentId, generation),
    'open-channel': ({ incidentId }) => openChannel(ctx, incidentId),
    'update-message': ({ incidentId }) => updateMessage(ctx, incidentId),
    'thread-note': ({ incidentId, seq }) => postThreadNote(ctx, incidentId, seq),
    announce: ({ incidentId }) => announce(ctx, incidentId),
    reconcile: () => reconcileOpenIncidents(ctx),
    'post-approval': ({ incidentId, requestId }) => postApproval(ctx, incidentId, requestId),
    'update-approval': ({ incidentId, requestId }) => updateApproval(ctx, incidentId, requestId),
    'expire-action': ({ incidentId, requestId }) => expireAction(ctx, incidentId, requestId),
    'run-action': ({ incidentId, requestId }) => runActionJob(ctx, incidentId, requestId),
    guard: (job, jobKey) => guard.handle(job, jobKey),
    'rto-check': ({ incidentId, percent }) => onRtoCheck(ctx, incidentId, percent),
  };
}
