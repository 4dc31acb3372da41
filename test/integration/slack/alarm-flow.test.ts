import { jobIds } from '../../../src/app/job-ids';
import { ALERTS_CHANNEL, startHarness, waitFor, type Harness } from './harness';
import { buttonsOf, channelNamed, dmsTo, incidentMessage, messageRecorded, postsIn, textOf } from './slack-queries';

const L1 = ['U0L1ALICE', 'U0L1BOB'];
const L2_GROUP = ['U0L2CAROL', 'U0L2DAVE', 'U0L1BOB'];

describe('an alarm reaching Slack', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      levels: [
        { id: 'L1', name: 'L1 support', responders: L1, ackTimeout: '5s' },
        { id: 'L2', name: 'L2 engineer', responders: ['S0L2GROUP', 'U0L2CAROL'], ackTimeout: '1h' },
        { id: 'L3', name: 'Infrastructure team', responders: ['U0INFRA'], ackTimeout: '1h' },
        { id: 'L4', name: 'Management', responders: ['U0MANAGER'], ackTimeout: '1h' },
      ],
      usergroups: { S0L2GROUP: L2_GROUP },
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  test('opens a channel with the level in its topic, invites L1, posts and pins the incident message, and pages L1', async () => {
    const res = await h.postAlarm({ key: 'api-5xx', title: 'API 5xx > 5% on checkout', state: 'alarm', details: { region: 'ap-northeast-1', threshold: '5%' } });
    expect(res.status).toBe(202);

    const channel = await waitFor('the incident channel', () => channelNamed(h.fake, /^inc-\d{8}-\d+-api-5xx-5-on-checkout$/));
    // The message is posted after the topic and the invitations.
    const message = await waitFor('the incident message', () => incidentMessage(h.fake, channel.id));
    expect(channel.topic).toContain('L1');
    expect(channel.topic).toContain('API 5xx > 5% on checkout');
    for (const user of L1) expect(channel.members.has(user)).toBe(true);

    const text = textOf(message.params);
    expect(text).toContain('API 5xx &gt; 5% on checkout');
    expect(text).toMatch(/Level: L1 support \(L1\), held by <@U0L1ALICE>, <@U0L1BOB>/);
    expect(text).toContain('State: open');
    expect(text).toContain('region=ap-northeast-1');
    expect(text).toMatch(/RTO: 3h 59m \d+s left of 4h|RTO: 4h left of 4h/);
    const buttons = buttonsOf(message.params);
    expect(buttons.map((b) => [b.action_id, b.text.text])).toEqual([
      ['incident_ack', 'Acknowledge'],
      ['incident_escalate', 'Escalate'],
      ['incident_resolve', 'Resolve'],
    ]);
    await waitFor('the message pinned', () => h.fake.pins.has(`${channel.id}/${message.ts}`));

    for (const user of L1) {
      const dm = await waitFor(`a DM paging ${user}`, () => dmsTo(h.fake, user).find((c) => textOf(c).includes('API 5xx')));
      expect(textOf(dm)).toContain('You are paged');
    }
    // Before the channel existed, the page also went to the alerts channel (after joining it).
    expect(h.fake.callsTo('conversations.join').some((c) => c.params.channel === ALERTS_CHANNEL)).toBe(true);
    await waitFor('the announcement', () => postsIn(h.fake, ALERTS_CHANNEL).find((c) => /New \*incident #\d+\*.*API 5xx/.test(textOf(c))));
    // Every post carries a text fallback.
    for (const call of h.fake.callsTo('chat.postMessage')) expect(textOf(call)).not.toBe('');
  });

  test('a taken channel name gets the next free suffix', async () => {
    const date = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const number = (await h.bot.ctx.store.nextIncidentNumber()) + 1;
    h.fake.addChannel('CTAKEN00001', `inc-${date}-${number}-disk-full`, false);
    h.fake.addChannel('CTAKEN00002', `inc-${date}-${number}-disk-full-2`, false);
    await h.postAlarm({ key: 'disk-full', title: 'Disk full', state: 'alarm' });
    const channel = await waitFor('the suffixed channel', () => channelNamed(h.fake, new RegExp(`^inc-${date}-${number}-disk-full-3$`)));
    await waitFor('its incident message', () => incidentMessage(h.fake, channel.id));
  });

  test('the Acknowledge button stops escalation and updates the message', async () => {
    await h.postAlarm({ key: 'db-latency', title: 'DB latency high', state: 'alarm' });
    const channel = await waitFor('the channel', () => channelNamed(h.fake, /-db-latency-high$/));
    const message = await waitFor('the incident message', () => incidentMessage(h.fake, channel.id));
    const incidentId = buttonsOf(message.params)[0]?.value ?? '';
    await messageRecorded(h, incidentId);

    const pressed = await h.press('incident_ack', incidentId, { channelId: channel.id, userId: 'U0L1ALICE', messageTs: message.ts });
    expect(pressed.status).toBe(200);

    const updated = await waitFor('the message updated to acknowledged', () =>
      h.fake.callsTo('chat.update').find((c) => c.params.ts === message.ts && textOf(c).includes('acknowledged by <@U0L1ALICE>')),
    );
    expect(buttonsOf(updated.params).map((b) => b.text.text)).toEqual(['Escalate', 'Resolve']);
    await waitFor('the acknowledgement said in the channel', () => postsIn(h.fake, channel.id).find((c) => textOf(c).includes('<@U0L1ALICE> acknowledged incident')));

    // The L1 timer (5 s) fires and must find nothing to do.
    const timer = await waitFor('the L1 escalation timer to run', async () => {
      const job = await h.bot.queue.queue.getJob(jobIds.escalateCheck(incidentId, 1));
      return job && (await job.isCompleted()) ? job : undefined;
    }, 20_000);
    expect(String(timer.returnvalue)).toMatch(/^ignored/);
    const events = await h.bot.ctx.store.load(incidentId);
    expect(events.some((e) => e.type === 'Escalated')).toBe(false);
    expect(dmsTo(h.fake, 'U0L2CAROL').some((c) => textOf(c).includes('DB latency'))).toBe(false);
  });

  test('without an ack, the L1 timeout escalates to L2 and pages every member of its group once', async () => {
    await h.postAlarm({ key: 'queue-backlog', title: 'Queue backlog growing', state: 'alarm' });
    const channel = await waitFor('the channel', () => channelNamed(h.fake, /-queue-backlog-growing$/));
    const pagedL2 = (user: string) => dmsTo(h.fake, user).filter((c) => textOf(c).includes('Queue backlog') && textOf(c).includes('(L2)'));
    await waitFor('L2 paged by DM', () => ['U0L2CAROL', 'U0L2DAVE', 'U0L1BOB'].every((u) => pagedL2(u).length > 0), 20_000);
    await waitFor('L2 mentioned in the incident channel', () =>
      postsIn(h.fake, channel.id).find((c) => textOf(c).includes('<!subteam^S0L2GROUP>') && textOf(c).includes('you are paged')),
    );
    // U0L2CAROL is both in the group and named on her own: one DM, not two.
    expect(pagedL2('U0L2CAROL')).toHaveLength(1);
    // Escalation brings the new level into the incident channel.
    await waitFor('L2 invited to the channel', () => ['U0L2CAROL', 'U0L2DAVE'].every((u) => channel.members.has(u)));
  });
});
