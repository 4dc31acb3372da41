import path from 'node:path';
import type { Config } from '../config/load-config';

/** What a person needs to know before typing: where things are and how to start. */
export function localBanner(config: Readonly<Config>, port: number, logFile: string): string[] {
  const data = config.store === 'local' ? `${path.resolve(config.dataDir)} (embedded store)` : `DynamoDB tables ${config.tablePrefix}*`;
  const token = config.alarmToken ? 'Authorization: Bearer $ALARM_TOKEN' : 'ALARM_TOKEN is unset, so they refuse everything';
  const chain = config.policy.levels.map((l) => l.id).join(' → ');
  return [
    'irbot is running in local mode (no SLACK_BOT_TOKEN): the real engine, with this console as the chat.',
    `  data:    ${data}`,
    `  logs:    ${logFile}`,
    `  alarms:  http://127.0.0.1:${port}/alarms/{generic,alertmanager,eventbridge,sns} (${token})`,
    `  policy:  ${config.policyPath} (${chain}); recovery actions ${config.actionsMode}; queue prefix ${config.queuePrefix}`,
    `  schedules (backups, checks, drills): ${config.schedulesEnabled ? 'on' : 'off in local mode (SCHEDULES=on turns them on; /incident backups and /incident drill work anyway)'}`,
    'Type /incident declare L1 <title> to open an incident, press <N> to press a button, help for everything else.',
  ];
}
