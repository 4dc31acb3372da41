/**
 * An alarm from any source, normalised. Parsers for SNS/CloudWatch, EventBridge,
 * Alertmanager and the generic webhook all produce this shape.
 */
export type AlarmSource = 'cloudwatch-sns' | 'cloudwatch-eventbridge' | 'alertmanager' | 'generic' | 'irbot-check';

/** `insufficient_data` joins an open incident's timeline but never opens one. */
export type AlarmState = 'alarm' | 'ok' | 'insufficient_data';

export interface AlarmSignal {
  source: AlarmSource;
  /**
   * Identity of this delivery (SNS MessageId, EventBridge event id, Alertmanager
   * fingerprint+status+startsAt). The same delivery seen twice is ignored.
   * Absent when the source gives nothing to recognise a redelivery by.
   */
  deliveryId?: string;
  /** Identity of the alarm itself: one open incident per key. */
  dedupKey: string;
  state: AlarmState;
  title: string;
  /** Escalation level to start at (`L1`…), when the source says. */
  level?: string;
  /** Flat, human-readable facts shown on the incident (region, metric, reason…). */
  details: Record<string, string>;
  /** When the source says the state changed (ISO 8601). */
  occurredAt: string;
}
