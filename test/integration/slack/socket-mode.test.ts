/**
 * The real bot with SLACK_APP_TOKEN set: it must reach Slack over Socket Mode
 * (apps.connections.open with the app token, then a WebSocket) instead of
 * serving /slack/events, ack envelopes within Slack's 3 s, act on them once,
 * and leave the socket with a clean close when stopped.
 */
import { randomBytes } from 'node:crypto';
import { FakeSocketMode, type Sent, type SocketAck } from '../../support/fake-socket-mode';
import { blockActionsPayload, slashCommandForm } from '../../support/slack-payloads';
import { startHarness, waitFor, type Harness } from './harness';
import { buttonsOf, channelNamed, dmsTo, incidentMessage, messageRecorded, postsIn, responsesTo, textOf } from './slack-queries';

const GENERAL = 'CGENERAL001';
const REPORTER = 'U0REPORTER';
const L1_RESPONDER = 'U0L1BOB';
/** Slack's contract: an envelope not acked within 3 s is a failure (the user sees an error; events are redelivered). */
const ACK_DEADLINE_MS = 3000;

describe('Slack over Socket Mode', () => {
  let socket: FakeSocketMode;
  let h: Harness;

  beforeAll(async () => {
    socket = await FakeSocketMode.start();
    h = await startHarness({
      socketMode: socket,
      levels: [
        { id: 'L1', name: 'L1 support', responders: [L1_RESPONDER], ackTimeout: '1h' },
        { id: 'L2', name: 'L2 engineer', responders: ['U0L2CAROL'], ackTimeout: '1h' },
      ],
    });
    h.fake.addChannel(GENERAL, 'general', true);
  });
  afterAll(async () => {
    await h?.stop();
    await socket?.close();
  });

  /** A slash command envelope, as Slack sends it over the socket: the HTTP form's fields as a JSON object. */
  function commandPayload(text: string, channelId = GENERAL, userId = REPORTER) {
    const seed = randomBytes(6).toString('hex');
    const responseId = `cmd-${seed}`;
    return { responseId, payload: Object.fromEntries(slashCommandForm(text, channelId, userId, seed, h.fake.responseUrl(responseId))) };
  }

  /** Waits for the envelope's ack and holds it to Slack's deadline, measured from send to ack on the fake's side. */
  async function ackedInTime(sent: Sent): Promise<SocketAck> {
    const ack = await socket.ackOf(sent);
    expect(ack.at - sent.sentAt).toBeLessThan(ACK_DEADLINE_MS);
    return ack;
  }

  /**
   * Waits until a command sent now has been answered. Envelopes are handled in
   * arrival order up to their first await, so a repeat sent before it has by
   * then long decided to do nothing.
   */
  async function settle(): Promise<void> {
    const { responseId, payload } = commandPayload('help');
    await ackedInTime(socket.slashCommand(payload));
    await waitFor('the marker command answered', () => responsesTo(h.fake, responseId).length > 0);
  }

  test('connects with the app token through apps.connections.open, and serves no HTTP endpoint for Slack', async () => {
    const opens = h.fake.callsTo('apps.connections.open');
    // The fake answers a URL only to the app token (the bot token gets not_allowed_token_type, as from Slack).
    expect(opens).toHaveLength(1);
    expect(opens[0]?.error).toBeUndefined();
    expect(socket.connections).toHaveLength(1);
    expect(socket.openCount).toBe(1);
    // The bot token still makes every other call: the app token is for the socket only.
    expect(h.fake.calls.filter((c) => c.error === 'not_allowed_token_type' || c.error === 'invalid_auth')).toEqual([]);
    const res = await fetch(`${h.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'command=%2Fincident' });
    expect(res.status).toBe(404);
  });

  test('/incident declare is acked within 3 s, opens the channel and pages L1', async () => {
    const { payload } = commandPayload('declare L1 Checkout errors over socket');
    const ack = await ackedInTime(socket.slashCommand(payload));
    // A bare ack: anything in it would be shown to the user as the command's answer, before the work is done.
    expect(ack.payload).toEqual({});
    await waitFor('the declaration in the channel', () => postsIn(h.fake, GENERAL).find((c) => /<@U0REPORTER> declared incident #\d+ at L1: Checkout errors over socket/.test(textOf(c))));
    const channel = await waitFor('the incident channel', () => channelNamed(h.fake, /-checkout-errors-over-socket$/));
    expect(h.fake.callsTo('conversations.create').filter((c) => String(c.params.name).endsWith('-checkout-errors-over-socket'))).toHaveLength(1);
    await waitFor('L1 paged by DM', () => dmsTo(h.fake, L1_RESPONDER).find((c) => textOf(c).includes('Checkout errors over socket')));
    // The summary learns its channel after the channel is made, hence the wait.
    await waitFor('the incident open at L1 with its channel', async () => (await h.bot.ctx.store.listOpen()).find((i) => i.title === 'Checkout errors over socket' && i.channelId === channel.id));
    const open = (await h.bot.ctx.store.listOpen()).filter((i) => i.title === 'Checkout errors over socket');
    expect(open).toEqual([expect.objectContaining({ status: 'open', levelId: 'L1', channelId: channel.id })]);
  });

  test('the Acknowledge button is acked within 3 s and acknowledges the incident once, even when redelivered', async () => {
    const { payload } = commandPayload('declare L1 Button over socket');
    await ackedInTime(socket.slashCommand(payload));
    const channel = await waitFor('the incident channel', () => channelNamed(h.fake, /-button-over-socket$/));
    const message = await waitFor('the incident message', () => incidentMessage(h.fake, channel.id));
    const button = buttonsOf(message.params).find((b) => b.action_id === 'incident_ack');
    if (!button) throw new Error('the incident message has no Acknowledge button');
    const incidentId = button.value;
    await messageRecorded(h, incidentId);

    const actionTs = `${Math.floor(Date.now() / 1000)}.${randomBytes(3).readUIntBE(0, 3)}`;
    const responseId = `act-${actionTs}`;
    const press = blockActionsPayload(
      { actionId: button.action_id, value: incidentId, blockId: 'incident_actions', label: button.text.text },
      channel.id,
      L1_RESPONDER,
      message.ts,
      actionTs,
      h.fake.responseUrl(responseId),
    );
    const first = await ackedInTime(socket.interactive(press));
    expect(first.payload).toEqual({});
    await waitFor('the acknowledgement', () => postsIn(h.fake, channel.id).find((c) => textOf(c).includes(`<@${L1_RESPONDER}> acknowledged incident`)));
    await waitFor('the message showing the ack', () => h.fake.callsTo('chat.update').find((c) => c.params.ts === message.ts && textOf(c).includes(`acknowledged by <@${L1_RESPONDER}>`)));
    await waitFor('the incident acknowledged in the store', async () => (await h.bot.ctx.store.listOpen()).find((i) => i.incidentId === incidentId && i.status === 'acknowledged'));

    // Slack redelivers an envelope whose ack it did not see in time: same envelope id and payload, marked as a retry.
    await ackedInTime(socket.interactive(press, { envelopeId: first.envelopeId, retryAttempt: 1, retryReason: 'timeout' }));
    await settle();
    expect((await h.bot.ctx.store.load(incidentId)).filter((e) => e.type === 'Acknowledged')).toHaveLength(1);
    // Had the repeat run, the presser would have been told "already acknowledged".
    expect(responsesTo(h.fake, responseId)).toEqual([]);
    expect(postsIn(h.fake, channel.id).filter((c) => textOf(c).includes('acknowledged incident'))).toHaveLength(1);
  });

  test('a slash command envelope delivered twice declares once', async () => {
    const { payload } = commandPayload('declare L1 Redelivered over socket');
    const first = await ackedInTime(socket.slashCommand(payload));
    await waitFor('the declaration', () => postsIn(h.fake, GENERAL).find((c) => textOf(c).includes('Redelivered over socket')));
    const again = await ackedInTime(socket.slashCommand(payload, { envelopeId: first.envelopeId, retryAttempt: 1, retryReason: 'timeout' }));
    expect(again.envelopeId).toBe(first.envelopeId);
    await settle();
    expect((await h.bot.ctx.store.listOpen()).filter((i) => i.title === 'Redelivered over socket')).toHaveLength(1);
    expect(postsIn(h.fake, GENERAL).filter((c) => textOf(c).includes('Redelivered over socket'))).toHaveLength(1);
    expect(h.fake.callsTo('conversations.create').filter((c) => String(c.params.name).endsWith('-redelivered-over-socket'))).toHaveLength(1);
  });

  test('reconnects with a fresh URL when Slack asks it to, and keeps serving', async () => {
    const opensBefore = h.fake.callsTo('apps.connections.open').length;
    socket.requestDisconnect('refresh_requested');
    // The client waits a few seconds before reconnecting (its reconnect back-off), hence the generous wait.
    await waitFor('a second connection', () => socket.connections.length === 2 && socket.openCount === 1, 30_000);
    expect(socket.connections[0]?.closeCode).toBe(1000);
    expect(h.fake.callsTo('apps.connections.open')).toHaveLength(opensBefore + 1);
    const { responseId, payload } = commandPayload('help');
    await ackedInTime(socket.slashCommand(payload));
    await waitFor('the command answered over the new connection', () => responsesTo(h.fake, responseId).length > 0);
  });

  test('stopping the bot closes the socket with a normal close', async () => {
    const opensBefore = h.fake.callsTo('apps.connections.open').length;
    await h.bot.stop();
    await socket.allClosed();
    expect(socket.openCount).toBe(0);
    // 1000 is the client's own close handshake; a dropped TCP connection would show as 1006.
    expect(socket.connections.map((c) => c.closeCode)).toEqual(socket.connections.map(() => 1000));
    // A reconnect would also leave a timer that keeps jest from exiting.
    expect(h.fake.callsTo('apps.connections.open')).toHaveLength(opensBefore);
    expect(socket.unexpected).toEqual([]);
  });
});
