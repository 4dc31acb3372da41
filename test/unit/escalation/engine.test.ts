import {
  decideManualEscalation,
  decideOnTimer,
  startLevelIndex,
  timerDueAt,
  type EscalationPosition,
} from '../../../escalation/engine';
import type { PolicySnapshot } from '../../../escalation/policy-types';

const M = 60_000;
const H = 60 * M;
const T0 = Date.UTC(2024, 0, 1, 9, 0, 0);

const snapshot: PolicySnapshot = {
  rtoMs: 4 * H,
  autoResolve: true,
  levels: [
    { id: 'L1', name: 'L1 support', responders: ['U0000L1SUP'], ackTimeoutMs: 15 * M },
    { id: 'L2', name: 'L2 engineer', responders: ['S0000L2ENG'], ackTimeoutMs: 30 * M },
    { id: 'L3', name: 'Infrastructure team', responders: ['S0000INFRA'], ackTimeoutMs: H },
    { id: 'L4', name: 'Management', responders: ['U0000MANAGE'], ackTimeoutMs: H },
  ],
};

const open = (levelIndex: number, generation: number, levelSinceMs = T0): EscalationPosition => ({ status: 'open', levelIndex, generation, levelSinceMs });

describe('startLevelIndex', () => {
  it.each([
    [undefined, 0],
    ['L1', 0],
    ['L3', 2],
    ['l4', 3],
    ['L5', undefined],
    ['', undefined],
  ])('%j → %j', (id, index) => {
    expect(startLevelIndex(snapshot, id)).toBe(index);
  });
});

describe('timerDueAt', () => {
  it.each([
    [0, T0 + 15 * M],
    [1, T0 + 30 * M],
    [3, T0 + H],
  ])('level %d is due its ack timeout after it was paged', (levelIndex, due) => {
    expect(timerDueAt(snapshot, open(levelIndex, 0))).toBe(due);
  });

  it('refuses a position outside the chain rather than paging nobody', () => {
    expect(() => timerDueAt(snapshot, open(4, 0))).toThrow(RangeError);
    expect(() => timerDueAt(snapshot, open(-1, 0))).toThrow(RangeError);
  });
});

describe('decideOnTimer', () => {
  it('walks L1 → L2 → L3 → L4 on timeouts, then keeps paging L4 every hour', () => {
    let pos = open(0, 0);
    const walk: Array<[string, boolean]> = [];
    for (let step = 0; step < 6; step += 1) {
      const dueAtMs = timerDueAt(snapshot, pos);
      const decision = decideOnTimer(snapshot, pos, pos.generation, dueAtMs);
      if (decision.kind !== 'escalate') throw new Error(`step ${step}: expected escalate, got ${decision.kind}`);
      expect(decision.generation).toBe(pos.generation + 1);
      walk.push([snapshot.levels[decision.toLevelIndex]?.id ?? '?', decision.repeat]);
      pos = { status: 'open', levelIndex: decision.toLevelIndex, generation: decision.generation, levelSinceMs: dueAtMs };
    }
    expect(walk).toEqual([
      ['L2', false],
      ['L3', false],
      ['L4', false],
      ['L4', true],
      ['L4', true],
      ['L4', true],
    ]);
    // 15m + 30m + 1h to reach L4, then one repeat per hour.
    expect(pos.levelSinceMs).toBe(T0 + 15 * M + 30 * M + H + 3 * H);
  });

  it('escalates a late timer too', () => {
    expect(decideOnTimer(snapshot, open(1, 4), 4, T0 + 5 * H)).toEqual({ kind: 'escalate', toLevelIndex: 2, generation: 5, repeat: false });
  });

  it.each([
    ['a timer from before an escalation', 2, 3],
    ['a timer from a generation not reached yet', 4, 3],
  ])('ignores %s as stale', (_name, timerGeneration, generation) => {
    expect(decideOnTimer(snapshot, open(1, generation), timerGeneration, T0 + 5 * H)).toEqual({ kind: 'ignore', reason: 'stale' });
  });

  it.each([
    ['acknowledged', 'acknowledged'],
    ['resolved', 'resolved'],
  ] as const)('ignores a due timer once the incident is %s', (status, reason) => {
    const pos: EscalationPosition = { ...open(0, 0), status };
    expect(decideOnTimer(snapshot, pos, 0, T0 + 5 * H)).toEqual({ kind: 'ignore', reason });
  });

  it.each([
    ['a minute early', T0 + 14 * M],
    ['one millisecond early', T0 + 15 * M - 1],
    ['before the level was even paged (clock skew)', T0 - M],
  ])('fired %s → not due, with the time to check again', (_name, nowMs) => {
    expect(decideOnTimer(snapshot, open(0, 0), 0, nowMs)).toEqual({ kind: 'not-due', dueAtMs: T0 + 15 * M });
  });

  it('escalates exactly at the due time', () => {
    expect(decideOnTimer(snapshot, open(0, 0), 0, T0 + 15 * M).kind).toBe('escalate');
  });
});

describe('decideManualEscalation', () => {
  it.each([
    ['open', 0, { kind: 'escalate', toLevelIndex: 1, generation: 8, repeat: false }],
    ['acknowledged', 0, { kind: 'escalate', toLevelIndex: 1, generation: 8, repeat: false }],
    ['acknowledged', 2, { kind: 'escalate', toLevelIndex: 3, generation: 8, repeat: false }],
    ['open', 3, { kind: 'escalate', toLevelIndex: 3, generation: 8, repeat: true }],
    ['acknowledged', 3, { kind: 'escalate', toLevelIndex: 3, generation: 8, repeat: true }],
    ['resolved', 1, { kind: 'refuse', reason: 'resolved' }],
  ] as const)('from %s at level index %d', (status, levelIndex, expected) => {
    const pos: EscalationPosition = { status, levelIndex, generation: 7, levelSinceMs: T0 };
    expect(decideManualEscalation(snapshot, pos)).toEqual(expected);
  });

  it('does not depend on the clock: the level can be handed on at once', () => {
    expect(decideManualEscalation(snapshot, open(0, 0, Number.MAX_SAFE_INTEGER)).kind).toBe('escalate');
  });

  it('makes the timer of the level it leaves stale', () => {
    const before = open(0, 0);
    const decision = decideManualEscalation(snapshot, before);
    if (decision.kind !== 'escalate') throw new Error('expected escalate');
    const after: EscalationPosition = { status: 'open', levelIndex: decision.toLevelIndex, generation: decision.generation, levelSinceMs: T0 + M };
    expect(decideOnTimer(snapshot, after, before.generation, T0 + 15 * M)).toEqual({ kind: 'ignore', reason: 'stale' });
  });
});
