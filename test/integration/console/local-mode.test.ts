import { promises as fs } from 'node:fs';
import path from 'node:path';
import { deleteQueueKeys } from '../../../src/demo/redis-keys';
import { ConsoleProcess, ROOT, buildIfNeeded, freePort, tempDir, uniquePrefix } from './console-process';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ALARM_TOKEN = 'local-mode-test-token-0123456789';

// Second-scale, but long enough that nothing escalates while a test presses Acknowledge.
const POLICY = `
rto: 4h
rpo: 1h
channelPrefix: inc
levels:
  - { id: L1, name: L1 support, responders: [U0TESTL1], ackTimeout: 20s }
  - { id: L2, name: L2 engineer, responders: [U0TESTL2], ackTimeout: 20s }
  - { id: L3, name: Infrastructure team, responders: [S0TESTINFRA], ackTimeout: 20s }
approvals:
  default: { approvers: [S0TESTINFRA], required: 1 }
`;

/** `npm start` without SLACK_BOT_TOKEN, driven through its stdin as a person would type. */
describe('local mode console', () => {
  let bot: ConsoleProcess;
  let dataDir: string;
  let port: number;
  const prefix = uniquePrefix('console');

  beforeAll(async () => {
    buildIfNeeded();
    dataDir = await tempDir('console');
    const policyPath = path.join(dataDir, 'policy.yaml');
    await fs.writeFile(policyPath, POLICY);
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, REDIS_URL, DATA_DIR: path.join(dataDir, 'data'), QUEUE_PREFIX: prefix };
    Object.assign(env, { ESCALATION_POLICY: policyPath, ALARM_TOKEN, PORT: String(await freePort()), LOG_LEVEL: 'info' });
    bot = new ConsoleProcess('dist/src/main.js', env);
    port = Number((await bot.waitFor(/alarms: +http:\/\/127\.0\.0\.1:(\d+)\/alarms/))[1]);
  });

  afterAll(async () => {
    await bot?.kill();
    await deleteQueueKeys(REDIS_URL, prefix);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('says it is in local mode, where its data and logs are, and how to start', async () => {
    const banner = bot.output();
    expect(banner).toMatch(/local mode/);
    expect(banner).toContain(path.join(dataDir, 'data'));
    expect(banner).toContain(path.join(dataDir, 'data', 'irbot.log'));
    expect(banner).toMatch(/\/incident declare L1/);
    // The chat stays readable: pino's JSON goes to the log file, not the terminal.
    expect(banner).not.toMatch(/"level":/);
    expect(await fs.readFile(path.join(dataDir, 'data', 'irbot.log'), 'utf8')).toMatch(/"msg":"irbot started"/);
  });

  it('declares an incident, shows its message with numbered buttons, and acknowledges it by pressing one', async () => {
    const from = bot.type('/incident declare L1 Database is down');
    await bot.waitFor(/^\[#console\] @U0LOCALUSER declared incident #1 at L1: Database is down/, from);
    const channel = (await bot.waitFor(/^\[#(inc-\d{8}-1-database-is-down)\] Incident #1: Database is down \| L1 support \(L1\) \| open/, from))[1];
    const buttons = await bot.waitFor(/^ +\[(\d+)\] Acknowledge +\[(\d+)\] Escalate +\[(\d+)\] Resolve$/, from);
    await bot.waitFor(new RegExp(`^\\[#${channel}\\] PAGE L1 support: @U0TESTL1|^\\[#alerts\\] PAGE L1 support: @U0TESTL1`), from);

    const pressed = bot.type(`press ${buttons[1]}`);
    await bot.waitFor(new RegExp(`^\\[#${channel}\\] @U0LOCALUSER acknowledged incident #1; escalation stopped\\.`), pressed);
    await bot.waitFor(/\(message updated\) Incident #1: Database is down \| L1 support \(L1\) \| acknowledged by @U0LOCALUSER/, pressed);

    // The acknowledged message has no Acknowledge button; the old one says so instead of acting twice.
    const again = bot.type(`press ${buttons[1]}`);
    await bot.waitFor(/^\(only you\) Button \[\d+\] is from an older version of that message; its buttons now are \[\d+\] Escalate +\[\d+\] Resolve\./, again);
  });

  it('answers /incident status and /incident timeline in the current incident channel', async () => {
    const from = bot.type('/incident status');
    await bot.waitFor(/^\[#inc-\d{8}-1-database-is-down\] Incident #1: Database is down$/, from);
    await bot.waitFor(/^ +State: acknowledged by @U0LOCALUSER$/, from);
    await bot.waitFor(/^ +RTO left: /, from);

    const t = bot.type('/incident timeline');
    await bot.waitFor(/^\[#inc-\d{8}-1-database-is-down\] Timeline of incident #1: Database is down$/, t);
    await bot.waitFor(/Incident #1 opened \(declared by @U0LOCALUSER\) at L1 support: Database is down/, t);
    await bot.waitFor(/Acknowledged by @U0LOCALUSER; escalation stopped/, t);
  });

  it('marks only-you answers and meets unknown input with a short help line', async () => {
    const from = bot.type('/incident run');
    await bot.waitFor(/^\(only you\) Usage: \/incident run <action>/, from);
    const unknown = bot.type('dance');
    await bot.waitFor(/^\(only you\) Unknown command "dance"\. Try: .*press <N>.*alarm <file\.json>.*quit\.$/, unknown);
  });

  it('opens incidents from alarm files of each kind', async () => {
    const generic = bot.type(`alarm ${path.join(ROOT, 'demo', 'generic-alarm.json')}`);
    await bot.waitFor(/^\(only you\) Alarm queued as POST \/alarms\/generic would/, generic);
    await bot.waitFor(/^\[#inc-\d{8}-2-get-health-returns-503\] Incident #2: GET \/health returns 503 \| L1 support \(L1\) \| open/, generic);

    const am = bot.type(`alarm ${path.join(ROOT, 'demo', 'alertmanager-alarm.json')}`);
    await bot.waitFor(/^\(only you\) Alarm queued as POST \/alarms\/alertmanager would/, am);
    await bot.waitFor(/^\[#inc-\d{8}-3-[a-z0-9-]+\] Incident #3: DynamoDB table lightningtalk-circle-prod-events is throttling writes \| L2 engineer \(L2\)/, am);

    const eb = bot.type('alarm demo/alarm-firing.json');
    await bot.waitFor(/^\(only you\) Alarm queued as POST \/alarms\/eventbridge would/, eb);
    await bot.waitFor(/^\[#inc-\d{8}-4-lightningtalk-circle-prod-api-unhealthy\] Incident #4: /, eb);

    const bad = bot.type('alarm package.json');
    await bot.waitFor(/^\(only you\) package\.json: not an alarm this bot knows/, bad);
  });

  it('shows an alarm posted to the printed HTTP port, and lets you act as another user in its channel', async () => {
    const from = bot.mark();
    const res = await fetch(`http://127.0.0.1:${port}/alarms/generic`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ALARM_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'disk-full', title: 'Disk full on db-1', state: 'alarm' }),
    });
    expect(res.status).toBe(202);
    const channel = (await bot.waitFor(/^\[#(inc-\d{8}-5-disk-full-on-db-1)\] Incident #5: Disk full on db-1/, from))[1];

    const as = bot.type('as U0TESTL1');
    await bot.waitFor(/^\(only you\) You are now U0TESTL1\.$/, as);
    const ack = bot.type('/incident ack');
    await bot.waitFor(new RegExp(`^\\[#${channel}\\] @U0TESTL1 acknowledged incident #5`), ack);

    const list = bot.type('channels');
    await bot.waitFor(new RegExp(`^ +\\* #${channel} +incident #5 L1 acknowledged: Disk full on db-1$`), list);
  });

  it('runs /incident in a channel picked with `channel`', async () => {
    const pick = bot.type('channel 2');
    await bot.waitFor(/^\(only you\) You are in #inc-\d{8}-2-get-health-returns-503\.$/, pick);
    const resolve = bot.type('/incident resolve false alarm');
    await bot.waitFor(/^\[#inc-\d{8}-2-get-health-returns-503\] @U0TESTL1 resolved incident #2: false alarm$/, resolve);
  });

  it('quits cleanly: drains and exits 0', async () => {
    bot.type('quit');
    expect(await bot.exited).toBe(0);
    expect(await fs.readFile(path.join(dataDir, 'data', 'irbot.log'), 'utf8')).toMatch(/"msg":"stopped cleanly"/);
  });
});
