import { z } from 'zod';
import { closestName } from './closest-name';
import { parseDuration } from './duration';

/** Building blocks shared by the policy's sections, each with the operator-facing wording. */

export const SLACK_ID_PATTERN = /^[UWS][A-Z0-9]{2,}$/;
const SLACK_ID_MESSAGE = 'expected a Slack user ID (U…/W…) or user-group ID (S…)';
const DURATION_HINT = 'expected a duration like 15m';

/** How a wrong value is quoted back: enough to find it in the file, never a dump of a whole block. */
export function describeValue(input: unknown): string {
  if (input === null) return 'an empty value';
  if (typeof input === 'string') return JSON.stringify(input);
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return String(input);
}

/**
 * Error text for a value of the wrong kind. Zod reports a missing key as the
 * wrong kind too (undefined); operators need to read "required" there.
 */
export function expecting(hint: string, quoteInput = true): (issue: { input?: unknown }) => string {
  return (issue) => {
    if (issue.input === undefined) return 'required';
    return quoteInput ? `${hint} (got ${describeValue(issue.input)})` : hint;
  };
}

/** `15m` → 900000; anything parseDuration refuses is reported with what was written. */
export const durationMs = z.string({ error: expecting(DURATION_HINT) }).transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === undefined) {
    ctx.issues.push({ code: 'custom', message: `${DURATION_HINT} (got ${describeValue(text)})`, input: text });
    return z.NEVER;
  }
  return ms;
});

export const slackId = z.string({ error: expecting(SLACK_ID_MESSAGE, false) }).regex(SLACK_ID_PATTERN, { error: SLACK_ID_MESSAGE });

export function slackIdList(emptyMessage: string) {
  return z.array(slackId, { error: expecting('expected a list of Slack IDs like [U012AB3CD]') }).min(1, { error: emptyMessage });
}

/**
 * A mapping that rejects keys it does not know, so typos cannot pass silently.
 * Built as a loose object plus our own check because zod's strict object
 * reports all unknown keys as a single issue, leaving no room for a per-key
 * "did you mean".
 */
export function strictMapping<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z
    .looseObject(shape, { error: expecting(`expected a mapping with ${known.join(', ')}`) })
    .superRefine(
      (value, ctx) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
        for (const key of Object.keys(value)) {
          if (known.includes(key)) continue;
          const guess = closestName(key, known);
          const message = guess ? `unknown field (did you mean ${guess}?)` : `unknown field (expected one of ${known.join(', ')})`;
          ctx.addIssue({ code: 'custom', message, path: [key], input: value[key] });
        }
      },
      // Run even when a known field is wrong, so one pass reports every problem.
      { when: () => true },
    );
}
