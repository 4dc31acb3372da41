import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall, type marshallOptions } from '@aws-sdk/util-dynamodb';
import type { IncidentSummary } from '../../app/ports';
import type { IncidentEvent } from '../../domain/events';

export type Item = Record<string, AttributeValue>;

/**
 * Optional fields arrive as `undefined` and DynamoDB has no such value: drop
 * them. A class instance (a Date, say) would not survive the round trip, so it
 * fails loudly here instead of being flattened into a map.
 */
const MARSHALL: marshallOptions = { removeUndefinedValues: true, convertClassInstanceToMap: false };

export function toItem(value: object): Item {
  return marshall(value, MARSHALL);
}

/** The event's own fields, top level, so the table is readable in the console. */
export function eventToItem(event: IncidentEvent): Item {
  return toItem(event);
}

export function itemToEvent(item: Item): IncidentEvent {
  const raw: Record<string, unknown> = unmarshall(item);
  const actor = raw.actor as { kind?: unknown } | undefined;
  if (
    typeof raw.incidentId !== 'string' ||
    typeof raw.seq !== 'number' ||
    typeof raw.type !== 'string' ||
    typeof raw.at !== 'string' ||
    typeof actor?.kind !== 'string'
  ) {
    throw new Error(`malformed incident event row: ${JSON.stringify(raw).slice(0, 200)}`);
  }
  // The fields shared by every event are checked above; the body is what append wrote.
  return raw as unknown as IncidentEvent;
}

export function summaryToItem(summary: IncidentSummary, seq: number): Item {
  return toItem({ ...summary, seq });
}

export function itemToSummary(item: Item): IncidentSummary {
  const raw: Record<string, unknown> = unmarshall(item);
  if (typeof raw.incidentId !== 'string' || typeof raw.number !== 'number' || typeof raw.status !== 'string') {
    throw new Error(`malformed incident summary row: ${JSON.stringify(raw).slice(0, 200)}`);
  }
  // `seq` is bookkeeping for the conditional write, not part of the summary.
  const { seq: _seq, ...summary } = raw;
  return summary as unknown as IncidentSummary;
}
