import { promises as fs } from 'node:fs';
import { createConsoleSurface } from '../local/console-surface';
import { createLocalLogger } from '../local/local-logger';
import { LocalSession } from '../local/local-session';
import { startBot } from '../runtime/start-bot';
import { DemoDriver, DemoStepFailed } from './demo-driver';
import { prepareDemoEnv } from './demo-env';
import { demoSteps } from './demo-steps';
import { deleteQueueKeys } from './redis-keys';

/**
 * `npm run demo`: one scripted incident, end to end, on the real engine in
 * local mode, typed into the same console session a person would use.
 * Exits 0 when every step's outcome happened, 1 otherwise.
 */
async function runDemo(): Promise<number> {
  const printed: string[] = [];
  const print = (line: string) => {
    printed.push(line);
    process.stdout.write(`${line}\n`);
  };
  const env = await prepareDemoEnv();
  const { log, file: logFile } = createLocalLogger(env.config);
  const { chat, focus } = createConsoleSurface(print);
  print('irbot demo: one incident, end to end, in local mode (the real engine, this console as the chat).');
  print(`  policy ${env.config.policyPath}, data ${env.dataDir}, queue prefix ${env.config.queuePrefix}, actions ${env.config.actionsMode}`);

  const bot = await startBot(env.config, { log, chat });
  const session = new LocalSession({ ctx: bot.ctx, buttons: chat.buttons, focus, out: print, cwd: env.root });
  const driver = new DemoDriver({ bot, session, print, printed, timeoutMs: env.stepTimeoutMs });
  const started = Date.now();
  let failure: string | undefined;
  for (const [i, step] of demoSteps.entries()) {
    print('');
    print(`=== Step ${i + 1}/${demoSteps.length}: ${step.title} ===`);
    try {
      await step.run(driver);
      await driver.settle();
    } catch (err) {
      failure = err instanceof DemoStepFailed ? err.message : `unexpected error: ${(err as Error).stack ?? String(err)}`;
      print(`  ✗ ${failure}`);
      break;
    }
  }

  await bot.stop();
  await deleteQueueKeys(env.config.redisUrl, env.config.queuePrefix);
  print('');
  if (failure) {
    print(`Demo FAILED: ${failure}`);
    print(`Logs and data kept in ${env.dataDir} (log: ${logFile}).`);
    return 1;
  }
  await fs.rm(env.dataDir, { recursive: true, force: true });
  print(`Demo finished: all ${demoSteps.length} steps happened in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

runDemo().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`irbot demo could not run: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
