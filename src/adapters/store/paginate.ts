import type { AttributeValue } from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

export interface Page {
  Items?: Item[];
  LastEvaluatedKey?: Item;
}

/**
 * Follows LastEvaluatedKey to the end: a single Query or Scan stops at 1 MB, and
 * a half-read log would fold into a wrong state.
 */
export async function readAllPages(fetchPage: (startKey: Item | undefined) => Promise<Page>): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await fetchPage(startKey);
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
