/**
 * When a scheduled job was due. BullMQ names each tick's job
 * `repeat:<schedulerId>:<millis>`, identical on every replica and every retry,
 * which is what makes names and "since" times derived from it stable. A job
 * not made by a scheduler (a command) falls back to `fallback`.
 */
export function tickTime(jobKey: string, fallback: Date): Date {
  const match = /(?:^|\/)repeat:.+:(\d{10,})$/.exec(jobKey);
  if (match === null) return fallback;
  const at = new Date(Number(match[1]));
  return Number.isNaN(at.getTime()) ? fallback : at;
}
