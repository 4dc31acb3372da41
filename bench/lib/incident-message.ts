import type { FakeSlackServer } from '../../test/support/fake-slack-server';

export interface PostedIncident {
  incidentId: string;
  channelId: string;
  ts: string;
}

/** Incident messages the bot posted (and pinned), with the incident id its Acknowledge button carries. */
export function postedIncidents(fake: FakeSlackServer): PostedIncident[] {
  const found: PostedIncident[] = [];
  for (const key of fake.pins) {
    const [channelId, ts] = key.split('/');
    const message = fake.messages.get(key);
    const incidentId = message ? ackButtonValue(message.blocks) : undefined;
    if (channelId && ts && incidentId) found.push({ incidentId, channelId, ts });
  }
  return found;
}

function ackButtonValue(blocks: unknown): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as { elements?: { action_id?: string; value?: string }[] }[]) {
    const button = block.elements?.find((e) => e.action_id === 'incident_ack');
    if (button?.value) return button.value;
  }
  return undefined;
}
