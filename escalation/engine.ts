import type { EscalationLevel, PolicySnapshot } from './policy-types';
import { levelIndexById } from './snapshot';

/**
 * Where an incident stands in its chain. `generation` goes up by one on every
 * escalation; a timer carries the generation it was made for, which is how a
 * timer left over from before an escalation recognises itself as stale.
 */
export interface EscalationPosition {
  status: 'open' | 'acknowledged' | 'resolved';
  levelIndex: number;
  generation: number;
  levelSinceMs: number;
}

export interface EscalateDecision {
  kind: 'escalate';
  toLevelIndex: number;
  /** The position's generation + 1; the caller stores it and tags the next timer with it. */
  generation: number;
  /** True when the last level is paged again rather than a new level reached. */
  repeat: boolean;
}

export type TimerDecision =
  | { kind: 'ignore'; reason: 'stale' | 'acknowledged' | 'resolved' }
  | { kind: 'not-due'; dueAtMs: number }
  | EscalateDecision;

export type ManualEscalationDecision = EscalateDecision | { kind: 'refuse'; reason: 'resolved' };

/** The level the chain starts at: the first one, or the one asked for by id (undefined if not in the chain). */
export function startLevelIndex(snapshot: PolicySnapshot, requestedLevelId?: string): number | undefined {
  if (requestedLevelId === undefined) return snapshot.levels.length > 0 ? 0 : undefined;
  return levelIndexById(snapshot, requestedLevelId);
}

/** When the current level's ack timeout runs out. */
export function timerDueAt(snapshot: PolicySnapshot, pos: EscalationPosition): number {
  return pos.levelSinceMs + currentLevel(snapshot, pos).ackTimeoutMs;
}

/**
 * A delayed escalation check fired. Timers can arrive late, early (clock skew
 * between replicas) or after the incident moved on; only a timer for the
 * current generation of an open incident, at or after its due time, escalates.
 */
export function decideOnTimer(snapshot: PolicySnapshot, pos: EscalationPosition, timerGeneration: number, nowMs: number): TimerDecision {
  if (pos.status === 'resolved') return { kind: 'ignore', reason: 'resolved' };
  if (pos.status === 'acknowledged') return { kind: 'ignore', reason: 'acknowledged' };
  if (timerGeneration !== pos.generation) return { kind: 'ignore', reason: 'stale' };
  const dueAtMs = timerDueAt(snapshot, pos);
  if (nowMs < dueAtMs) return { kind: 'not-due', dueAtMs };
  return nextStep(snapshot, pos);
}

/**
 * `/incident escalate` or the Escalate button. Allowed while acknowledged:
 * the responder is handing the incident on, not asking to be paged.
 */
export function decideManualEscalation(snapshot: PolicySnapshot, pos: EscalationPosition): ManualEscalationDecision {
  if (pos.status === 'resolved') return { kind: 'refuse', reason: 'resolved' };
  return nextStep(snapshot, pos);
}

// Past the last level the chain keeps paging it: an unanswered incident must never go quiet.
function nextStep(snapshot: PolicySnapshot, pos: EscalationPosition): EscalateDecision {
  assertInChain(snapshot, pos);
  const lastIndex = snapshot.levels.length - 1;
  const repeat = pos.levelIndex >= lastIndex;
  return { kind: 'escalate', toLevelIndex: repeat ? lastIndex : pos.levelIndex + 1, generation: pos.generation + 1, repeat };
}

// A position outside its own snapshot means corrupted state; failing loudly beats paging nobody.
function assertInChain(snapshot: PolicySnapshot, pos: EscalationPosition): void {
  if (!Number.isInteger(pos.levelIndex) || pos.levelIndex < 0 || pos.levelIndex >= snapshot.levels.length) {
    throw new RangeError(`escalation position level ${pos.levelIndex} is outside the chain of ${snapshot.levels.length} levels`);
  }
}

function currentLevel(snapshot: PolicySnapshot, pos: EscalationPosition): EscalationLevel {
  assertInChain(snapshot, pos);
  return snapshot.levels[pos.levelIndex];
}
