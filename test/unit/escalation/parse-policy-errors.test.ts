import { stringify } from 'yaml';
import { parsePolicy } from '../../../escalation/parse-policy';
import { policyYamlWith, REMOVE, validPolicyData, type PathPart } from './policy-fixture';

const ID_ERROR = 'expected a Slack user ID (U…/W…) or user-group ID (S…)';
const TOP_KEYS = 'rto, rpo, autoResolve, channelPrefix, levels, approvals, targets, retention, schedules';
const LEVEL_ID_HINT = 'expected a short id like L1 (letters, digits, - or _; at most 20)';

function errorsOf(text: string): string[] {
  const result = parsePolicy(text);
  return result.ok ? [] : result.errors;
}

const level = (n: number) => ({ id: `L${n}`, name: `Level ${n}`, responders: ['U012AB3CD'], ackTimeout: '1m' });

// One change to the valid policy → exactly one error line, naming the field.
const cases: Array<[PathPart[], unknown, string]> = [
  [['rto'], REMOVE, 'rto: required'],
  [['rto'], '4 hours', 'rto: expected a duration like 15m (got "4 hours")'],
  [['rto'], 240, 'rto: expected a duration like 15m (got 240)'],
  [['rto'], null, 'rto: expected a duration like 15m (got an empty value)'],
  [['rpo'], REMOVE, 'rpo: required'],
  [['rpo'], '0s', 'rpo: expected a duration like 15m (got "0s")'],
  [['rpo'], '1d', 'rpo: expected a duration like 15m (got "1d")'],
  [['autoResolve'], 'yes', 'autoResolve: expected true or false (got "yes")'],
  [['channelPrefix'], 'INC', 'channelPrefix: expected 1 to 20 lowercase letters, digits or hyphens (got "INC")'],
  [['channelPrefix'], 'inc_prod', 'channelPrefix: expected 1 to 20 lowercase letters, digits or hyphens (got "inc_prod")'],
  [['channelPrefix'], '', 'channelPrefix: expected 1 to 20 lowercase letters, digits or hyphens (got "")'],
  [['channelPrefix'], 'a'.repeat(21), `channelPrefix: expected 1 to 20 lowercase letters, digits or hyphens (got "${'a'.repeat(21)}")`],
  [['rtoo'], '4h', 'rtoo: unknown field (did you mean rto?)'],
  [['escalation'], {}, `escalation: unknown field (expected one of ${TOP_KEYS})`],
  [['levels'], REMOVE, 'levels: required'],
  [['levels'], 'L1', 'levels: expected a list of levels (got "L1")'],
  [['levels'], [], 'levels: expected 1 to 10 levels (got 0)'],
  [['levels'], Array.from({ length: 11 }, (_, i) => level(i + 1)), 'levels: expected 1 to 10 levels (got 11)'],
  [['levels', 0], 'L1', 'levels[0]: expected a mapping with id, name, responders, ackTimeout (got "L1")'],
  [['levels', 0, 'id'], REMOVE, 'levels[0].id: required'],
  [['levels', 0, 'id'], 'level one', `levels[0].id: ${LEVEL_ID_HINT} (got "level one")`],
  [['levels', 0, 'id'], 1, `levels[0].id: ${LEVEL_ID_HINT} (got 1)`],
  [['levels', 3, 'id'], 'L1', 'levels[3].id: duplicate level id "L1" (already used by levels[0])'],
  [['levels', 1, 'id'], 'l1', 'levels[1].id: duplicate level id "l1" (already used by levels[0])'],
  [['levels', 1, 'name'], REMOVE, 'levels[1].name: required'],
  [['levels', 1, 'name'], '  ', 'levels[1].name: expected a non-empty name'],
  [['levels', 0, 'responders'], REMOVE, 'levels[0].responders: required'],
  [['levels', 0, 'responders'], [], 'levels[0].responders: expected at least one responder'],
  [['levels', 0, 'responders'], 'U012AB3CD', 'levels[0].responders: expected a list of Slack IDs like [U012AB3CD] (got "U012AB3CD")'],
  [['levels', 0, 'responders', 1], 'bob', `levels[0].responders[1]: ${ID_ERROR}`],
  [['levels', 0, 'responders', 0], 'C0CHANNEL', `levels[0].responders[0]: ${ID_ERROR}`],
  [['levels', 0, 'responders', 0], 'u012ab3cd', `levels[0].responders[0]: ${ID_ERROR}`],
  [['levels', 0, 'responders', 0], '@alice', `levels[0].responders[0]: ${ID_ERROR}`],
  [['levels', 2, 'ackTimeout'], '15 minutes', 'levels[2].ackTimeout: expected a duration like 15m (got "15 minutes")'],
  [['levels', 1, 'ackTimeout'], REMOVE, 'levels[1].ackTimeout: required'],
  [['levels', 1, 'ackTimeout'], '-5m', 'levels[1].ackTimeout: expected a duration like 15m (got "-5m")'],
  [['levels', 1, 'escalateTo'], 'L3', 'levels[1].escalateTo: unknown field (expected one of id, name, responders, ackTimeout)'],
  [['approvals'], REMOVE, 'approvals: required'],
  [['approvals'], ['S0INFRA'], 'approvals: expected a mapping from action name to { approvers, required } (got a list)'],
  [['approvals', 'default'], REMOVE, 'approvals.default: required'],
  [['approvals', 'DynamoDB_Restore'], { approvers: ['S0INFRA'], required: 1 }, 'approvals.DynamoDB_Restore: expected an action name in lowercase-hyphen form like dynamodb-restore'],
  [['approvals', 'default'], 'S0INFRA', 'approvals.default: expected a mapping with approvers, required, expiresAfter (got "S0INFRA")'],
  [['approvals', 'default', 'approvers'], [], 'approvals.default.approvers: expected at least one approver'],
  [['approvals', 'default', 'approvers'], ['S0INFRA', 'infra-team'], `approvals.default.approvers[1]: ${ID_ERROR}`],
  [['approvals', 'default', 'required'], REMOVE, 'approvals.default.required: required'],
  [['approvals', 'default', 'required'], 0, 'approvals.default.required: expected a whole number of at least 1 (got 0)'],
  [['approvals', 'default', 'required'], 1.5, 'approvals.default.required: expected a whole number of at least 1 (got 1.5)'],
  [['approvals', 'default', 'required'], 'two', 'approvals.default.required: expected a whole number of at least 1 (got "two")'],
  [['approvals', 'dynamodb-restore', 'required'], 2.5, 'approvals.dynamodb-restore.required: expected a whole number of at least 1 (got 2.5)'],
  [['approvals', 'dynamodb-restore', 'approvers'], [], 'approvals.dynamodb-restore.approvers: expected at least one approver'],
  [['approvals', 'dynamodb-restore', 'required'], 3, 'approvals.dynamodb-restore.required: expected a whole number from 1 to 2, the number of approvers (got 3)'],
  [['approvals', 'dynamodb-restore', 'approvers'], ['U0ALICE', 'U0ALICE'], 'approvals.dynamodb-restore.required: expected a whole number from 1 to 1, the number of approvers (got 2)'],
  [['approvals', 'default', 'expiresAfter'], '30', 'approvals.default.expiresAfter: expected a duration like 15m (got "30")'],
  [['approvals', 'default', 'expires'], '1h', 'approvals.default.expires: unknown field (expected one of approvers, required, expiresAfter)'],
];

