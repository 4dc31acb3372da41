import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { freePort } from '../../test/support/bot-process';

export interface AlertmanagerProcess {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Alertmanager on loopback, clustering off, grouping by the alert's `key` with
 * the shortest group_wait (0 s), and one Slack receiver whose api_url is the
 * bench's loopback Slack server.
 */
export async function startAlertmanager(binary: string, slackPostUrl: string, botToken: string): Promise<AlertmanagerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'irbot-bench-am-'));
  const config = {
    route: { receiver: 'slack', group_by: ['key'], group_wait: '0s', group_interval: '10s', repeat_interval: '4h' },
    receivers: [
      {
        name: 'slack',
        slack_configs: [
          {
            api_url: slackPostUrl,
            channel: '#bench-alertmanager',
            send_resolved: false,
            title: '{{ .CommonAnnotations.summary }}',
            text: '{{ .CommonAnnotations.summary }}',
            http_config: { authorization: { type: 'Bearer', credentials: botToken } },
          },
        ],
      },
    ],
  };
  writeFileSync(join(dir, 'alertmanager.yml'), stringify(config));
  const port = await freePort();
  const args = [`--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=warn'];
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 30_000;
  for (;;) {
    const res = await fetch(`${baseUrl}/-/ready`).catch(() => undefined);
    if (res?.status === 200) break;
    if (child.exitCode !== null || performance.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`alertmanager did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    pid: child.pid ?? -1,
    baseUrl,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
