import { z } from 'zod';

/**
 * What we read from CloudWatch alarm documents. AWS sends more (and `null` for
 * absent values), so every object tolerates extra fields and optional fields
 * accept null. Identity fields are length-capped because they become keys.
 */
export const cloudWatchStateSchema = z.enum(['ALARM', 'OK', 'INSUFFICIENT_DATA']);
export type CloudWatchState = z.infer<typeof cloudWatchStateSchema>;

const alarmName = z.string().min(1).max(1024);
const account = z.string().min(1).max(64);
const arn = z.string().min(1).max(2048);
const text = z.string().nullish();
const scalar = z.union([z.string(), z.number(), z.boolean()]).nullish();

// ---- SNS notification `Message` (CloudWatch's own JSON, PascalCase) ----

const snsMetricStat = z.object({
  Metric: z
    .object({
      MetricName: text,
      Namespace: text,
      Dimensions: z.array(z.object({ name: z.string(), value: scalar })).nullish(),
    })
    .nullish(),
  Stat: text,
});

export const snsTriggerSchema = z.object({
  MetricName: text,
  Namespace: text,
  Statistic: text,
  ExtendedStatistic: text,
  Unit: text,
  // In the SNS format dimension keys are lower-case: [{ "name": "InstanceId", "value": "i-…" }].
  Dimensions: z.array(z.object({ name: z.string(), value: scalar })).nullish(),
  Period: scalar,
  EvaluationPeriods: scalar,
  ComparisonOperator: text,
  Threshold: scalar,
  // Metric-math alarms list their inputs here instead of MetricName.
  Metrics: z.array(z.object({ Id: text, Expression: text, Label: text, MetricStat: snsMetricStat.nullish() })).nullish(),
});

export const snsCloudWatchAlarmSchema = z.object({
  AlarmName: alarmName,
  AlarmDescription: text,
  AWSAccountId: account,
  NewStateValue: cloudWatchStateSchema,
  NewStateReason: text,
  StateChangeTime: text,
  Region: text,
  AlarmArn: arn.nullish(),
  OldStateValue: text,
  Trigger: snsTriggerSchema.nullish(),
  // Composite alarms carry a rule instead of a Trigger.
  AlarmRule: text,
});
export type SnsCloudWatchAlarm = z.infer<typeof snsCloudWatchAlarmSchema>;

// ---- EventBridge `CloudWatch Alarm State Change` (camelCase) ----

const ebMetric = z.object({
  id: text,
  label: text,
  expression: text,
  metricStat: z
    .object({
      metric: z
        .object({ name: text, namespace: text, dimensions: z.record(z.string(), scalar).nullish() })
        .nullish(),
      stat: text,
      period: scalar,
    })
    .nullish(),
});

export const eventBridgeAlarmSchema = z.object({
  id: z.string().min(1).max(256),
  'detail-type': z.string(),
  source: z.string(),
  account,
  time: text,
  region: text,
  resources: z.array(arn).nullish(),
  detail: z.object({
    alarmName,
    state: z.object({ value: cloudWatchStateSchema, reason: text, timestamp: text }),
    previousState: z.object({ value: text, reason: text, timestamp: text }).nullish(),
    configuration: z
      .object({ description: text, metrics: z.array(ebMetric).nullish(), alarmRule: text })
      .nullish(),
  }),
});
export type EventBridgeAlarm = z.infer<typeof eventBridgeAlarmSchema>;
