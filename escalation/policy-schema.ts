import { z } from 'zod';
import { approvalsSchema } from './approvals-schema';
import { levelsSchema } from './level-schema';
import type { ApprovalRule, EscalationLevel, Policy } from './policy-types';
import { describeValue, durationMs, expecting, strictMapping } from './schema-fields';
import { targetsSchema } from './targets-schema';
import { checkScheduledSections, retentionSchema, schedulesSchema } from './schedules-schema';

// Slack channel names allow only these characters; 20 leaves room for the
// -yyyymmdd-n-slug suffix within Slack's 80-character limit.
const CHANNEL_PREFIX_PATTERN = /^[a-z0-9-]{1,20}$/;
const CHANNEL_PREFIX_HINT = 'expected 1 to 20 lowercase letters, digits or hyphens';

/**
 * The top-level sections of the policy file. A new section (targets:,
 * schedules:) is one more entry here, its field in Policy and one line in
 * toPolicy; any key not listed here stays an error.
 */
export const policySections = {
  rto: durationMs,
  rpo: durationMs,
  autoResolve: z.boolean({ error: expecting('expected true or false') }).default(true),
  channelPrefix: z
    .string({ error: expecting(CHANNEL_PREFIX_HINT) })
    .regex(CHANNEL_PREFIX_PATTERN, { error: (issue) => `${CHANNEL_PREFIX_HINT} (got ${describeValue(issue.input)})` })
    .default('inc'),
  levels: levelsSchema,
  approvals: approvalsSchema,
  targets: targetsSchema.optional(),
  retention: retentionSchema.optional(),
  schedules: schedulesSchema.optional(),
};

const sectionsSchema = strictMapping(policySections).superRefine(checkScheduledSections);

type Sections = z.output<typeof sectionsSchema>;

// Field by field rather than spreading, so a file's extra keys can never reach Policy.
function toPolicy(sections: Sections): Policy {
  const levels = sections.levels.map(
    (level): EscalationLevel => ({ id: level.id, name: level.name, responders: [...level.responders], ackTimeoutMs: level.ackTimeout }),
  );
  const approvals = Object.fromEntries(
    Object.entries(sections.approvals).map(([action, rule]): [string, ApprovalRule] => [
      action,
      { approvers: [...rule.approvers], required: rule.required, expiresAfterMs: rule.expiresAfter },
    ]),
  );
  return {
    rtoMs: sections.rto,
    rpoMs: sections.rpo,
    autoResolve: sections.autoResolve,
    channelPrefix: sections.channelPrefix,
    levels,
    approvals,
    // Absent stays absent: the actions tell the operator to add the section.
    ...(sections.targets === undefined ? {} : { targets: sections.targets }),
    ...(sections.schedules === undefined ? {} : { schedules: sections.schedules }),
    ...(sections.retention === undefined ? {} : { retentionMs: sections.retention }),
  };
}

/** Validates the YAML's plain data and converts it to Policy (durations in ms). */
export const policySchema = sectionsSchema.transform(toPolicy);
