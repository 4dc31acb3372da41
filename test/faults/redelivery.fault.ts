import { createHttpsCertificateFetcher } from '../../src/adapters/http/alarms/sns-verify';
import { foldIncident } from '../../src/domain/incident-state';
import { dmChannelOf } from '../support/fake-slack-server';
import { cloudWatchAlarmMessage, startSnsTestServer, type SnsTestServer } from '../support/sns-signing';
import { startTestBot, type TestBot } from '../support/start-test-bot';
import { waitFor } from '../support/wait-for';
import { startHarness, type Harness } from '../integration/slack/harness';

const ALARMS = 20;
const DELIVERIES = 3;

/**
 * At-least-once senders: SNS redelivers every notification three times (in a
 * burst, as after a timeout), Slack retries every command and click three
 * times (X-Slack-Retry-Num 1, 2). Nothing may happen twice.
 */
describe('SNS and Slack redeliver everything three times', () => {
  describe('SNS', () => {
    let sns: SnsTestServer;
    let t: TestBot;
    beforeAll(async () => {
      sns = await startSnsTestServer();
      t = await startTestBot({
        env: { SNS_CERT_HOST_PATTERN: sns.certHostPattern.source },
        policy: { ackTimeout: '1h' },
        botOptions: { sns: { fetchCertificate: createHttpsCertificateFetcher({ ca: sns.caPem }) } },
      });
    });
    afterAll(async () => {
      await t.stop();
      await sns.close();
    });

    it(`${ALARMS} alarms × ${DELIVERIES} deliveries: ${ALARMS} incidents, one alarm and one page each`, async () => {
      const notifications = Array.from({ length: ALARMS }, (_, n) =>
        sns.cloudWatchNotification({
          version: (n % 2) + 1 === 1 ? 1 : 2,
          message: cloudWatchAlarmMessage({ AlarmName: `redelivered-${n}`, AlarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:redelivered-${n}` }),
        }),
      );
      const posts = notifications.flatMap((body) => Array.from({ length: DELIVERIES }, () => body));
      const statuses = await Promise.all(
        posts.map(async (body) => (await fetch(`${t.baseUrl}/alarms/sns`, { method: 'POST', headers: { 'content-type': 'text/plain; charset=UTF-8' }, body: JSON.stringify(body) })).status),
      );
      expect(statuses.every((s) => s === 200)).toBe(true);

      const open = await waitFor('every incident paged', async () => {
        const list = await t.bot.ctx.store.listOpen();
        return list.length >= ALARMS && list.every((s) => t.chat.pages(s.incidentId).length > 0) ? list : undefined;
      }, 60000, 200);
      // Let every redelivered job run to its end before counting.
      await waitFor('the queue drained', async () => (await t.bot.queue.queue.getJobCounts('waiting', 'active', 'prioritized')).waiting === 0, 30000, 200);
      await new Promise((r) => setTimeout(r, 1500));
      expect(open).toHaveLength(ALARMS);
      for (const summary of open) {
        const state = foldIncident(await t.bot.ctx.store.load(summary.incidentId));
        expect(state.alarmCount).toBe(1);
        expect(state.deliveryIds.size).toBe(1);
        expect(t.chat.pages(summary.incidentId)).toHaveLength(1);
      }
    });
  });

  describe('Slack', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({
        levels: [
          { id: 'L1', name: 'L1 support', responders: ['U0FAULTL1'], ackTimeout: '1h' },
          { id: 'L2', name: 'L2 engineer', responders: ['U0FAULTL2'], ackTimeout: '1h' },
        ],
      });
    });
    afterAll(() => h.stop());

    /** Sends the same delivery three times: the original, then Slack's retries 1 and 2. */
    const thrice = async (send: (retryNum: number | undefined) => Promise<{ status: number }>) => {
      const results = await Promise.all([send(undefined), send(1), send(2)]);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    };

    it('a declare, an escalate click and an ack command, each delivered three times, each happen once', async () => {
      await thrice((retryNum) => h.command('declare L1 Redelivered checkout outage', { channelId: 'CGENERAL01', userId: 'U0FAULTL1', deliveryId: 'declare-once', retryNum }));
      const incidents = await waitFor('the incident and its message', async () => {
        const open = await h.bot.ctx.store.listOpen();
        const withMessage = open.filter((s) => s.channelId !== undefined && h.fake.pins.size > 0);
        return withMessage.length > 0 ? open : undefined;
      });
      await new Promise((r) => setTimeout(r, 1000));
      expect(await h.bot.ctx.store.listOpen()).toHaveLength(1);
      const incident = incidents[0]!;
      const channelId = incident.channelId ?? '';
      const pinned = [...h.fake.pins][0] ?? '';
      const messageTs = pinned.split('/')[1] ?? '';

      await thrice((retryNum) => h.press('incident_escalate', incident.incidentId, { channelId, userId: 'U0FAULTL1', messageTs, deliveryId: '1700000000.000001', retryNum }));
      await waitFor('L2 paged', () => h.fake.callsTo('chat.postMessage').some((c) => c.params.channel === dmChannelOf('U0FAULTL2')));
      await thrice((retryNum) => h.command('ack', { channelId, userId: 'U0FAULTL2', deliveryId: 'ack-once', retryNum }));
      await waitFor('acknowledged', async () => foldIncident(await h.bot.ctx.store.load(incident.incidentId)).status === 'acknowledged');
      await new Promise((r) => setTimeout(r, 1500));

      const events = await h.bot.ctx.store.load(incident.incidentId);
      expect(events.filter((e) => e.type === 'Opened')).toHaveLength(1);
      expect(events.filter((e) => e.type === 'Escalated')).toHaveLength(1);
      expect(events.filter((e) => e.type === 'Acknowledged')).toHaveLength(1);
      expect(events.filter((e) => e.type === 'Paged')).toHaveLength(2);
      expect(h.fake.callsTo('conversations.create')).toHaveLength(1);
      expect(h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === dmChannelOf('U0FAULTL1'))).toHaveLength(1);
      expect(h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === dmChannelOf('U0FAULTL2'))).toHaveLength(1);
    });
  });
});
