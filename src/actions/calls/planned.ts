import type { PlannedCall } from '../action-types';

/** Quotes one word for a POSIX shell, so the CLI line can be pasted as is. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@,+%-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `aws <service> <operation> --flag value …`; `true` is a bare flag, undefined is left out. */
export function awsCli(service: string, operation: string, flags: Array<[string, string | number | true | undefined]>, region?: string): string {
  const words = ['aws', service, operation];
  for (const [flag, value] of flags) {
    if (value === undefined) continue;
    words.push(`--${flag}`);
    if (value !== true) words.push(shellWord(String(value)));
  }
  if (region !== undefined) words.push('--region', region);
  return words.join(' ');
}

/**
 * The input as plain JSON, Dates as ISO strings (how the CLI takes them):
 * plans are stored with the request in the incident log, which refuses class
 * instances, and shown to people, who read ISO times.
 */
export function asInput(input: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined).map(([key, value]) => [key, plain(value)]));
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) return asInput(value);
  return value;
}

/** A call plus the typed input it sends, built once and used by both plan() and run(). */
export interface Call<I> {
  input: I;
  planned: PlannedCall;
}

export function call<I extends object>(
  service: PlannedCall['service'],
  region: string,
  command: string,
  input: I,
  cli: string,
  mutates: boolean,
  note?: string,
): Call<I> {
  const planned: PlannedCall = { service, region, command, input: asInput(input), cli, mutates };
  if (note !== undefined) planned.note = note;
  return { input, planned };
}

/** A value only an earlier call's answer supplies, shown as `<…>` in the plan. */
export function later(what: string): string {
  return `<${what}>`;
}
