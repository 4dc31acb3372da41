import { stringify } from 'yaml';
import { parsePolicy } from '../../../escalation/parse-policy';
import type { Policy } from '../../../escalation/policy-types';
import { validPolicyData } from './policy-fixture';

const M = 60_000;
const H = 60 * M;

function parseOk(text: string): Policy {
  const result = parsePolicy(text);
  if (!result.ok) throw new Error(`expected a valid policy, got:\n${result.errors.join('\n')}`);
  return result.policy;
}

describe('parsePolicy: valid files', () => {
  it('converts every duration to milliseconds and keeps the chain in order', () => {
    const policy = parseOk(stringify(validPolicyData()));
    expect(policy).toEqual({
      rtoMs: 4 * H,
      rpoMs: H,
      autoResolve: true,
      channelPrefix: 'inc',
      levels: [
        { id: 'L1', name: 'L1 support', responders: ['U012AB3CD'], ackTimeoutMs: 15 * M },
        { id: 'L2', name: 'L2 engineer', responders: ['S0L2GROUP'], ackTimeoutMs: 30 * M },
        { id: 'L3', name: 'Infrastructure team', responders: ['S0INFRA'], ackTimeoutMs: H },
        { id: 'L4', name: 'Management', responders: ['U0MANAGER', 'W0EXEC'], ackTimeoutMs: H },
      ],
      approvals: {
        default: { approvers: ['S0INFRA'], required: 1, expiresAfterMs: 30 * M },
        'dynamodb-restore': { approvers: ['U0ALICE', 'U0BOB'], required: 2, expiresAfterMs: H },
      },
    });
  });

  it('fills autoResolve, channelPrefix and expiresAfter with their defaults', () => {
    const policy = parseOk(`
rto: 1h30m
rpo: 30s
levels:
  - { id: L1, name: Only level, responders: [U012AB3CD], ackTimeout: 5m }
approvals:
  default: { approvers: [U012AB3CD], required: 1 }
`);
    expect(policy.rtoMs).toBe(H + 30 * M);
    expect(policy.rpoMs).toBe(30_000);
    expect(policy.autoResolve).toBe(true);
    expect(policy.channelPrefix).toBe('inc');
    expect(policy.approvals.default?.expiresAfterMs).toBe(30 * M);
  });

  it('accepts the example from the contract, where a user group of one ID supplies two approvers', () => {
    const policy = parseOk(`
rto: 4h
rpo: 1h
autoResolve: false
channelPrefix: ir-prod2
levels:
  - { id: L1, name: L1 support, responders: [U012AB3CD], ackTimeout: 15m }
approvals:
  default: { approvers: [S0INFRA], required: 1 }
  dynamodb-restore: { approvers: [S0INFRA], required: 2 }
`);
    expect(policy.autoResolve).toBe(false);
    expect(policy.channelPrefix).toBe('ir-prod2');
    expect(policy.approvals['dynamodb-restore']?.required).toBe(2);
  });

  it('accepts ten levels, the most a chain may have', () => {
    const data = validPolicyData();
    data.levels = Array.from({ length: 10 }, (_, i) => ({ id: `L${i + 1}`, name: `Level ${i + 1}`, responders: ['U012AB3CD'], ackTimeout: '1m' }));
    expect(parseOk(stringify(data)).levels).toHaveLength(10);
  });

  it('returns fresh arrays, not the parsed document', () => {
    const first = parseOk(stringify(validPolicyData()));
    first.levels[0]?.responders.push('U0INTRUDER');
    expect(parseOk(stringify(validPolicyData())).levels[0]?.responders).toEqual(['U012AB3CD']);
  });
});

describe('parsePolicy: documents that are not a policy', () => {
  const expectedMapping = 'expected a mapping with rto, rpo, autoResolve, channelPrefix, levels, approvals, targets, retention, schedules';

  it.each([
    ['an empty file', '', `${expectedMapping} (got an empty value)`],
    ['a comment only', '# nothing yet\n', `${expectedMapping} (got an empty value)`],
    ['a list', '- rto: 4h\n', `${expectedMapping} (got a list)`],
    ['a bare word', 'policy\n', `${expectedMapping} (got "policy")`],
  ])('%s', (_name, text, error) => {
    expect(parsePolicy(text)).toEqual({ ok: false, errors: [error] });
  });
});

describe('parsePolicy: YAML syntax errors name the line', () => {
  it.each([
    ['an unclosed list', 'rto: 4h\nlevels: [L1, L2\nrpo: 1h\n', /^line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a \]$/],
    ['a duplicate key', 'rto: 4h\nrpo: 1h\nrto: 2h\n', /^line 3, column 1: Map keys must be unique$/],
    ['a tab used for indentation', 'levels:\n\t- id: L1\n', /^line 2, column 1: /],
    ['an unclosed quote', 'rto: "4h\n', /^line 2, column 1: Missing closing "quote$/],
  ])('%s', (_name, text, error) => {
    const result = parsePolicy(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatch(error);
    for (const line of result.errors) expect(line).not.toContain('\n');
  });

  it('reports an alias to an anchor that does not exist', () => {
    expect(parsePolicy('rto: *four\n')).toEqual({
      ok: false,
      errors: ['invalid YAML: Unresolved alias (the anchor must be set before the alias): four'],
    });
  });

  it('follows anchors and aliases that do resolve', () => {
    const text = stringify(validPolicyData()).replace('rto: 4h', 'rto: &four 4h').replace('rpo: 1h', 'rpo: *four');
    expect(parseOk(text).rpoMs).toBe(4 * H);
  });
});
