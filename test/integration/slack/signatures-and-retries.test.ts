import { slackSignatureHeaders } from '../../support/slack-signing';
import { SIGNING_SECRET, startHarness, waitFor, type Harness } from './harness';
import { buttonsOf, channelNamed, incidentMessage, messageRecorded, postsIn, responsesTo, textOf } from './slack-queries';

const GENERAL = 'CGENERAL001';
const USER = 'U0L1ALICE';

describe('requests from Slack', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      levels: [
        { id: 'L1', name: 'L1 support', responders: [USER], ackTimeout: '1h' },
        { id: 'L2', name: 'L2 engineer', responders: ['U0L2CAROL'], ackTimeout: '1h' },
      ],
    });
    h.fake.addChannel(GENERAL, 'general', true);
  });
  afterAll(async () => {
    await h?.stop();
  });

  const declareForm = (title: string) =>
    new URLSearchParams({ command: '/incident', text: `declare L1 ${title}`, channel_id: GENERAL, user_id: USER, team_id: 'TFAKE0001', trigger_id: `1.${title}`, response_url: h.fake.responseUrl(title) }).toString();

  /** Nothing reached the engine or Slack: no incident, no Web API call, no answer. */
  async function expectNothingHappened(title: string, callsBefore: number): Promise<void> {
    expect((await h.bot.ctx.store.listOpen()).some((i) => i.title.includes(title))).toBe(false);
    expect(h.fake.calls.length).toBe(callsBefore);
    expect(responsesTo(h.fake, title)).toEqual([]);
  }

  test.each([
    ['signed with another secret', (body: string) => slackSignatureHeaders('0000000000000000ffffffffffffffff', body)],
    ['signed over a different body', (body: string) => slackSignatureHeaders(SIGNING_SECRET, `${body}&x=1`)],
    ['stale: signed six minutes ago', (body: string) => slackSignatureHeaders(SIGNING_SECRET, body, Math.floor(Date.now() / 1000) - 6 * 60)],
    ['without signature headers', () => ({})],
  ])('a request %s is refused with 401 and changes nothing', async (_name, sign) => {
    const title = `Forged ${Math.random().toString(36).slice(2, 8)}`;
    const before = h.fake.calls.length;
    const body = declareForm(title);
    const res = await h.sendRaw(body, sign(body));
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: 'bad_signature', message: expect.stringContaining('signed by Slack') });
    await expectNothingHappened(title, before);
  });

  test('a retried slash command (X-Slack-Retry-Num) is acked but not run again', async () => {
    const first = await h.command('declare L1 Retried once', { channelId: GENERAL, userId: USER });
    expect(first.status).toBe(200);
    await waitFor('the declaration', () => postsIn(h.fake, GENERAL).find((c) => textOf(c).includes('Retried once')));
    const retry = await h.command('declare L1 Retried once', { channelId: GENERAL, userId: USER, deliveryId: first.deliveryId, retryNum: 1 });
    expect(retry.status).toBe(200);
    await settle(h);
    expect((await h.bot.ctx.store.listOpen()).filter((i) => i.title === 'Retried once')).toHaveLength(1);
    expect(postsIn(h.fake, GENERAL).filter((c) => textOf(c).includes('Retried once'))).toHaveLength(1);
  });

  test('a retry arriving while the first delivery is still being worked on is not run either', async () => {
    const deliveryId = 'concurrent-1';
    const [a, b] = await Promise.all([
      h.command('declare L1 Retried in flight', { channelId: GENERAL, userId: USER, deliveryId }),
      h.command('declare L1 Retried in flight', { channelId: GENERAL, userId: USER, deliveryId, retryNum: 1 }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await waitFor('the declaration', () => postsIn(h.fake, GENERAL).find((c) => textOf(c).includes('Retried in flight')));
    await settle(h);
    expect((await h.bot.ctx.store.listOpen()).filter((i) => i.title === 'Retried in flight')).toHaveLength(1);
  });

  test('a retried button press acknowledges once and answers once', async () => {
    await h.postAlarm({ key: 'retry-button', title: 'Button retried', state: 'alarm' });
    const channel = await waitFor('the channel', () => channelNamed(h.fake, /-button-retried$/));
    const message = await waitFor('the incident message', () => incidentMessage(h.fake, channel.id));
    const incidentId = buttonsOf(message.params)[0]?.value ?? '';
    await messageRecorded(h, incidentId);
    const press = { channelId: channel.id, userId: USER, messageTs: message.ts };
    const first = await h.press('incident_ack', incidentId, press);
    await waitFor('the acknowledgement', () => postsIn(h.fake, channel.id).find((c) => textOf(c).includes('acknowledged incident')));
    const retry = await h.press('incident_ack', incidentId, { ...press, deliveryId: first.deliveryId, retryNum: 1 });
    expect(retry.status).toBe(200);
    await settle(h);
    expect((await h.bot.ctx.store.load(incidentId)).filter((e) => e.type === 'Acknowledged')).toHaveLength(1);
    // Had the retry run, the presser would have been told "already acknowledged".
    expect(responsesTo(h.fake, first.responseId)).toEqual([]);
    expect(postsIn(h.fake, channel.id).filter((c) => textOf(c).includes('acknowledged incident'))).toHaveLength(1);
  });
});

/**
 * Waits until a command sent now has been fully answered. Slack requests are
 * handled in arrival order up to their first await, so once this one is
 * answered, the repeat sent before it has long finished deciding to do nothing.
 */
async function settle(h: Harness): Promise<void> {
  const marker = await h.command('help', { channelId: GENERAL, userId: USER });
  await waitFor('the marker command answered', () => responsesTo(h.fake, marker.responseId).length > 0);
}
