import { TEST_ALARM_ARN } from '../../support/sns-signing';

/** An EventBridge `CloudWatch Alarm State Change` event, shaped as AWS documents it, for the same alarm as the SNS fixture. */
export function eventBridgeAlarmEvent(overrides: { state?: string; id?: string; resources?: string[] } = {}): Record<string, unknown> {
  return {
    version: '0',
    id: overrides.id ?? 'c4c1c1c9-6542-e61b-6ef0-8c4d36933a92',
    'detail-type': 'CloudWatch Alarm State Change',
    source: 'aws.cloudwatch',
    account: '123456789012',
    time: '2024-05-14T10:20:31Z',
    region: 'us-east-1',
    resources: overrides.resources ?? [TEST_ALARM_ARN],
    detail: {
      alarmName: 'api-5xx-rate-high',
      state: {
        value: overrides.state ?? 'ALARM',
        reason:
          'Threshold Crossed: 1 out of the last 1 datapoints [7.25 (14/05/24 10:15:00)] was greater than the threshold (5.0) (minimum 1 datapoint for OK -> ALARM transition).',
        reasonData: '{"version":"1.0","queryDate":"2024-05-14T10:20:31.240+0000","statistic":"Sum","period":300,"recentDatapoints":[7.25],"threshold":5.0}',
        timestamp: '2024-05-14T10:20:31.245+0000',
      },
      previousState: {
        value: 'OK',
        reason: 'Threshold Crossed: 1 out of the last 1 datapoints [0.0 (14/05/24 10:10:00)] was not greater than the threshold (5.0).',
        timestamp: '2024-05-14T09:15:02.114+0000',
      },
      configuration: {
        description: 'More than 5% of API requests failed with 5xx for 5 minutes.',
        metrics: [
          {
            id: '30b6c6b2-a864-43a2-4877-c09a1afc3b87',
            metricStat: {
              metric: {
                dimensions: { LoadBalancer: 'app/api-prod/50dc6c495c0c9188' },
                name: 'HTTPCode_Target_5XX_Count',
                namespace: 'AWS/ApplicationELB',
              },
              period: 300,
              stat: 'Sum',
            },
            returnData: true,
          },
        ],
      },
    },
  };
}

type Alert = Record<string, unknown> & { labels: Record<string, string> };

/** One alert as Alertmanager 0.25+ puts it in a webhook. */
export function alertmanagerAlert(name: string, fingerprint: string | undefined, status: 'firing' | 'resolved' = 'firing'): Alert {
  const alert: Alert = {
    status,
    labels: { alertname: name, instance: 'api-1:9100', job: 'node', severity: 'critical' },
    annotations: { summary: `${name} on api-1`, description: 'Disk will be full within 4 hours at the current write rate.' },
    startsAt: '2024-05-14T10:15:30.123Z',
    endsAt: status === 'resolved' ? '2024-05-14T11:02:00.456Z' : '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus:9090/graph?g0.expr=predict_linear%28node_filesystem_avail_bytes%5B6h%5D%2C+4+%2A+3600%29+%3C+0&g0.tab=1',
  };
  if (fingerprint !== undefined) alert['fingerprint'] = fingerprint;
  return alert;
}

/** A version 4 webhook payload wrapping `alerts`. */
export function alertmanagerPayload(alerts: Alert[], status: 'firing' | 'resolved' = 'firing'): Record<string, unknown> {
  return {
    receiver: 'irbot',
    status,
    alerts,
    groupLabels: { alertname: 'DiskWillFillIn4Hours' },
    commonLabels: { job: 'node', severity: 'critical' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    version: '4',
    groupKey: '{}/{severity="critical"}:{alertname="DiskWillFillIn4Hours"}',
    truncatedAlerts: 0,
  };
}
