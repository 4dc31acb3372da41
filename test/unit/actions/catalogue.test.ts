import { REQUESTED_AT_PARAM } from '../../../src/actions/action-types';
import { actionCatalogue, findAction } from '../../../src/actions/catalogue';
import { MISSING_TARGETS_MESSAGE, parseActionParams } from '../../../src/actions/targets-required';
import { NOW, REQUESTED_AT } from './support/harness';
import { EVENTS, targets } from './support/targets-fixture';

// Enough words for each action to parse, so its plan can be inspected.
const EXAMPLE_ARGS: Record<string, Record<string, string>> = {
  'dynamodb-backup': { table: 'all' },
  'dynamodb-restore': { table: EVENTS },
  'switch-table': { table: EVENTS, to: `${EVENTS}-restored-202507110325` },
  'ecs-scale': { desired: '2' },
  'runbook-l2': { table: EVENTS },
  'runbook-l3': { desired: '2' },
};

describe('the catalogue', () => {
  it('lists every action of the plan once, read-only ones without approval', () => {
    expect(actionCatalogue.map((a) => [a.name, a.needsApproval])).toEqual([
      ['ecs-status', false],
      ['health-check', false],
      ['pitr-status', false],
      ['ecs-restart', true],
      ['dynamodb-backup', true],
      ['dynamodb-restore', true],
      ['switch-table', true],
      ['ecs-scale', true],
      ['route53-failover', true],
      ['runbook-l1', true],
      ['runbook-l2', true],
      ['runbook-l3', true],
    ]);
  });

  it('findAction finds by exact name only', () => {
    expect(findAction('dynamodb-restore')?.name).toBe('dynamodb-restore');
    expect(findAction('restore')).toBeUndefined();
  });

  it.each(actionCatalogue.map((a) => [a.name, a] as const))('%s: usage starts with its name; plan is complete, pure and repeatable', (name, action) => {
    expect(action.usage.split(' ')[0]).toBe(name);
    const parsed = action.parseParams({ [REQUESTED_AT_PARAM]: REQUESTED_AT, ...(EXAMPLE_ARGS[name] ?? {}) }, targets());
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    // Params are stored with the request as JSON and handed back on every retry.
    expect(JSON.parse(JSON.stringify(parsed.params))).toEqual(parsed.params);
    const plan = action.plan(parsed.params, targets(), NOW);
    expect(plan.length).toBeGreaterThan(0);
    for (const call of plan) {
      expect(call.cli).toMatch(call.service === 'http' ? /^curl / : new RegExp(`^aws ${call.service} `));
      expect(call.mutates).toBe(!/^(Describe|Get|List|GET)/.test(call.command));
    }
    expect(action.plan(parsed.params, targets(), NOW)).toEqual(plan);
    // Plans are stored with the request in the incident log: plain JSON only, no Dates or undefined.
    expect(JSON.parse(JSON.stringify(plan))).toStrictEqual(plan);
    expect(plan.some((c) => c.mutates)).toBe(action.needsApproval);
  });

  it('without targets, every action refuses and says to add targets: to the policy', () => {
    for (const action of actionCatalogue) {
      expect(parseActionParams(action, {}, undefined, NOW)).toEqual({ ok: false, errors: [`${action.name}: ${MISSING_TARGETS_MESSAGE}`] });
    }
    expect(MISSING_TARGETS_MESSAGE).toMatch(/Add targets: to the policy file/);
  });

  it('parseActionParams stamps the request time, so the restored name is fixed at request time', () => {
    const action = findAction('dynamodb-restore');
    if (!action) throw new Error('missing');
    const parsed = parseActionParams(action, { table: EVENTS, requestedAt: '2020-01-01T00:00:00Z' }, targets(), new Date('2025-07-11T09:41:00Z'));
    expect(parsed.ok && parsed.params).toMatchObject({ target: `${EVENTS}-restored-202507110941`, requestedAt: '2025-07-11T09:41:00.000Z' });
  });
});
