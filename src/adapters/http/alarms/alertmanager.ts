import { z } from 'zod';
import type { AlarmSignal } from '../../../domain/alarm';
import { AlarmInputError } from './alarm-input-error';
import { DetailsBuilder, boundedTitle, isoTime, normaliseLevel } from './bounds';
import { parseInput } from './input-issues';

const labelSet = z.record(z.string(), z.string());
const time = z.string().max(64);

// Alertmanager >= 0.25 webhook payload, version "4". Extra fields are ignored so a
// newer Alertmanager adding some does not break delivery.
const alertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: labelSet,
  annotations: labelSet.nullish(),
  startsAt: time,
  endsAt: time.nullish(),
  generatorURL: z.string().nullish(),
  fingerprint: z.string().min(1).max(256).optional(),
});

const payloadSchema = z.object({
  version: z.literal('4'),
  groupKey: z.string().max(4096),
  truncatedAlerts: z.number().int().nonnegative().nullish(),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().nullish(),
  groupLabels: labelSet.nullish(),
  commonLabels: labelSet.nullish(),
  commonAnnotations: labelSet.nullish(),
  externalURL: z.string().nullish(),
  alerts: z.array(alertSchema).min(1),
});

type Payload = z.infer<typeof payloadSchema>;
type Alert = z.infer<typeof alertSchema>;

/**
 * One signal per alert in an Alertmanager webhook (payload version "4").
 * Throws AlarmInputError 400 naming the bad field, e.g. `alerts[0].fingerprint`.
 */
export function alertmanagerSignals(body: unknown, receivedAt: Date = new Date()): AlarmSignal[] {
  const version = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['version'] : undefined;
  if (version !== undefined && version !== '4') {
    throw new AlarmInputError(
      'unsupported',
      `version: only Alertmanager webhook payload version "4" is supported, got ${JSON.stringify(version).slice(0, 40)}`,
    );
  }
  const payload = parseInput(payloadSchema, body);
  return payload.alerts.map((alert) => toSignal(payload, alert, receivedAt));
}

function toSignal(payload: Payload, alert: Alert, receivedAt: Date): AlarmSignal {
  const labels = alert.labels;
  const annotations = alert.annotations ?? {};
  const alertname = labels['alertname'];
  // Without a fingerprint the group plus alert name is the closest thing to an identity.
  const dedupKey = alert.fingerprint
    ? `alertmanager:${alert.fingerprint}`
    : `alertmanager:${payload.groupKey}:${alertname ?? 'unnamed'}`;
  const resolved = alert.status === 'resolved';
  const signal: AlarmSignal = {
    source: 'alertmanager',
    // Alertmanager repeats a still-firing alert with the same status and startsAt;
    // those repeats are redeliveries, not news.
    deliveryId: `${dedupKey}:${alert.status}:${alert.startsAt}`,
    dedupKey,
    state: resolved ? 'ok' : 'alarm',
    title: boundedTitle(annotations['summary'] || alertname || 'Alertmanager alert'),
    details: details(payload, alert),
    occurredAt: isoTime(resolved ? (alert.endsAt ?? alert.startsAt) : alert.startsAt, () => receivedAt.toISOString()),
  };
  const level = normaliseLevel(labels['irbot_level']) ?? normaliseLevel(labels['level']);
  if (level) signal.level = level;
  return signal;
}

function details(payload: Payload, alert: Alert): Record<string, string> {
  const b = new DetailsBuilder();
  for (const [k, v] of Object.entries(alert.labels)) b.add(k, v);
  for (const [k, v] of Object.entries(alert.annotations ?? {})) {
    // Labels identify the alert, so on a name clash the label keeps the plain name.
    b.add(Object.hasOwn(alert.labels, k) ? `annotation.${k}` : k, v);
  }
  return b
    .add('status', alert.status)
    .add('startsAt', alert.startsAt)
    .add('endsAt', alert.status === 'resolved' ? alert.endsAt : undefined)
    .add('generatorURL', alert.generatorURL)
    .add('receiver', payload.receiver)
    .build();
}
