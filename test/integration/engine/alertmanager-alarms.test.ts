import { foldIncident } from '../../../src/domain/incident-state';
import { postJson, startTestBot, type TestBot } from '../../support/start-test-bot';
import { waitFor } from '../../support/wait-for';

/** A notification exactly as Alertmanager 0.25+ posts it to a webhook receiver. */
function notification(status: 'firing' | 'resolved') {
  const alert = (name: string, instance: string, fingerprint: string) => ({
    status,
    labels: { alertname: name, instance, job: 'api', severity: 'critical' },
    annotations: { summary: `${name} on ${instance}`, description: `${name} has been true for 5 minutes.` },
    startsAt: '2026-11-28T02:59:30.123Z',
    endsAt: status === 'resolved' ? '2026-11-28T03:10:30.123Z' : '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1',
    fingerprint,
  });
  return {
    receiver: 'irbot',
    status,
    alerts: [alert('InstanceDown', 'api-1:9100', 'a1b2c3d4e5f60718'), alert('HighLatency', 'api-2:9100', '0f1e2d3c4b5a6978')],
    groupLabels: { job: 'api' },
    commonLabels: { job: 'api', severity: 'critical' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    version: '4',
    groupKey: '{}:{job="api"}',
    truncatedAlerts: 0,
  };
}

describe('Prometheus Alertmanager webhook', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ policy: { ackTimeout: '1h' } });
  });
  afterAll(() => t.stop());

  it('two firing alerts open two incidents; a redelivery adds nothing; resolved resolves both', async () => {
    expect((await postJson(`${t.baseUrl}/alarms/alertmanager`, notification('firing'))).status).toBe(202);
    const open = await waitFor('two incidents', async () => {
      const list = await t.bot.ctx.store.listOpen();
      return list.length === 2 ? list : undefined;
    });
    expect(open.map((i) => i.dedupKey).sort()).toEqual(['alertmanager:0f1e2d3c4b5a6978', 'alertmanager:a1b2c3d4e5f60718']);
    expect(open.map((i) => i.title).sort()).toEqual(['HighLatency on api-2:9100', 'InstanceDown on api-1:9100']);

    // Alertmanager retries the same notification when it did not see our answer.
    expect((await postJson(`${t.baseUrl}/alarms/alertmanager`, notification('firing'))).status).toBe(202);
    expect((await postJson(`${t.baseUrl}/alarms/alertmanager`, notification('resolved'))).status).toBe(202);
    const states = await waitFor('both resolved', async () => {
      const all = await Promise.all(open.map(async (i) => foldIncident(await t.bot.ctx.store.load(i.incidentId))));
      return all.every((s) => s.status === 'resolved') ? all : undefined;
    });
    for (const s of states) {
      expect(s.alarmCount).toBe(2);
      expect(s.recovered).toBe(true);
    }
    // The summary row follows its event a moment later (it is written right after the append).
    await waitFor('no open incidents listed', async () => (await t.bot.ctx.store.listOpen()).length === 0);
  });
});