describe('parsePolicy: each wrong field gives one line naming its path', () => {
  it.each(cases)('%j = %j', (path, value, error) => {
    expect(errorsOf(policyYamlWith(path, value))).toEqual([error]);
  });
});

describe('parsePolicy: reports every problem in one pass', () => {
  it('a typo in a key is both a missing field and an unknown one, with a suggestion', () => {
    const data = validPolicyData();
    const levels = data.levels as Array<Record<string, unknown>>;
    levels[0] = { id: 'L1', name: 'L1 support', responders: ['U012AB3CD'], ackTimout: '15m' };
    expect(errorsOf(stringify(data))).toEqual(['levels[0].ackTimeout: required', 'levels[0].ackTimout: unknown field (did you mean ackTimeout?)']);
  });

  it('collects errors from every section, a duplicate id next to a bad timeout, and a missing default', () => {
    const data = validPolicyData();
    data.rto = '4 hours';
    const levels = data.levels as Array<Record<string, unknown>>;
    levels[1] = { id: 'L1', name: 'Again', responders: ['U012AB3CD'], ackTimeout: 'soon' };
    data.approvals = { 'dynamodb-restore': { approvers: ['S0INFRA'], required: 0 } };
    data.notifications = [];
    expect(errorsOf(stringify(data))).toEqual([
      'rto: expected a duration like 15m (got "4 hours")',
      'levels[1].ackTimeout: expected a duration like 15m (got "soon")',
      'levels[1].id: duplicate level id "L1" (already used by levels[0])',
      'approvals.dynamodb-restore.required: expected a whole number of at least 1 (got 0)',
      'approvals.default: required',
      `notifications: unknown field (expected one of ${TOP_KEYS})`,
    ]);
  });

  it('quotes a key that would not read as a path', () => {
    expect(errorsOf(policyYamlWith(['approvals', 'db restore'], { approvers: ['S0INFRA'], required: 1 }))).toEqual([
      'approvals["db restore"]: expected an action name in lowercase-hyphen form like dynamodb-restore',
    ]);
  });
});
