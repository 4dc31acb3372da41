import { acknowledgeIncident } from '../../../src/app/respond';
import type { IncidentEvent } from '../../../src/domain/events';
import { postJson, startTestBot, type TestBot } from '../../support/start-test-bot';
import { waitFor } from '../../support/wait-for';

describe('the RTO clock', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ policy: { ackTimeout: '1h', rto: '4s' } });
  });
  afterAll(() => t.stop());

  it('warns at 50, 75 and 100 % in order and pages management at 100 % while L2 holds the incident', async () => {
    await postJson(`${t.baseUrl}/alarms/generic`, { key: 'rto', title: 'Checkout down', state: 'alarm', level: 'L2' });
    const incident = await waitFor('the incident', async () => (await t.bot.ctx.store.listOpen())[0]);
    await waitFor('L2 paged', () => t.chat.pages(incident.incidentId).length === 1);
    await acknowledgeIncident(t.bot.ctx, incident.incidentId, { kind: 'user', id: 'U0L2BBBB' });

    const events = await waitFor('the 100 % warning and the management page', async () => {
      const all = await t.bot.ctx.store.load(incident.incidentId);
      return all.some((e) => e.type === 'Paged' && e.reason === 'rto') ? all : undefined;
    }, 20000);
    const warnings = events.filter((e): e is Extract<IncidentEvent, { type: 'RtoWarning' }> => e.type === 'RtoWarning');
    expect(warnings.map((w) => w.percent)).toEqual([50, 75, 100]);
    const opened = Date.parse(events[0]!.at);
    // Each warning came when its share of the 4 s RTO had passed, not before.
    for (const w of warnings) expect(Date.parse(w.at) - opened).toBeGreaterThanOrEqual((4000 * w.percent) / 100 - 50);

    const messages = t.chat.calls.filter((c): c is Extract<typeof c, { kind: 'postChannelMessage' }> => c.kind === 'postChannelMessage').map((c) => c.text);
    expect(messages.filter((m) => m.includes('Incident #'))).toEqual([
      expect.stringContaining('50% of the RTO (4s) is used'),
      expect.stringContaining('75% of the RTO (4s) is used'),
      expect.stringContaining('has reached its RTO of 4s'),
    ]);
    expect(t.chat.pages(incident.incidentId).map((p) => p.levelName)).toEqual(['L2 engineer', 'Management (RTO reached)']);
    // Management was told, but the L2 engineer still holds the incident.
    const last = events.filter((e) => e.type === 'Acknowledged');
    expect(last).toHaveLength(1);
  });

  it('a resolved incident gets no further warnings', async () => {
    await postJson(`${t.baseUrl}/alarms/generic`, { key: 'rto-quick', title: 'Quick fix', state: 'alarm' });
    const incident = await waitFor('the incident', async () => (await t.bot.ctx.store.listOpen()).find((i) => i.title === 'Quick fix'));
    await postJson(`${t.baseUrl}/alarms/generic`, { key: 'rto-quick', title: 'Quick fix', state: 'ok' });
    await waitFor('resolved', async () => (await t.bot.ctx.store.load(incident.incidentId)).some((e) => e.type === 'Resolved'));
    await new Promise((r) => setTimeout(r, 4500));
    const events = await t.bot.ctx.store.load(incident.incidentId);
    expect(events.filter((e) => e.type === 'RtoWarning')).toEqual([]);
  });

  it('a warning whose post failed is posted when the job is retried, once', async () => {
    await postJson(`${t.baseUrl}/alarms/generic`, { key: 'rto-chat-down', title: 'Chat was down', state: 'alarm' });
    const incident = await waitFor('the incident', async () => (await t.bot.ctx.store.listOpen()).find((i) => i.title === 'Chat was down'));
    // The 50 % warning's first post fails, after its RtoWarning was stored.
    t.chat.failNext('postChannelMessage');
    const warnings = () => t.chat.calls.filter((c) => c.kind === 'postChannelMessage' && c.key === `rto:${incident.incidentId}:50`);
    await waitFor('the 50 % warning posted by the retry', () => warnings().length === 1, 20000);
    const stored = (await t.bot.ctx.store.load(incident.incidentId)).filter((e) => e.type === 'RtoWarning' && e.percent === 50);
    expect(stored).toHaveLength(1);
    await acknowledgeIncident(t.bot.ctx, incident.incidentId, { kind: 'user', id: 'U0L1AAAA' });
  });
});
