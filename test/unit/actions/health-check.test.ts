import { healthCheck } from '../../../src/actions/catalogue/health-check';
import { expectSentMatchesPlan, harness, NOW, resetMocks } from './support/harness';
import { targets } from './support/targets-fixture';

const params = { url: 'https://api.example.com/health' };

describe('health-check', () => {
  beforeEach(resetMocks);

  it('GETs the targets’ health URL with a 10 s timeout, as planned', async () => {
    const h = harness();
    const report = await healthCheck.run(params, h.ctx);
    const plan = healthCheck.plan(params, targets(), NOW);
    expect(plan).toEqual([
      {
        service: 'http',
        region: 'global',
        command: 'GET',
        input: { url: 'https://api.example.com/health', timeoutMs: 10_000 },
        cli: 'curl -sS -i --max-time 10 https://api.example.com/health',
        mutates: false,
      },
    ]);
    expectSentMatchesPlan(plan, h.sent());
    expect(report).toEqual({
      ok: true,
      summary: 'GET https://api.example.com/health → 200 in 42 ms: {"status":"ok"}',
      steps: [{ name: 'health check', ok: true, detail: 'GET https://api.example.com/health → 200 in 42 ms: {"status":"ok"}' }],
    });
  });

  it('parses to the targets’ URL and takes no parameters', () => {
    expect(healthCheck.parseParams({}, targets())).toEqual({ ok: true, params });
    expect(healthCheck.parseParams({ url: 'https://evil.example' }, targets())).toEqual({ ok: false, errors: ['url: unknown parameter (this action takes no parameters)'] });
    expect(healthCheck.needsApproval).toBe(false);
  });

  it('fails on a non-2xx answer with status and body', async () => {
    const report = await healthCheck.run(params, harness({ status: 503, latencyMs: 12.4, bodyExcerpt: 'Service Unavailable' }).ctx);
    expect(report.ok).toBe(false);
    expect(report.summary).toBe('health-check failed at health check: GET https://api.example.com/health → 503 in 12 ms: Service Unavailable');
  });

  it('fails when nothing answers, saying why', async () => {
    const report = await healthCheck.run(params, harness(new Error('The operation was aborted due to timeout')).ctx);
    expect(report.ok).toBe(false);
    expect(report.summary).toBe('health-check failed at health check: GET https://api.example.com/health failed: The operation was aborted due to timeout');
  });
});
