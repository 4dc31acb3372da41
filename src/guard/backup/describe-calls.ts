import type { PlannedCall } from '../../actions/action-types';

/** A dry run's calls as lines a responder can read and paste: the SDK command, then the CLI line. */
export function describeCalls(calls: readonly PlannedCall[]): string[] {
  return calls.map((c, i) => `${i + 1}. ${c.service}:${c.command} (${c.region})${c.note ? ` — ${c.note}` : ''}\n   \`${c.cli}\``);
}
