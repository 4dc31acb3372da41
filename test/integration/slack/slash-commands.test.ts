import { startHarness, waitFor, type Harness } from './harness';
import { buttonsOf, channelNamed, dmsTo, incidentMessage, messageRecorded, postsIn, responsesTo, textOf } from './slack-queries';

const GENERAL = 'CGENERAL001';
const OUTSIDE = 'COUTSIDE001';
const USER = 'U0L1ALICE';

describe('/incident in Slack', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      levels: [
        { id: 'L1', name: 'L1 support', responders: [USER], ackTimeout: '1h' },
        { id: 'L2', name: 'L2 engineer', responders: ['S0L2GROUP'], ackTimeout: '1h' },
        { id: 'L3', name: 'Infrastructure team', responders: ['U0INFRA'], ackTimeout: '1h' },
        { id: 'L4', name: 'Management', responders: ['U0MANAGER'], ackTimeout: '1h' },
      ],
      usergroups: { S0L2GROUP: ['U0L2CAROL', 'U0L2DAVE'] },
    });
    h.fake.addChannel(GENERAL, 'general', true);
    h.fake.addChannel(OUTSIDE, 'random', false);
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** Sends the command, checks Slack got its ack in time, and returns what was answered privately. */
  async function run(text: string, channelId: string, userId = USER) {
    const started = Date.now();
    const res = await h.command(text, { channelId, userId });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    return res;
  }
  const privateAnswer = (responseId: string) => waitFor('the private answer', () => responsesTo(h.fake, responseId).find((r) => r.responseType === 'ephemeral'));
  const postedIn = (channel: string, pattern: RegExp) => waitFor(`a post matching ${pattern} in ${channel}`, () => postsIn(h.fake, channel).find((c) => pattern.test(textOf(c))));

  test('declare, then ack, escalate, status, timeline, list and resolve in the incident channel', async () => {
    await run('declare L2 Payments API down', GENERAL);
    await postedIn(GENERAL, /<@U0L1ALICE> declared incident #\d+ at L2: Payments API down/);
    const channel = await waitFor('the incident channel', () => channelNamed(h.fake, /-payments-api-down$/));
    const message = await waitFor('the incident message', () => incidentMessage(h.fake, channel.id));
    const incidentId = buttonsOf(message.params)[0]?.value ?? '';
    await messageRecorded(h, incidentId);
    const opened = (await h.bot.ctx.store.load(incidentId))[0];
    expect(opened?.type === 'Opened' && opened.startLevelIndex).toBe(1);
    // Started at L2: its group is paged, L1 is not.
    for (const u of ['U0L2CAROL', 'U0L2DAVE']) await waitFor(`DM to ${u}`, () => dmsTo(h.fake, u).find((c) => textOf(c).includes('Payments API down')));
    expect(dmsTo(h.fake, USER).some((c) => textOf(c).includes('Payments API down'))).toBe(false);

    await run('status', channel.id);
    const status = await postedIn(channel.id, /\*Incident #\d+: Payments API down\*/);
    expect(textOf(status)).toMatch(/State: open\nLevel: L2 engineer \(L2\) — paged: <!subteam\^S0L2GROUP>\nOpen for: \d+s\nRTO left: 3h 59m/);

    await run('ack', channel.id, 'U0L2CAROL');
    await postedIn(channel.id, /<@U0L2CAROL> acknowledged incident #\d+; escalation stopped/);
    await waitFor('the message showing the ack', () => h.fake.callsTo('chat.update').find((c) => c.params.ts === message.ts && textOf(c).includes('acknowledged by <@U0L2CAROL>')));

    await run('escalate', channel.id, 'U0L2CAROL');
    await postedIn(channel.id, /escalated incident #\d+ to Infrastructure team \(L3\)/);
    await waitFor('L3 paged by DM', () => dmsTo(h.fake, 'U0INFRA').find((c) => textOf(c).includes('Payments API down')));

    await run('timeline', channel.id);
    const timeline = textOf(await postedIn(channel.id, /\*Timeline of incident #\d+/));
    const order = ['declared by <@U0L1ALICE>', 'Acknowledged by <@U0L2CAROL>', 'Escalated by <@U0L2CAROL> from L2 engineer to Infrastructure team'].map((s) => timeline.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const list = await run('list', GENERAL);
    expect((await privateAnswer(list.responseId)).text).toMatch(new RegExp(`#\\d+ Payments API down — L3, open — <#${channel.id}>`));

    await run('resolve fixed by rolling back v42', channel.id, 'U0INFRA');
    await postedIn(channel.id, /<@U0INFRA> resolved incident #\d+: fixed by rolling back v42/);
    const final = await waitFor('the message showing resolved', () => h.fake.callsTo('chat.update').find((c) => c.params.ts === message.ts && textOf(c).includes('State: resolved')));
    expect(buttonsOf(final.params)).toEqual([]);
    const after = await run('list', GENERAL);
    expect((await privateAnswer(after.responseId)).text).not.toContain('Payments API down');
  });

  test('help, an empty command, wrong usage and an unknown subcommand answer privately with usage', async () => {
    const help = await run('help', GENERAL);
    const helpText = (await privateAnswer(help.responseId)).text;
    for (const sub of ['declare', 'ack', 'escalate', 'status', 'run', 'resolve', 'timeline', 'list']) expect(helpText).toContain(`/incident ${sub}`);
    expect((await privateAnswer((await run('', GENERAL)).responseId)).text).toBe(helpText);
    expect((await privateAnswer((await run('declare', GENERAL)).responseId)).text).toMatch(/^Usage: \/incident declare <L1-L4> <title>/);
    expect((await privateAnswer((await run('declare L9 Something', GENERAL)).responseId)).text).toContain('There is no level "L9"');
    expect((await privateAnswer((await run('frobnicate', GENERAL)).responseId)).text).toMatch(/^Unknown subcommand "frobnicate"/);
    expect(postsIn(h.fake, GENERAL).some((c) => /Usage|Unknown subcommand/.test(textOf(c)))).toBe(false);
  });

  test('a channel-bound subcommand outside an incident channel says so', async () => {
    for (const sub of ['ack', 'escalate', 'status', 'resolve', 'timeline']) {
      const res = await run(sub, GENERAL);
      expect((await privateAnswer(res.responseId)).text).toContain(`\`/incident ${sub}\` works in an incident channel, and this is not one.`);
    }
  });

  test('in a channel the bot is not in, the answer comes privately, in words, and the work is still done', async () => {
    await run('declare L1 Search is slow', OUTSIDE);
    const answer = await waitFor('the private explanation', () => h.fake.responses.find((r) => String(r.body.text).includes('Search is slow')));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(String(answer.body.text)).toMatch(/^I am not a member of this channel.*\/invite @irbot/);
    expect(String(answer.body.text)).toMatch(/What I would have posted:\n<@U0L1ALICE> declared incident #\d+ at L1: Search is slow/);
    await waitFor('the incident channel', () => channelNamed(h.fake, /-search-is-slow$/));
  });

  test('when response_url has expired, a private answer falls back to chat.postEphemeral', async () => {
    await h.command('list', { channelId: GENERAL, userId: USER, responseId: 'expired-1' });
    const call = await waitFor('chat.postEphemeral', () => h.fake.callsTo('chat.postEphemeral').find((c) => c.params.channel === GENERAL));
    expect(call.params.user).toBe(USER);
    expect(textOf(call)).toMatch(/incidents/);
  });
});
