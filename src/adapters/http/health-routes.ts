import { Router } from 'express';
import type { Registry } from 'prom-client';

export interface Probe {
  name: string;
  check(): Promise<void>;
}

const PROBE_TIMEOUT_MS = 2000;

/** `/healthz` says the process runs; `/readyz` that Redis and the store answer; `/metrics` for Prometheus. */
export function healthRoutes(probes: Probe[], registry: Registry, isDraining: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (isDraining()) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    const results = await Promise.all(probes.map(async (p) => ({ name: p.name, error: await withTimeout(p.check()).then(() => undefined, (e: unknown) => String((e as Error).message ?? e)) })));
    const failed = results.filter((r) => r.error !== undefined);
    res.status(failed.length === 0 ? 200 : 503).json({ status: failed.length === 0 ? 'ready' : 'not ready', checks: Object.fromEntries(results.map((r) => [r.name, r.error ?? 'ok'])) });
  });
  router.get('/metrics', async (_req, res) => {
    res.set('Content-Type', registry.contentType).send(await registry.metrics());
  });
  return router;
}

function withTimeout(p: Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
    p.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
