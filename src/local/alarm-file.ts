import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AlarmSignal } from '../domain/alarm';
import { AlarmInputError } from '../adapters/http/alarms/alarm-input-error';
import { alertmanagerSignals } from '../adapters/http/alarms/alertmanager';
import { cloudWatchAlarmFromEventBridge } from '../adapters/http/alarms/cloudwatch';
import { genericSignal } from '../adapters/http/alarms/generic';

export type AlarmFormat = 'generic' | 'alertmanager' | 'eventbridge';

export interface AlarmFromJson {
  format: AlarmFormat;
  /** The HTTP route that accepts the same body, so the person can replay it with curl. */
  route: string;
  signals: AlarmSignal[];
}

/** What went wrong with an alarm file, in one sentence for the person who typed `alarm <file>`. */
export class AlarmFileError extends Error {}

const FORMATS: Record<AlarmFormat, { route: string; parse: (body: unknown) => AlarmSignal[] }> = {
  generic: { route: '/alarms/generic', parse: (body) => [genericSignal(body)] },
  alertmanager: { route: '/alarms/alertmanager', parse: alertmanagerSignals },
  eventbridge: { route: '/alarms/eventbridge', parse: (body) => [cloudWatchAlarmFromEventBridge(body)] },
};

/** Guesses the sender from the body's shape; the parser then checks it in full. */
export function detectAlarmFormat(body: unknown): AlarmFormat | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const has = (key: string) => Object.hasOwn(body, key);
  if (has('alerts') || has('groupKey')) return 'alertmanager';
  if (has('detail-type') || has('detail')) return 'eventbridge';
  if (has('key') || has('state')) return 'generic';
  return undefined;
}

/** Parses a body exactly as the matching HTTP alarm route would. */
export function alarmFromJson(body: unknown): AlarmFromJson {
  const format = detectAlarmFormat(body);
  if (!format) {
    const sns = body !== null && typeof body === 'object' && Object.hasOwn(body, 'Type');
    throw new AlarmFileError(
      sns
        ? 'this looks like an SNS message; those must carry a valid signature, so send it to POST /alarms/sns instead'
        : 'not an alarm this bot knows: expected a generic alarm { "key", "title", "state" }, an Alertmanager webhook (version "4") or an EventBridge "CloudWatch Alarm State Change" event',
    );
  }
  try {
    return { format, route: FORMATS[format].route, signals: FORMATS[format].parse(body) };
  } catch (err) {
    if (err instanceof AlarmInputError) throw new AlarmFileError(`not a valid ${format} alarm: ${err.message}`);
    throw err;
  }
}

export async function readAlarmFile(file: string, cwd = process.cwd()): Promise<AlarmFromJson> {
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = await fs.readFile(full, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AlarmFileError(code === 'ENOENT' ? `no file ${full}` : `cannot read ${full}: ${(err as Error).message}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new AlarmFileError(`${full} is not JSON: ${(err as Error).message}`);
  }
  return alarmFromJson(body);
}
