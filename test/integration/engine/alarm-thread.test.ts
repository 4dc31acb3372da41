import { foldIncident } from '../../../src/domain/incident-state';
import { postJson, startTestBot, type TestBot } from '../../support/start-test-bot';
import { waitFor } from '../../support/wait-for';

describe('an alarm storm on one incident', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ policy: { ackTimeout: '1h' } });
  });
  afterAll(() => t.stop());

  it('puts one thread line per change of the alarm state, and the count in the message', async () => {
    const alarm = { key: 'flappy', title: 'Disk full on db-1', state: 'alarm' };
    await postJson(`${t.baseUrl}/alarms/generic`, alarm);
    const incident = await waitFor('the incident with its message', async () => {
      const [s] = await t.bot.ctx.store.listOpen();
      return s && foldIncident(await t.bot.ctx.store.load(s.incidentId)).message ? s : undefined;
    });
    for (let i = 0; i < 20; i++) expect((await postJson(`${t.baseUrl}/alarms/generic`, alarm)).status).toBe(202);
    await waitFor('21 alarms on the incident', async () => foldIncident(await t.bot.ctx.store.load(incident.incidentId)).alarmCount === 21);
    await waitFor('the message redrawn with the count', () =>
      t.chat.calls.some((c) => c.kind === 'updateIncidentMessage' && c.view.incidentId === incident.incidentId && c.view.alarmCount === 21),
    );
    const notes = t.chat.calls.filter((c): c is Extract<typeof c, { kind: 'postThreadNote' }> => c.kind === 'postThreadNote').map((c) => c.text);
    // At most the first alarm gets a line (usually it came before the message existed); the 20 repeats are no news.
    expect(notes.filter((n) => n.startsWith('Alarm firing')).length).toBeLessThanOrEqual(1);
    const updates = t.chat.calls.filter((c) => c.kind === 'updateIncidentMessage').length;
    // Redraws are coalesced to one a second, not one per alarm.
    expect(updates).toBeLessThan(21);
  });
});
