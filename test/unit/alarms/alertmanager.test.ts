import { alertmanagerSignals } from '../../../src/adapters/http/alarms/alertmanager';
import { alertmanagerAlert, alertmanagerPayload } from './fixtures';

describe('Alertmanager webhook (version 4)', () => {
  it('gives one alarm signal per firing alert, keyed by fingerprint', () => {
    const signals = alertmanagerSignals(
      alertmanagerPayload([alertmanagerAlert('DiskWillFillIn4Hours', 'c3a5b1e4d2f60789'), alertmanagerAlert('DiskWillFillIn4Hours', '0f9e8d7c6b5a4321')]),
    );
    expect(signals).toHaveLength(2);
    expect(signals.map((s) => s.dedupKey)).toEqual(['alertmanager:c3a5b1e4d2f60789', 'alertmanager:0f9e8d7c6b5a4321']);
    expect(signals[0]).toMatchObject({
      source: 'alertmanager',
      state: 'alarm',
      deliveryId: 'alertmanager:c3a5b1e4d2f60789:firing:2024-05-14T10:15:30.123Z',
      title: 'DiskWillFillIn4Hours on api-1',
      occurredAt: '2024-05-14T10:15:30.123Z',
    });
    expect(signals[0]?.details).toMatchObject({
      alertname: 'DiskWillFillIn4Hours',
      instance: 'api-1:9100',
      severity: 'critical',
      description: 'Disk will be full within 4 hours at the current write rate.',
      generatorURL: expect.stringMatching(/^http:\/\/prometheus:9090\/graph/),
    });
  });

  it('marks a resolved alert ok, as of its end time, as a new delivery of the same alarm', () => {
    const [firing] = alertmanagerSignals(alertmanagerPayload([alertmanagerAlert('HighLatency', 'aa11')]));
    const [resolved] = alertmanagerSignals(alertmanagerPayload([alertmanagerAlert('HighLatency', 'aa11', 'resolved')], 'resolved'));
    expect(resolved).toMatchObject({ state: 'ok', dedupKey: firing?.dedupKey, occurredAt: '2024-05-14T11:02:00.456Z' });
    expect(resolved?.deliveryId).not.toBe(firing?.deliveryId);
  });

  it('gives the same delivery id when Alertmanager repeats a still-firing alert', () => {
    const body = alertmanagerPayload([alertmanagerAlert('HighLatency', 'aa11')]);
    expect(alertmanagerSignals(body)[0]?.deliveryId).toBe(alertmanagerSignals(structuredClone(body))[0]?.deliveryId);
  });

  it('falls back to groupKey and alertname when the fingerprint is missing', () => {
    const [signal] = alertmanagerSignals(alertmanagerPayload([alertmanagerAlert('HighLatency', undefined)]));
    expect(signal?.dedupKey).toBe('alertmanager:{}/{severity="critical"}:{alertname="DiskWillFillIn4Hours"}:HighLatency');
  });

  it('uses the alertname as title when there is no summary', () => {
    const alert = alertmanagerAlert('HighLatency', 'aa11');
    alert['annotations'] = {};
    expect(alertmanagerSignals(alertmanagerPayload([alert]))[0]?.title).toBe('HighLatency');
  });

  it.each([
    [{ irbot_level: 'L2' }, 'L2'],
    [{ level: 'l3' }, 'L3'],
    [{ irbot_level: 'urgent', level: 'L1' }, 'L1'],
    [{ level: 'critical' }, undefined],
  ])('reads the starting level from labels %j', (labels, level) => {
    const alert = alertmanagerAlert('HighLatency', 'aa11');
    alert.labels = { ...alert.labels, ...labels };
    expect(alertmanagerSignals(alertmanagerPayload([alert]))[0]?.level).toBe(level);
  });

  it('keeps details bounded however many labels an alert has', () => {
    const alert = alertmanagerAlert('HighLatency', 'aa11');
    for (let i = 0; i < 500; i++) alert.labels[`label_${i}`] = 'v'.repeat(10_000);
    const [signal] = alertmanagerSignals(alertmanagerPayload([alert]));
    expect(Object.keys(signal?.details ?? {}).length).toBeLessThanOrEqual(50);
    for (const value of Object.values(signal?.details ?? {})) expect(value.length).toBeLessThanOrEqual(2000);
    expect(signal?.details['omitted']).toMatch(/more detail/);
  });

  it.each([
    ['version "3"', { version: '3' }, 'unsupported', 'version: only Alertmanager webhook payload version "4" is supported, got "3"'],
    ['a numeric fingerprint', { fingerprintOf0: 123 }, 'malformed', 'alerts[0].fingerprint: expected a string, got a number'],
    ['an alert without labels', { labelsOf0: undefined }, 'missing_field', 'alerts[0].labels: is required'],
    ['an unknown alert status', { statusOf0: 'pending' }, 'malformed', 'alerts[0].status: must be one of "firing", "resolved"'],
  ])('refuses %s with 400 naming the field', (_what, change, code, message) => {
    const alert: Record<string, unknown> = alertmanagerAlert('HighLatency', 'aa11');
    const body = alertmanagerPayload([alert as ReturnType<typeof alertmanagerAlert>]);
    for (const [k, v] of Object.entries(change)) {
      if (k.endsWith('Of0')) alert[k.slice(0, -3)] = v;
      else body[k] = v;
    }
    expect(() => alertmanagerSignals(body)).toThrow(expect.objectContaining({ status: 400, code, message }));
  });
});
