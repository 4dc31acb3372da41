import { foldIncident } from '../../../src/domain/incident-state';
import { postJson, startTestBot, type TestBot } from '../../support/start-test-bot';
import { waitFor } from '../../support/wait-for';

/** What a crash between storing an event and its follow-up writes leaves behind, and how reconcile repairs it. */
describe('reconcile', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ policy: { ackTimeout: '1h' } });
  });
  afterAll(() => t.stop());

  /** Waits until the bot has nothing left to write for the incident (channel, message, page), so the test's own append does not race it. */
  const settled = (incidentId: string) =>
    waitFor('the incident to settle', async () => {
      const s = foldIncident(await t.bot.ctx.store.load(incidentId));
      return s.message && s.pagedGenerations.has(s.generation) ? s : undefined;
    });

  it('brings a summary row that missed its last event up to date', async () => {
    await postJson(`${t.baseUrl}/alarms/generic`, { key: 'stale', title: 'Stale summary', state: 'alarm' });
    const incident = await waitFor('the incident', async () => (await t.bot.ctx.store.listOpen())[0]);
    // The process "dies" right after appending Resolved: no summary write, no effects.
    const state = await settled(incident.incidentId);
    await t.bot.ctx.store.append(incident.incidentId, state.lastSeq + 1, { type: 'Resolved', reason: 'manual' }, { kind: 'user', id: 'U0L1AAAA' }, new Date());
    expect((await t.bot.ctx.store.listOpen()).map((s) => s.incidentId)).toEqual([incident.incidentId]);

    await t.bot.ctx.queue.enqueue('reconcile', {}, {});
    await waitFor('the summary to say resolved', async () => (await t.bot.ctx.store.listOpen()).length === 0);
  });

  it('re-enqueues a page that was never sent', async () => {
    const { incidentId } = await (async () => {
      await postJson(`${t.baseUrl}/alarms/generic`, { key: 'unpaged', title: 'Never paged', state: 'alarm' });
      return waitFor('the incident', async () => (await t.bot.ctx.store.listOpen()).find((s) => s.title === 'Never paged'));
    })();
    // A manual escalation stored, then the process dies before enqueuing its page: the log has no Paged for generation 2.
    const state = await settled(incidentId);
    await t.bot.ctx.store.append(incidentId, state.lastSeq + 1, { type: 'Escalated', fromLevelIndex: 0, toLevelIndex: 1, reason: 'manual', generation: 2 }, { kind: 'user', id: 'U0L1AAAA' }, new Date());
    await t.bot.ctx.queue.enqueue('reconcile', {}, {});
    await waitFor('L2 paged by the repair', () => t.chat.pages(incidentId).some((p) => p.levelName === 'L2 engineer'));
    expect(t.chat.pages(incidentId).map((p) => p.levelName)).toEqual(['L1 support', 'L2 engineer']);
  });
});
