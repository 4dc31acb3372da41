import type { ActionReport, StepReport } from './action-types';

/**
 * Collects the steps of one action as it runs and turns them into the report.
 * A failed step ends the action: `fail` returns the final report so callers
 * write `return log.fail(…)`.
 */
export class StepLog {
  readonly steps: StepReport[] = [];

  constructor(private readonly action: string) {}

  ok(name: string, detail: string): void {
    this.steps.push({ name, ok: true, detail });
  }

  fail(name: string, detail: string): ActionReport {
    this.steps.push({ name, ok: false, detail });
    return { ok: false, summary: `${this.action} failed at ${name}: ${detail}`, steps: this.steps };
  }

  done(summary: string): ActionReport {
    return { ok: true, summary, steps: this.steps };
  }
}
