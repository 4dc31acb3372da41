import { acknowledgeIncident } from '../../../src/app/respond';
import { foldIncident } from '../../../src/domain/incident-state';
import { postJson, startTestBot, type TestBot } from '../../support/start-test-bot';
import { waitFor } from '../../support/wait-for';

describe('the L1–L4 chain with second-scale timeouts', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ policy: { ackTimeout: '2s' } });
  });
  afterAll(() => t.stop());

  async function openAlarm(key: string) {
    await postJson(`${t.baseUrl}/alarms/generic`, { key, title: `alarm ${key}`, state: 'alarm' });
    return waitFor(`incident for ${key}`, async () => (await t.bot.ctx.store.listOpen()).find((i) => i.dedupKey === `generic:${key}`));
  }

  it('pages L1, L2, L3, L4 in order, each once, then keeps paging L4', async () => {
    const incident = await openAlarm('walk');
    await waitFor('five pages', () => t.chat.pages(incident.incidentId).length >= 5, 40000);
    const pages = t.chat.pages(incident.incidentId);
    expect(pages.slice(0, 5).map((p) => p.levelName)).toEqual(['L1 support', 'L2 engineer', 'Infrastructure team', 'Management', 'Management']);
    // Each escalation waited for the level's timeout before paging the next one.
    for (let i = 1; i < 5; i++) expect(pages[i]!.at - pages[i - 1]!.at).toBeGreaterThanOrEqual(1500);
    const state = foldIncident(await t.bot.ctx.store.load(incident.incidentId));
    const escalations = (await t.bot.ctx.store.load(incident.incidentId)).filter((e) => e.type === 'Escalated');
    expect(escalations.length).toBeGreaterThanOrEqual(4);
    expect(state.levelIndex).toBe(3);
  });

  it('stops when acknowledged', async () => {
    const incident = await openAlarm('acked');
    await waitFor('L1 paged', () => t.chat.pages(incident.incidentId).length === 1);
    await acknowledgeIncident(t.bot.ctx, incident.incidentId, { kind: 'user', id: 'U0L1AAAA' });
    // Three timeouts' worth of waiting: an escalation would have happened by now.
    await new Promise((r) => setTimeout(r, 6000));
    expect(t.chat.pages(incident.incidentId).map((p) => p.levelName)).toEqual(['L1 support']);
    const state = foldIncident(await t.bot.ctx.store.load(incident.incidentId));
    expect(state.status).toBe('acknowledged');
    expect(state.acknowledgedBy).toBe('U0L1AAAA');
  });
});
