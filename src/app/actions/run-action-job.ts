import { findAction } from '../../actions/catalogue';
import type { ActionReport, ActionRunContext } from '../../actions/action-types';
import type { ActionRequest } from '../../domain/action-requests';
import type { AppContext } from '../context';
import { appendDecided, loadIncident } from '../incident-log';

const SYSTEM = { kind: 'system' } as const;

/**
 * Runs an approved action. The job id is derived from the request, so a
 * duplicate enqueue runs nothing; a retry after a crash finds the request
 * `running` and runs the action again, which every action makes safe.
 */
export async function runActionJob(ctx: AppContext, incidentId: string, requestId: string): Promise<string> {
  const state = await loadIncident(ctx, incidentId);
  const request = state.actions.get(requestId);
  if (!request) return 'skipped (unknown request)';
  if (request.status !== 'approved' && request.status !== 'running') return `skipped (${request.status})`;
  if (request.status === 'approved') {
    await appendDecided(ctx, incidentId, SYSTEM, (s) => (s.actions.get(requestId)?.status === 'approved' ? { type: 'ActionStarted', requestId } : undefined));
  }
  const report = request.mode === 'dry-run' ? dryRunReport(request) : await runLive(ctx, incidentId, request);
  await appendDecided(ctx, incidentId, SYSTEM, (s) =>
    s.actions.get(requestId)?.status === 'running' ? { type: 'ActionFinished', requestId, ok: report.ok, summary: report.summary, steps: report.steps } : undefined,
  );
  ctx.log.info({ incidentId, requestId, action: request.action, ok: report.ok, mode: request.mode }, 'recovery action finished');
  return report.ok ? 'succeeded' : 'failed';
}

/** Dry run: every call the action would send, with its input; nothing is sent. */
function dryRunReport(request: ActionRequest): ActionReport {
  return {
    ok: true,
    summary: `Dry run: would send ${request.calls.length} call(s); nothing was changed (ACTIONS_MODE=dry-run).`,
    steps: request.calls.map((c, i) => ({ name: `${i + 1}. would send ${c.service}:${c.command} (${c.region})`, ok: true, detail: JSON.stringify(c.input) })),
  };
}

async function runLive(ctx: AppContext, incidentId: string, request: ActionRequest): Promise<ActionReport> {
  const action = findAction(request.action);
  const targets = ctx.policy.targets;
  if (!action || !targets) return { ok: false, summary: `Cannot run ${request.action}: ${action ? 'the policy has no targets' : 'unknown action'}.`, steps: [] };
  const runCtx: ActionRunContext = {
    targets,
    aws: ctx.actions.aws,
    http: ctx.actions.http,
    rpoMs: ctx.policy.rpoMs,
    now: () => ctx.clock.now(),
    sleep: ctx.actions.sleep,
    progress: async (line) => {
      await appendDecided(ctx, incidentId, SYSTEM, () => ({ type: 'ActionProgress', requestId: request.requestId, line: line.slice(0, 500) }));
    },
  };
  try {
    return await action.run(request.params, runCtx);
  } catch (err) {
    // An action reports AWS errors itself; anything else is a bug, reported rather than retried forever.
    ctx.log.error({ err, action: request.action }, 'recovery action threw');
    return { ok: false, summary: `${request.action} stopped with an unexpected error: ${(err as Error).message}`, steps: [] };
  }
}
