import { currentLevel, foldIncident } from '../domain/incident-state';
import type { AppContext } from './context';
import { appendDecided, loadIncident } from './incident-log';
import { viewOf } from './incident-view';
import { describeEvent } from './timeline';
import { scheduleMessageRedraw } from './effects';

const SYSTEM = { kind: 'system' } as const;

/**
 * Job handlers that talk to the chat. Each checks the stored state first, so a
 * retried or duplicated job does not repeat what already happened.
 */

export async function pageResponders(ctx: AppContext, incidentId: string, generation: number): Promise<string> {
  const state = await loadIncident(ctx, incidentId);
  if (state.status === 'resolved') return 'skipped (resolved)';
  if (state.pagedGenerations.has(generation)) return 'skipped (already paged)';
  // A page for a level the incident has already left: the newer level's page is what matters.
  if (state.generation !== generation) return 'skipped (stale)';
  const level = currentLevel(state);
  await ctx.chat.page(viewOf(state), level.responders, level.name, String(generation));
  ctx.metrics.pages.inc({ level: level.id });
  await appendDecided(ctx, incidentId, SYSTEM, (s) =>
    s.pagedGenerations.has(generation)
      ? undefined
      : { type: 'Paged', levelIndex: s.levelIndex, levelId: level.id, responders: level.responders, generation },
  );
  return `paged ${level.id}`;
}

export async function openChannel(ctx: AppContext, incidentId: string): Promise<string> {
  let state = await loadIncident(ctx, incidentId);
  if (!state.channel) {
    const channel = await ctx.chat.openIncidentChannel(viewOf(state), channelName(ctx.policy.channelPrefix, state.number, state.title, state.openedAt));
    ({ state } = await appendDecided(ctx, incidentId, SYSTEM, (s) => (s.channel ? undefined : { type: 'ChannelOpened', channelId: channel.id, name: channel.name })));
  }
  if (!state.message && state.channel) {
    const channelId = state.channel.id;
    const drawnAtSeq = state.lastSeq;
    const ts = await ctx.chat.postIncidentMessage(channelId, viewOf(state));
    const posted = await appendDecided(ctx, incidentId, SYSTEM, (s) => (s.message ? undefined : { type: 'MessagePosted', channelId, ts }));
    state = posted.state;
    // Something happened while the message was being posted (an ack, an escalation): draw it again.
    if (posted.event && posted.event.seq > drawnAtSeq + 1) {
      await scheduleMessageRedraw(ctx, incidentId);
    }
  }
  return `channel ${state.channel?.name ?? '?'}`;
}

export async function updateMessage(ctx: AppContext, incidentId: string): Promise<string> {
  const state = await loadIncident(ctx, incidentId);
  if (!state.message) return 'skipped (no message yet)';
  await ctx.chat.updateIncidentMessage(state.message.channelId, state.message.ts, viewOf(state));
  return 'updated';
}

export async function postThreadNote(ctx: AppContext, incidentId: string, seq: number): Promise<string> {
  // One load, folded here: in an alarm storm this job runs once per alarm.
  const events = await ctx.store.load(incidentId);
  const event = events.find((e) => e.seq === seq);
  if (!event) return 'skipped';
  const state = foldIncident(events);
  if (!state.message) return 'skipped';
  await ctx.chat.postThreadNote(state.message.channelId, state.message.ts, describeEvent(event, state.policy, state.actions), `note:${incidentId}:${seq}`);
  return 'posted';
}

export async function announce(ctx: AppContext, incidentId: string): Promise<string> {
  const state = await loadIncident(ctx, incidentId);
  await ctx.chat.announce(viewOf(state));
  return 'announced';
}

/** `<prefix>-<yyyymmdd>-<n>-<slug>`, within Slack's 80-character limit. */
export function channelName(prefix: string, number: number, title: string, openedAt: string): string {
  const date = openedAt.slice(0, 10).replace(/-/g, '');
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  const base = `${prefix}-${date}-${number}`;
  return slug ? `${base}-${slug}` : base;
}
