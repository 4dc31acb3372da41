import type { IncidentEvent } from '../domain/events';
import type { Policy } from '../../escalation/policy-types';
import type { LocalSession } from '../local/local-session';
import type { Bot } from '../runtime/start-bot';

/** A step's expected outcome did not happen in time; the demo exits non-zero with this sentence. */
export class DemoStepFailed extends Error {}

const POLL_MS = 100;

export interface DemoDriverDeps {
  bot: Bot;
  session: LocalSession;
  /** Prints a transcript line and remembers it. */
  print: (line: string) => void;
  /** Every line printed so far, chat included. */
  printed: readonly string[];
  timeoutMs: number;
}

/**
 * What a demo step can do: type on the console as a person would, and wait
 * for the engine's stored events to show the outcome the step expects.
 */
export class DemoDriver {
  incidentId?: string;

  constructor(private readonly deps: DemoDriverDeps) {}

  get policy(): Policy {
    return this.deps.bot.ctx.policy;
  }

  get session(): LocalSession {
    return this.deps.session;
  }

  /** Echoes the prompt and the line, then runs it exactly as the REPL would. */
  async type(line: string): Promise<string[]> {
    this.deps.print(`${this.deps.session.prompt}${line}`);
    const mark = this.deps.printed.length;
    await this.deps.session.handleLine(line);
    return this.deps.printed.slice(mark);
  }

  ok(text: string): void {
    this.deps.print(`  ✓ ${text}`);
  }

  note(text: string): void {
    this.deps.print(`  · ${text}`);
  }

  /** Polls until `probe` returns a value; fails the step after the timeout. */
  async until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = this.deps.timeoutMs): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new DemoStepFailed(`${what}: did not happen within ${Math.round(timeoutMs / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Waits for the demo incident's log to hold an event matching `match`. */
  async event<T extends IncidentEvent['type']>(what: string, type: T, match: (e: Extract<IncidentEvent, { type: T }>) => boolean = () => true): Promise<Extract<IncidentEvent, { type: T }>> {
    const id = this.incidentId;
    if (!id) throw new DemoStepFailed(`${what}: no incident to look at (an earlier step should have opened one)`);
    const found = await this.until(what, async () => {
      const events = await this.deps.bot.ctx.store.load(id);
      return events.find((e): e is Extract<IncidentEvent, { type: T }> => e.type === type && match(e as Extract<IncidentEvent, { type: T }>));
    });
    this.ok(what);
    return found;
  }

  /**
   * Waits until no job is queued or running, so what the engine prints for
   * this step appears under this step's header, not the next one's.
   */
  async settle(): Promise<void> {
    const queue = this.deps.bot.queue.queue;
    await this.until('the queue to go quiet', async () => {
      const counts = await queue.getJobCounts('active', 'waiting', 'prioritized');
      if (!Object.values(counts).every((n) => n === 0)) return undefined;
      // Message redraws wait for the end of their second; timers due much later (escalations, RTO) do not count.
      const delayed = await queue.getJobs(['delayed']);
      const soon = Date.now() + 1500;
      return delayed.every((job) => job.timestamp + (job.opts.delay ?? 0) > soon) ? true : undefined;
    });
  }
}
