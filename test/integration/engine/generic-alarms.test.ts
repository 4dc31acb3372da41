import { foldIncident } from '../../../src/domain/incident-state';
import { postJson, startTestBot, type TestBot } from '../../support/start-test-bot';
import { waitFor } from '../../support/wait-for';

describe('generic alarms become deduplicated incidents', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ policy: { ackTimeout: '1h' } });
  });
  afterAll(() => t.stop());

  const openIncidents = () => t.bot.ctx.store.listOpen();

  it('opens one incident per key, joins repeats, and resolves when the alarm is OK', async () => {
    const alarm = { key: 'api-5xx', title: 'API 5xx rate above 5%', state: 'alarm', details: { region: 'ap-northeast-1' } };
    expect((await postJson(`${t.baseUrl}/alarms/generic`, alarm)).status).toBe(202);
    const [incident] = await waitFor('the incident', async () => {
      const open = await openIncidents();
      return open.length === 1 ? open : undefined;
    });
    expect(incident?.title).toBe('API 5xx rate above 5%');

    expect((await postJson(`${t.baseUrl}/alarms/generic`, alarm)).status).toBe(202);
    const joined = await waitFor('the second alarm on the timeline', async () => {
      const state = foldIncident(await t.bot.ctx.store.load(incident!.incidentId));
      return state.alarmCount === 2 ? state : undefined;
    });
    expect(joined.status).toBe('open');
    expect(await openIncidents()).toHaveLength(1);
    expect(t.chat.pages(incident!.incidentId).map((p) => p.levelName)).toEqual(['L1 support']);

    expect((await postJson(`${t.baseUrl}/alarms/generic`, { ...alarm, state: 'ok' })).status).toBe(202);
    const resolved = await waitFor('auto-resolve', async () => {
      const state = foldIncident(await t.bot.ctx.store.load(incident!.incidentId));
      return state.status === 'resolved' ? state : undefined;
    });
    expect(resolved.recovered).toBe(true);
    // The summary row follows its event a moment later (it is written right after the append).
    await waitFor('no open incidents listed', async () => (await openIncidents()).length === 0);

    // The key is free again: the alarm firing anew opens a new incident.
    await postJson(`${t.baseUrl}/alarms/generic`, alarm);
    const reopened = await waitFor('a new incident', async () => {
      const open = await openIncidents();
      return open.length === 1 ? open[0] : undefined;
    });
    expect(reopened.incidentId).not.toBe(incident!.incidentId);
    expect(reopened.number).toBe(incident!.number + 1);
  });

  it('starts at the level the alarm asks for', async () => {
    await postJson(`${t.baseUrl}/alarms/generic`, { key: 'db-down', title: 'Database unreachable', state: 'alarm', level: 'L2' });
    const incident = await waitFor('the L2 incident', async () => (await openIncidents()).find((i) => i.title === 'Database unreachable'));
    expect(incident.levelId).toBe('L2');
    await waitFor('L2 paged', () => t.chat.pages(incident.incidentId).length === 1);
    expect(t.chat.pages(incident.incidentId)[0]?.levelName).toBe('L2 engineer');
  });

  it('an OK for an alarm with no open incident opens nothing', async () => {
    const before = (await openIncidents()).length;
    expect((await postJson(`${t.baseUrl}/alarms/generic`, { key: 'never-fired', title: 'x', state: 'ok' })).status).toBe(202);
    const metrics = await waitFor('the ignored OK to be counted', async () => {
      const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
      return /irbot_alarms_received_total\{source="generic",outcome="ignored"\} 1/.test(text) ? text : undefined;
    });
    expect(metrics).toContain('irbot_incidents_opened_total');
    expect(await openIncidents()).toHaveLength(before);
  });
});
