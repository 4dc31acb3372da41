import type { AttributeDefinition, KeySchemaElement, TableDescription } from '@aws-sdk/client-dynamodb';

/**
 * DescribeTable's ItemCount is refreshed only about every six hours and the
 * source keeps taking writes after the restore point, so counts are compared
 * within 1 % of the source's count or 10 items, whichever is larger.
 */
export const ITEM_COUNT_TOLERANCE = { ratio: 0.01, minItems: 10 } as const;
export const TOLERANCE_TEXT = 'within ±1 % or ±10 items, whichever is larger (ItemCount is approximate, refreshed about every 6 h)';

export interface Comparison {
  ok: boolean;
  detail: string;
}

export function compareItemCounts(source: number | undefined, drill: number | undefined): Comparison {
  if (source === undefined || drill === undefined) return { ok: false, detail: `item count unknown (source ${source ?? '?'}, drill ${drill ?? '?'})` };
  const allowed = Math.max(ITEM_COUNT_TOLERANCE.minItems, Math.ceil(source * ITEM_COUNT_TOLERANCE.ratio));
  const diff = Math.abs(source - drill);
  const counts = `${drill} item(s) restored, source ${source}`;
  return diff <= allowed
    ? { ok: true, detail: `${counts}: differ by ${diff}, ${TOLERANCE_TEXT}` }
    : { ok: false, detail: `${counts}: differ by ${diff}, more than the ${allowed} allowed (${TOLERANCE_TEXT})` };
}

/** The table's key (names, HASH/RANGE) and the key attributes' types must match the source's. */
export function compareKeySchema(source: TableDescription, drill: TableDescription): Comparison {
  const a = keyText(source.KeySchema, source.AttributeDefinitions);
  const b = keyText(drill.KeySchema, drill.AttributeDefinitions);
  return a === b ? { ok: true, detail: `key schema matches the source (${a})` } : { ok: false, detail: `key schema differs: source ${a}, drill ${b}` };
}

function keyText(keys: KeySchemaElement[] | undefined, attributes: AttributeDefinition[] | undefined): string {
  if (keys === undefined || keys.length === 0) return 'none';
  const typeOf = (name: string | undefined) => attributes?.find((attr) => attr.AttributeName === name)?.AttributeType ?? '?';
  return keys.map((key) => `${key.AttributeName} ${key.KeyType} ${typeOf(key.AttributeName)}`).join(', ');
}
