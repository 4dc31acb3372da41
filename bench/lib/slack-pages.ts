import type { FakeSlackServer } from '../../test/support/fake-slack-server';

/**
 * When Slack first received a page (a DM or channel post saying "paged") for
 * each title. Titles must not contain one another (pad their numbers).
 */
export function firstPagesByTitle(fake: FakeSlackServer, titles: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const call of fake.calls) {
    if (call.method !== 'chat.postMessage' || call.status !== 200) continue;
    const text = typeof call.params.text === 'string' ? call.params.text : '';
    if (!/you are paged/i.test(text)) continue;
    const title = titles.find((t) => text.includes(t));
    if (title === undefined) continue;
    const prev = found.get(title);
    if (prev === undefined || call.at < prev) found.set(title, call.at);
  }
  return found;
}

export function pageMessages(fake: FakeSlackServer): number {
  return fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200 && /you are paged/i.test(String(c.params.text ?? ''))).length;
}
