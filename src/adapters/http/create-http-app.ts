import express, { type Router } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from '../../observability/logger';
import { alarmRoutes, type AlarmRouteDeps } from './alarm-routes';
import { healthRoutes, type Probe } from './health-routes';
import { jsonErrorHandler, sendError } from './http-errors';

export interface HttpAppDeps {
  alarms: AlarmRouteDeps;
  probes: Probe[];
  registry: Registry;
  log: Logger;
  isDraining: () => boolean;
  /** Bolt's receiver router for `/slack/events` (signatures checked inside it), when serving Slack over HTTP. */
  slackRouter?: Router;
}

export function createHttpApp(deps: HttpAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.use((req, res, next) => {
    // While draining, refuse new work so the load balancer sends it to another replica.
    if (deps.isDraining() && req.method === 'POST') return sendError(res, 503, 'draining', 'This replica is shutting down; retry.');
    next();
  });
  if (deps.slackRouter) app.use(deps.slackRouter);
  app.use(healthRoutes(deps.probes, deps.registry, deps.isDraining));
  app.use(alarmRoutes(deps.alarms));
  app.use((req, res) => sendError(res, 404, 'not_found', `No route ${req.method} ${req.path}.`));
  app.use(jsonErrorHandler(deps.log));
  return app;
}
