import type { AlarmSignal } from '../../../domain/alarm';
import { AlarmInputError } from './alarm-input-error';
import { DetailsBuilder, isoTime } from './bounds';
import { STATE, cloudWatchDedupKey, cloudWatchTitle, consoleUrl, formatDimensions, metricLabel, regionFromArn } from './cloudwatch-common';
import { eventBridgeAlarmSchema, snsCloudWatchAlarmSchema, type EventBridgeAlarm, type SnsCloudWatchAlarm } from './cloudwatch-schemas';
import { parseInput } from './input-issues';
import type { SnsEnvelope } from './sns-message';

/**
 * A CloudWatch alarm delivered by SNS. Call only after the envelope was verified.
 * Throws AlarmInputError 400: `unsupported` when the message is not a CloudWatch
 * alarm state change, `malformed`/`missing_field` when it looks like one but is broken.
 */
export function cloudWatchAlarmFromSns(envelope: SnsEnvelope, receivedAt: Date = new Date()): AlarmSignal {
  if (envelope.Type !== 'Notification') {
    throw new AlarmInputError('unsupported', `Type: ${envelope.Type} carries no alarm`);
  }
  const doc = parseAlarmJson(envelope.Message);
  const alarm = parseInput(snsCloudWatchAlarmSchema, doc, ['Message']);
  const regionCode = regionFromArn(alarm.AlarmArn);
  return {
    source: 'cloudwatch-sns',
    deliveryId: `sns:${envelope.MessageId}`,
    dedupKey: cloudWatchDedupKey(alarm.AlarmArn, alarm.AWSAccountId, alarm.AlarmName),
    state: STATE[alarm.NewStateValue],
    title: cloudWatchTitle(alarm.AlarmName, alarm.AlarmDescription),
    details: snsDetails(alarm, regionCode, envelope.TopicArn),
    occurredAt: isoTime(alarm.StateChangeTime, () => isoTime(envelope.Timestamp, () => receivedAt.toISOString())),
  };
}

function parseAlarmJson(message: string): unknown {
  let doc: unknown;
  try {
    doc = JSON.parse(message);
  } catch {
    doc = undefined;
  }
  const looksLikeAlarm = doc !== null && typeof doc === 'object' && 'AlarmName' in doc && 'NewStateValue' in doc;
  if (!looksLikeAlarm) {
    throw new AlarmInputError('unsupported', 'Message: is not a CloudWatch alarm (expected JSON with AlarmName and NewStateValue)');
  }
  return doc;
}

function snsDetails(alarm: SnsCloudWatchAlarm, regionCode: string | undefined, topicArn: string): Record<string, string> {
  const t = alarm.Trigger;
  const threshold = t?.ComparisonOperator && t.Threshold != null ? `${t.ComparisonOperator} ${t.Threshold}` : undefined;
  const metrics = t?.Metrics?.map((m) => metricLabel(m.Id, m.Expression, m.MetricStat?.Metric?.Namespace, m.MetricStat?.Metric?.MetricName));
  return new DetailsBuilder()
    .add('account', alarm.AWSAccountId)
    .add('region', regionCode ?? alarm.Region)
    .add('regionName', alarm.Region)
    .add('alarmName', alarm.AlarmName)
    .add('alarmArn', alarm.AlarmArn)
    .add('state', alarm.NewStateValue)
    .add('previousState', alarm.OldStateValue)
    .add('reason', alarm.NewStateReason)
    .add('description', alarm.AlarmDescription)
    .add('namespace', t?.Namespace)
    .add('metric', t?.MetricName)
    .add('statistic', t?.Statistic ?? t?.ExtendedStatistic)
    .add('dimensions', formatDimensions((t?.Dimensions ?? []).map((d) => [d.name, d.value])))
    .add('threshold', threshold)
    .add('metrics', metrics?.join('; '))
    .add('alarmRule', alarm.AlarmRule)
    .add('topicArn', topicArn)
    .add('console', consoleUrl(regionCode, alarm.AlarmName))
    .build();
}

const DETAIL_TYPE = 'CloudWatch Alarm State Change';

/**
 * An EventBridge `CloudWatch Alarm State Change` event. Its dedup key matches
 * the SNS form, so the same alarm delivered both ways is one incident.
 * Throws AlarmInputError 400 (`unsupported` for other event types).
 */
export function cloudWatchAlarmFromEventBridge(body: unknown, receivedAt: Date = new Date()): AlarmSignal {
  // Look at the event's type before its shape: another kind of event is "unsupported", not "broken".
  const head = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const detailType = head['detail-type'];
  const source = head['source'];
  if (typeof detailType === 'string' && typeof source === 'string' && (detailType !== DETAIL_TYPE || source !== 'aws.cloudwatch')) {
    throw new AlarmInputError(
      'unsupported',
      `detail-type: only "${DETAIL_TYPE}" events from source "aws.cloudwatch" are accepted, got "${detailType.slice(0, 100)}" from "${source.slice(0, 100)}"`,
    );
  }
  const event = parseInput(eventBridgeAlarmSchema, body);
  const d = event.detail;
  const alarmArn = event.resources?.find((r) => r.includes(':alarm:')) ?? event.resources?.[0];
  return {
    source: 'cloudwatch-eventbridge',
    deliveryId: `eventbridge:${event.id}`,
    dedupKey: cloudWatchDedupKey(alarmArn, event.account, d.alarmName),
    state: STATE[d.state.value],
    title: cloudWatchTitle(d.alarmName, d.configuration?.description),
    details: eventBridgeDetails(event, alarmArn),
    occurredAt: isoTime(d.state.timestamp, () => isoTime(event.time, () => receivedAt.toISOString())),
  };
}

function eventBridgeDetails(event: EventBridgeAlarm, alarmArn: string | undefined): Record<string, string> {
  const d = event.detail;
  const metrics = d.configuration?.metrics ?? [];
  const single = metrics.length === 1 ? metrics[0]?.metricStat : undefined;
  const region = event.region ?? regionFromArn(alarmArn);
  return new DetailsBuilder()
    .add('account', event.account)
    .add('region', region)
    .add('alarmName', d.alarmName)
    .add('alarmArn', alarmArn)
    .add('state', d.state.value)
    .add('previousState', d.previousState?.value)
    .add('reason', d.state.reason)
    .add('description', d.configuration?.description)
    .add('namespace', single?.metric?.namespace)
    .add('metric', single?.metric?.name)
    .add('statistic', single?.stat)
    .add('dimensions', formatDimensions(Object.entries(single?.metric?.dimensions ?? {})))
    .add(
      'metrics',
      metrics.length > 1
        ? metrics.map((m) => metricLabel(m.id, m.expression, m.metricStat?.metric?.namespace, m.metricStat?.metric?.name)).join('; ')
        : undefined,
    )
    .add('alarmRule', d.configuration?.alarmRule)
    .add('console', consoleUrl(region, d.alarmName))
    .build();
}
