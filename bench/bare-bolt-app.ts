/**
 * The baseline for Slack ack latency: a Bolt app on the same receiver settings
 * as irbot (ExpressReceiver, processBeforeResponse false) whose handlers only
 * call ack(). Run as its own process by the bench: PORT, SLACK_SIGNING_SECRET.
 */
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';

async function main(): Promise<void> {
  const signingSecret = process.env.SLACK_SIGNING_SECRET ?? '';
  const receiver = new ExpressReceiver({ signingSecret, endpoints: '/slack/events', processBeforeResponse: false });
  // Bot ids given and no token check, so Bolt never calls Slack (no auth.test); any call would stay on loopback.
  const app = new App({
    token: 'xoxb-bare-bolt',
    botId: 'BBARE0001',
    botUserId: 'UBARE0001',
    receiver,
    tokenVerificationEnabled: false,
    clientOptions: { slackApiUrl: 'http://127.0.0.1:9/api/' },
    logLevel: LogLevel.ERROR,
  });
  app.command('/incident', async ({ ack }) => {
    await ack();
  });
  app.action(/.*/, async ({ ack }) => {
    await ack();
  });
  receiver.router.get('/readyz', (_req, res) => {
    res.status(200).send('ok');
  });
  // Bolt's own start() listens on every interface; the bench keeps all traffic on loopback.
  const server = receiver.app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((err: unknown) => {
  process.stderr.write(`bare bolt app failed: ${String(err)}\n`);
  process.exit(1);
});
