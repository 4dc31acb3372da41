import { z } from 'zod';
import type { AlarmSignal } from '../../../domain/alarm';
import { MAX_DETAILS, MAX_DETAIL_KEY, MAX_DETAIL_VALUE, MAX_TITLE } from './bounds';
import { parseInput } from './input-issues';

// Unknown fields are refused (not ignored) so a typo such as `titel` is reported
// instead of silently producing an incident without the intended data.
const genericSchema = z.strictObject({
  key: z.string().trim().min(1).max(256),
  title: z.string().trim().min(1).max(MAX_TITLE),
  state: z.enum(['alarm', 'ok']),
  level: z
    .string()
    .trim()
    .regex(/^[Ll][1-9]$/, { error: 'must be a level such as "L1", "L2" … "L9"' })
    .optional(),
  details: z
    .record(
      z.string().min(1).max(MAX_DETAIL_KEY),
      z.union([z.string().max(MAX_DETAIL_VALUE), z.number(), z.boolean()]),
    )
    .refine((d) => Object.keys(d).length <= MAX_DETAILS, { error: `must have at most ${MAX_DETAILS} entries` })
    .optional(),
});

export type GenericAlarmBody = z.input<typeof genericSchema>;

/**
 * `POST /alarms/generic`: `{ key, title, state: "alarm"|"ok", level?, details? }`.
 * There is no delivery id, so every post counts (repeats join the open incident).
 * Throws AlarmInputError 400 naming the field, e.g. `details.region: must be a string …`.
 */
export function genericSignal(body: unknown, receivedAt: Date = new Date()): AlarmSignal {
  const input = parseInput(genericSchema, body);
  const details: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.details ?? {})) details[k] = String(v);
  const signal: AlarmSignal = {
    source: 'generic',
    dedupKey: `generic:${input.key}`,
    state: input.state,
    title: input.title.replace(/\s+/g, ' '),
    details,
    occurredAt: receivedAt.toISOString(),
  };
  if (input.level) signal.level = input.level.toUpperCase();
  return signal;
}
