/**
 * Checks a cron pattern the way BullMQ's job schedulers read it: five fields
 * (minute hour day-of-month month day-of-week) or six with seconds first.
 * Stricter than the scheduler on purpose: a typo should stop start-up with
 * the field named, not surface as a job that never fires.
 */

interface Field {
  name: string;
  min: number;
  max: number;
  /** Names accepted in place of numbers (JAN…, SUN…), index + offset = value. */
  names?: readonly string[];
  offset?: number;
  /** `?` (no specific value) is allowed in the two day fields. */
  question?: boolean;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

const SECOND: Field = { name: 'second', min: 0, max: 59 };
const FIVE_FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31, question: true },
  { name: 'month', min: 1, max: 12, names: MONTHS, offset: 1 },
  // 7 is Sunday too, as in most crons.
  { name: 'day of week', min: 0, max: 7, names: DAYS, offset: 0, question: true },
];

export const CRON_HINT = 'expected a cron pattern like "0 2 * * *" (minute hour day-of-month month day-of-week, optionally seconds first)';

/** Undefined when the pattern is fine; otherwise what is wrong with which field. */
export function cronProblem(pattern: string): string | undefined {
  const parts = pattern.trim().split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) return `${CRON_HINT}; got ${parts.length} field(s)`;
  const fields = parts.length === 6 ? [SECOND, ...FIVE_FIELDS] : FIVE_FIELDS;
  for (const [index, field] of fields.entries()) {
    const problem = fieldProblem(parts[index] ?? '', field);
    if (problem !== undefined) return `${field.name} field "${parts[index]}": ${problem}`;
  }
  return undefined;
}

function fieldProblem(text: string, field: Field): string | undefined {
  if (field.question && text === '?') return undefined;
  for (const item of text.split(',')) {
    const problem = itemProblem(item, field);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

// One list item: `*`, `a`, `a-b`, each optionally followed by `/step`.
function itemProblem(item: string, field: Field): string | undefined {
  const match = /^([^/]+)(?:\/(\d+))?$/.exec(item);
  if (match === null) return `expected *, a value, a range a-b or a step like */5 (${field.min}-${field.max})`;
  const [, range = '', step] = match;
  if (step !== undefined && Number(step) < 1) return 'a step must be at least 1';
  if (range === '*') return undefined;
  const bounds = range.split('-');
  if (bounds.length > 2) return `"${range}" is not a value or a range`;
  const values = bounds.map((bound) => valueOf(bound, field));
  const bad = values.findIndex((value) => value === undefined);
  if (bad !== -1) return `"${bounds[bad]}" is not allowed (expected ${field.min}-${field.max}${field.names ? ` or ${field.names[0]}…${field.names[field.names.length - 1]}` : ''})`;
  const [from = 0, to = from] = values as number[];
  if (to < from) return `the range ${range} runs backwards`;
  return undefined;
}

function valueOf(text: string, field: Field): number | undefined {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named !== -1) return named + (field.offset ?? 0);
  if (!/^\d{1,2}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= field.min && n <= field.max ? n : undefined;
}

/** An IANA zone name the runtime knows (`Asia/Tokyo`, `UTC`); offsets like +09:00 are refused. */
export function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
