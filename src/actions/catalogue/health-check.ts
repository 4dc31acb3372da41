import type { ActionDefinition } from '../action-types';
import { healthGet } from '../calls/http-calls';
import { checkHealth } from '../health';
import { ParamReader } from '../params';
import { StepLog } from '../step-log';

export interface HealthCheckParams {
  url: string;
}

/** Level 1, step 3 of the plan: `curl /health`. Read-only. */
export const healthCheck: ActionDefinition<HealthCheckParams> = {
  name: 'health-check',
  summary: 'GET the service health URL: status, latency and the start of the body; ok on 2xx.',
  needsApproval: false,
  usage: 'health-check',

  parseParams(args, targets) {
    const reader = new ParamReader(args, []);
    return reader.result(() => ({ url: targets.healthUrl }));
  },

  plan(params) {
    return [healthGet(params.url).planned];
  },

  async run(params, ctx) {
    const log = new StepLog('health-check');
    const failed = await checkHealth(ctx, params.url, log);
    return failed ?? log.done(log.steps[0]?.detail ?? `GET ${params.url} ok`);
  },
};
