import type { Targets } from '../../../escalation/policy-types';
import type { ActionDefinition, ActionReport, ParamsResult, StepReport } from '../action-types';

/** One step of a runbook: a catalogue action and the params it was parsed to. */
export interface RunbookStep {
  action: string;
  params: unknown;
}

export interface RunbookParams {
  steps: RunbookStep[];
}

export interface RunbookSpec {
  name: string;
  summary: string;
  usage: string;
  /** The actions the runbook may run, in order. */
  actions: readonly ActionDefinition[];
  /** The runbook's words → each step's params (each parsed by its own action, so the rules are the same). */
  parseSteps(args: Record<string, string>, targets: Targets): ParamsResult<RunbookStep[]>;
  /** Said after success: what the plan asks people to do that no action can. */
  afterwards: string;
}

/** Parses one step's words through its own action, collecting its error lines (each once). */
export function parseStep<P>(action: ActionDefinition<P>, args: Record<string, string>, targets: Targets, errors: string[]): P | undefined {
  const parsed = action.parseParams(args, targets);
  if (parsed.ok) return parsed.params;
  for (const line of parsed.errors) if (!errors.includes(line)) errors.push(line);
  return undefined;
}

export function step<P>(action: ActionDefinition<P>, params: P | undefined): RunbookStep {
  return { action: action.name, params };
}

/** The parse result of a runbook once every step was parsed. */
export function stepsResult(errors: string[], steps: RunbookStep[]): ParamsResult<RunbookStep[]> {
  return errors.length > 0 ? { ok: false, errors } : { ok: true, params: steps };
}

/**
 * A runbook is one action to the workflow: one approval covers every step.
 * Steps run in order; the first failure stops it and the report names the
 * step and why. Every step is safe to retry, so a retried runbook runs from
 * the top and each step recognises what it already did.
 */
export function makeRunbook(spec: RunbookSpec): ActionDefinition<RunbookParams> {
  const byName = new Map(spec.actions.map((action) => [action.name, action]));
  const actionOf = (step: RunbookStep): ActionDefinition => {
    const action = byName.get(step.action);
    if (action === undefined) throw new Error(`${spec.name}: step ${step.action} is not part of this runbook`);
    return action;
  };
  return {
    name: spec.name,
    summary: spec.summary,
    needsApproval: true,
    usage: spec.usage,
    steps: spec.actions.map((action) => action.name),

    parseParams(args, targets) {
      const steps = spec.parseSteps(args, targets);
      return steps.ok ? { ok: true, params: { steps: steps.params } } : steps;
    },

    plan(params, targets, now) {
      return params.steps.flatMap((step) => actionOf(step).plan(step.params, targets, now));
    },

    risk(params, targets, now, rpoMs) {
      const risks = params.steps.flatMap((step) => actionOf(step).risk?.(step.params, targets, now, rpoMs) ?? []);
      return risks.length === 0 ? undefined : risks.join(' ');
    },

    async run(params, ctx) {
      const steps: StepReport[] = [];
      const total = params.steps.length;
      for (const [index, step] of params.steps.entries()) {
        const label = `${index + 1}/${total} ${step.action}`;
        await ctx.progress(`${spec.name}: step ${label}`);
        const report: ActionReport = await actionOf(step).run(step.params, ctx);
        steps.push(...report.steps.map((s) => ({ ...s, name: `${index + 1}. ${step.action}: ${s.name}` })));
        if (!report.ok) {
          const skipped = params.steps.slice(index + 1).map((rest, offset) => ({ name: `${index + offset + 2}. ${rest.action}`, ok: false, detail: `not run: step ${label} failed` }));
          return { ok: false, summary: `${spec.name} stopped at step ${label}: ${report.summary}`, steps: [...steps, ...skipped] };
        }
      }
      return { ok: true, summary: `${spec.name}: all ${total} steps succeeded. ${spec.afterwards}`, steps };
    },
  };
}
