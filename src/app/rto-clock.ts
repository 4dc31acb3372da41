import { formatDuration } from '../../escalation/duration';
import type { IncidentState } from '../domain/incident-state';
import type { AppContext } from './context';
import { appendDecided } from './incident-log';
import { viewOf } from './incident-view';
import { jobIds } from './job-ids';

/** Warnings at these shares of the policy's RTO; at 100 % management is paged too. */
export const RTO_WARNINGS = [50, 75, 100] as const;

const SYSTEM = { kind: 'system' } as const;

/** One delayed job per warning, due at openedAt + RTO × percent. */
export async function scheduleRtoClock(ctx: AppContext, state: IncidentState): Promise<void> {
  const opened = Date.parse(state.openedAt);
  for (const percent of RTO_WARNINGS) {
    const dueAt = opened + (state.policy.rtoMs * percent) / 100;
    const delayMs = Math.max(0, dueAt - ctx.clock.now().getTime());
    await ctx.queue.enqueue('rto-check', { incidentId: state.id, percent }, { jobId: jobIds.rtoCheck(state.id, percent), delayMs });
  }
}

/**
 * An RTO warning came due: say so in the incident channel, and at 100 % page
 * management (the last level) unless it already holds the incident.
 */
export async function onRtoCheck(ctx: AppContext, incidentId: string, percent: number): Promise<string> {
  const { state } = await appendDecided(ctx, incidentId, SYSTEM, (s) =>
    s.status === 'resolved' || s.rtoWarnings.has(percent) ? undefined : { type: 'RtoWarning', percent },
  );
  // A retry after the warning was stored still posts it (the key keeps it to one post): a failed post must not lose the warning.
  if (state.status === 'resolved' || !state.rtoWarnings.has(percent)) return 'skipped';
  const rto = formatDuration(state.policy.rtoMs);
  const left = Date.parse(state.openedAt) + state.policy.rtoMs - ctx.clock.now().getTime();
  const text =
    percent >= 100
      ? `:red_circle: Incident #${state.number} has reached its RTO of ${rto} and service is not restored.`
      : `:hourglass_flowing_sand: Incident #${state.number}: ${percent}% of the RTO (${rto}) is used; ${formatDuration(Math.max(left, 1000))} left.`;
  await ctx.chat.postChannelMessage(state.channel?.id, text, `rto:${incidentId}:${percent}`);
  const lastIndex = state.policy.levels.length - 1;
  const management = state.policy.levels[lastIndex];
  if (percent >= 100 && management && state.levelIndex < lastIndex && !state.rtoPaged) {
    await ctx.chat.page(viewOf(state), management.responders, `${management.name} (RTO reached)`, `rto-${percent}`);
    const paged = await appendDecided(ctx, incidentId, SYSTEM, (s) =>
      s.rtoPaged ? undefined : { type: 'Paged', levelIndex: lastIndex, levelId: management.id, responders: management.responders, generation: s.generation, reason: 'rto' },
    );
    if (paged.event) ctx.metrics.pages.inc({ level: management.id });
    return `warned ${percent}% and paged ${management.id}`;
  }
  return `warned ${percent}%`;
}
