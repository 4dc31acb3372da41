import { z } from 'zod';
import { durationMs, expecting, slackIdList, strictMapping } from './schema-fields';

export const DEFAULT_APPROVAL_EXPIRY_MS = 30 * 60 * 1000;

const ACTION_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const REQUIRED_HINT = 'expected a whole number of at least 1';

const ruleSchema = strictMapping({
  approvers: slackIdList('expected at least one approver'),
  required: z
    .number({ error: expecting(REQUIRED_HINT) })
    .int({ error: expecting(REQUIRED_HINT) })
    .min(1, { error: expecting(REQUIRED_HINT) }),
  expiresAfter: durationMs.default(DEFAULT_APPROVAL_EXPIRY_MS),
}).superRefine((rule, ctx) => {
  // A user group (S…) can supply any number of people, so the bound is only
  // knowable when every approver is one person; then asking for more
  // approvals than people would block the action forever.
  if (rule.approvers.some((id) => id.startsWith('S'))) return;
  const people = new Set(rule.approvers).size;
  // zod still runs this check after a failed length or number check; those already said what is wrong.
  if (people === 0 || !Number.isInteger(rule.required) || rule.required < 1) return;
  if (rule.required > people) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a whole number from 1 to ${people}, the number of approvers (got ${rule.required})`,
      path: ['required'],
      input: rule.required,
    });
  }
});

/** Who may approve which recovery action; `default` covers every action not named. */
export const approvalsSchema = z
  .record(z.string().regex(ACTION_NAME_PATTERN, { error: 'expected an action name in lowercase-hyphen form like dynamodb-restore' }), ruleSchema, {
    error: expecting('expected a mapping from action name to { approvers, required }'),
  })
  .superRefine(
    (approvals, ctx) => {
      if (typeof approvals !== 'object' || approvals === null || Array.isArray(approvals)) return;
      if (!Object.hasOwn(approvals, 'default')) ctx.addIssue({ code: 'custom', message: 'required', path: ['default'], input: undefined });
    },
    // Run even when another rule is wrong, so a missing default is reported in the same pass.
    { when: () => true },
  );
