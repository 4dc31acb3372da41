import type { AlarmState } from '../../../domain/alarm';
import { boundedTitle, clipLine } from './bounds';
import type { CloudWatchState } from './cloudwatch-schemas';

export const STATE: Record<CloudWatchState, AlarmState> = {
  ALARM: 'alarm',
  OK: 'ok',
  INSUFFICIENT_DATA: 'insufficient_data',
};

/**
 * One alarm has one key whichever way it reaches us (SNS or EventBridge), so the
 * two deliveries land on the same incident. The ARN is the alarm's identity;
 * account + name is the documented fallback when a message carries no ARN.
 */
export function cloudWatchDedupKey(alarmArn: string | null | undefined, account: string, alarmName: string): string {
  return alarmArn ? `cloudwatch:${alarmArn}` : `cloudwatch:${account}:${alarmName}`;
}

// The description can be a paragraph; the title keeps only its start.
const TITLE_DESCRIPTION_CHARS = 120;

export function cloudWatchTitle(alarmName: string, description: string | null | undefined): string {
  const desc = description ? clipLine(description, TITLE_DESCRIPTION_CHARS) : '';
  return boundedTitle(desc ? `${alarmName}: ${desc}` : alarmName);
}

/** `us-east-1` from `arn:aws:cloudwatch:us-east-1:123456789012:alarm:name`. */
export function regionFromArn(arn: string | null | undefined): string | undefined {
  const region = arn?.split(':')[3];
  return region && /^[a-z0-9-]+$/.test(region) ? region : undefined;
}

/** Where an operator looks at the alarm; only built from a well-formed region code. */
export function consoleUrl(regionCode: string | null | undefined, alarmName: string): string | undefined {
  if (!regionCode || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(regionCode)) return undefined;
  const host = regionCode.startsWith('cn-') ? 'console.amazonaws.cn' : 'console.aws.amazon.com';
  return `https://${host}/cloudwatch/home?region=${regionCode}#alarmsV2:alarm/${encodeURIComponent(alarmName)}`;
}

export function formatDimensions(pairs: Array<[string, unknown]>): string | undefined {
  const parts = pairs.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

type Text = string | null | undefined;

/** One input of a metric-math alarm: `m1: AWS/EC2 CPUUtilization` or `e1: m1*100`. */
export function metricLabel(id: Text, expression: Text, namespace: Text, name: Text): string {
  return `${id ?? '?'}: ${expression ?? [namespace, name].filter(Boolean).join(' ')}`;
}
