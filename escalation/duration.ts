const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

// Units in a fixed order (h, then m, then s) so "1h30m" reads one way only and
// "30m1h" is treated as the typo it probably is.
const DURATION_PATTERN = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/**
 * Parses an operator-written duration (`30s`, `15m`, `1h`, `1h30m`) to
 * milliseconds. Returns undefined for anything else, including zero, so a
 * caller can turn it into its own error message.
 */
export function parseDuration(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (match === null || text === '') return undefined;
  const [, hours, minutes, seconds] = match;
  const ms = Number(hours ?? 0) * HOUR_MS + Number(minutes ?? 0) * MINUTE_MS + Number(seconds ?? 0) * SECOND_MS;
  // A zero timeout would page every level at once; a huge one would lose precision.
  if (ms <= 0 || !Number.isSafeInteger(ms)) return undefined;
  return ms;
}

/**
 * Renders milliseconds for people (`1h 30m`, `45s`, `4h`). Sub-second
 * remainders are dropped; negative values (an RTO already overrun) keep
 * their sign so the message does not claim time is left.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`formatDuration: not a finite number of milliseconds: ${ms}`);
  if (ms < 0) {
    const magnitude = formatDuration(-ms);
    return magnitude === '0s' ? magnitude : `-${magnitude}`;
  }
  const totalSeconds = Math.floor(ms / SECOND_MS);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours}h`);
  if (minutes > 0) parts.push(`${minutes}m`);
  if (seconds > 0) parts.push(`${seconds}s`);
  return parts.length > 0 ? parts.join(' ') : '0s';
}
