export { formatDuration, parseDuration } from './duration';
export {
  decideManualEscalation,
  decideOnTimer,
  startLevelIndex,
  timerDueAt,
  type EscalateDecision,
  type EscalationPosition,
  type ManualEscalationDecision,
  type TimerDecision,
} from './engine';
export { loadPolicyFile } from './load-policy-file';
export { parsePolicy, type ParsePolicyResult } from './parse-policy';
export type { ApprovalRule, EscalationLevel, Policy, PolicySnapshot } from './policy-types';
export { SLACK_ID_PATTERN } from './schema-fields';
export { levelIndexById, snapshotPolicy } from './snapshot';
