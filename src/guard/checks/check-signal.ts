import type { AlarmSignal } from '../../domain/alarm';
import { CHECKS, checkDedupKey, type CheckName, type CheckOutcome } from './check-outcome';

/**
 * A check's result as an alarm, so it goes through the same pipeline as
 * CloudWatch's: `alarm` opens (or joins) the incident for the check and
 * table, `ok` recovers and, with autoResolve, resolves it. The delivery id
 * is the run's, so a retried run is recognised and adds nothing.
 */
export function checkSignal(check: CheckName, table: string, outcome: CheckOutcome, runId: string, now: Date): AlarmSignal {
  const dedupKey = checkDedupKey(check, table);
  const label = CHECKS[check];
  return {
    source: 'irbot-check',
    deliveryId: `${runId}|${dedupKey}`,
    dedupKey,
    state: outcome.ok ? 'ok' : 'alarm',
    title: outcome.ok ? `${label} passed: ${table}` : `${label} failed: ${outcome.detail}`,
    details: { check: label, table, result: outcome.detail, checkedAt: now.toISOString(), ...outcome.facts },
    occurredAt: now.toISOString(),
  };
}
