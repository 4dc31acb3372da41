import { createWorkLimiter } from '../../../src/adapters/slack/work-limiter';

/** A task that stays running until the test lets it finish. */
function gate(): { task: () => Promise<void>; open: () => void; started: boolean } {
  let open = () => undefined as void;
  const g = {
    started: false,
    open: () => open(),
    task: () => {
      g.started = true;
      return new Promise<void>((resolve) => (open = resolve));
    },
  };
  return g;
}

const turn = () => new Promise((r) => setImmediate(r));

describe('the limit on work done after a Slack ack', () => {
  it('runs at most `max` at once, the rest in arrival order, and never more even when work arrives as a slot frees', async () => {
    const limit = createWorkLimiter(2);
    const gates = Array.from({ length: 5 }, gate);
    const done = gates.slice(0, 4).map((g) => limit(g.task));
    await turn();
    expect(gates.map((g) => g.started)).toEqual([true, true, false, false, false]);

    gates[0]!.open();
    // Arrives in the same turn as the freed slot: must queue behind #2 and #3.
    const late = limit(gates[4]!.task);
    await turn();
    expect(gates.map((g) => g.started)).toEqual([true, true, true, false, false]);

    gates[1]!.open();
    await turn();
    expect(gates.map((g) => g.started)).toEqual([true, true, true, true, false]);
    gates[2]!.open();
    gates[3]!.open();
    await turn();
    expect(gates[4]!.started).toBe(true);
    gates[4]!.open();
    await Promise.all([...done, late]);
  });

  it('frees the slot of a task that failed, and hands its error to the caller', async () => {
    const limit = createWorkLimiter(1);
    await expect(limit(() => Promise.reject(new Error('slack said no')))).rejects.toThrow('slack said no');
    await expect(limit(() => Promise.resolve('ran'))).resolves.toBe('ran');
  });
});
