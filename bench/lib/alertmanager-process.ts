import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { freePort } from '../../test/support/bot-process';
import { serveWhenReady, type ChildServer } from './child-server';

export type AlertmanagerProcess = ChildServer;

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
  return serveWhenReady(child, `http://127.0.0.1:${port}`, '/-/ready', 'alertmanager', () => rmSync(dir, { recursive: true, force: true }));
}
