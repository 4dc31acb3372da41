import { z } from 'zod';
import { describeValue, durationMs, expecting, slackIdList, strictMapping } from './schema-fields';

export const MAX_LEVELS = 10;

// Responders type level ids in `/incident declare L2`, so keep them short and typeable.
const LEVEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/;
const LEVEL_ID_HINT = 'expected a short id like L1 (letters, digits, - or _; at most 20)';

const levelSchema = strictMapping({
  id: z
    .string({ error: expecting(LEVEL_ID_HINT) })
    .regex(LEVEL_ID_PATTERN, { error: (issue) => `${LEVEL_ID_HINT} (got ${describeValue(issue.input)})` }),
  name: z.string({ error: expecting('expected a name like "L1 support"') }).trim().min(1, { error: 'expected a non-empty name' }),
  responders: slackIdList('expected at least one responder'),
  ackTimeout: durationMs,
});

const levelCountMessage = (issue: { input?: unknown }): string =>
  `expected 1 to ${MAX_LEVELS} levels (got ${Array.isArray(issue.input) ? issue.input.length : describeValue(issue.input)})`;

/**
 * The chain, walked top to bottom. Ids are compared without case because
 * people type `/incident declare l2`; two ids differing only in case would
 * make that ambiguous.
 */
export const levelsSchema = z
  .array(levelSchema, { error: expecting('expected a list of levels') })
  .min(1, { error: levelCountMessage })
  .max(MAX_LEVELS, { error: levelCountMessage })
  .superRefine(
    (levels, ctx) => {
      if (!Array.isArray(levels)) return;
      const firstIndexById = new Map<string, number>();
      levels.forEach((level: unknown, index) => {
        const id = typeof level === 'object' && level !== null && 'id' in level ? level.id : undefined;
        if (typeof id !== 'string') return;
        const first = firstIndexById.get(id.toLowerCase());
        if (first === undefined) firstIndexById.set(id.toLowerCase(), index);
        else ctx.addIssue({ code: 'custom', message: `duplicate level id ${JSON.stringify(id)} (already used by levels[${first}])`, path: [index, 'id'], input: id });
      });
    },
    // Run even when another field of a level is wrong, so duplicates show up in the same pass.
    { when: () => true },
  );
