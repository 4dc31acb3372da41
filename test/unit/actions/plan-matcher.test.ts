import type { PlannedCall } from '../../../src/actions/action-types';
import { expectSentMatchesPlan, type SentCall } from './support/harness';

// The helper every action test relies on for "dry run names what live sends": it must be able to fail.
const planned = (command: string, input: Record<string, unknown>, note?: string): PlannedCall => ({ service: 'ecs', region: 'r', command, input, cli: 'aws ecs x', mutates: false, ...(note ? { note } : {}) });
const sent = (command: string, input: Record<string, unknown>): SentCall => ({ service: 'ecs', command, input });

describe('expectSentMatchesPlan', () => {
  const plan = [planned('UpdateService', { a: 1 }), planned('DescribeServices', { b: 2 }, 'repeated every 15s'), planned('DescribeServices', { b: 2 }), planned('RegisterTaskDefinition', { family: '<later>' })];

  it('accepts repeats of a polled call and placeholders', () => {
    expectSentMatchesPlan(plan, [sent('UpdateService', { a: 1 }), sent('DescribeServices', { b: 2 }), sent('DescribeServices', { b: 2 }), sent('DescribeServices', { b: 2 }), sent('RegisterTaskDefinition', { family: 'x', more: 1 })]);
  });

  it.each([
    ['a different input', [sent('UpdateService', { a: 2 }), sent('DescribeServices', { b: 2 }), sent('DescribeServices', { b: 2 }), sent('RegisterTaskDefinition', { family: 'x' })]],
    ['a missing call', [sent('UpdateService', { a: 1 }), sent('DescribeServices', { b: 2 }), sent('RegisterTaskDefinition', { family: 'x' })]],
    ['an extra call', [sent('UpdateService', { a: 1 }), sent('UpdateService', { a: 1 }), sent('DescribeServices', { b: 2 }), sent('DescribeServices', { b: 2 }), sent('RegisterTaskDefinition', { family: 'x' })]],
    ['a placeholder never filled', [sent('UpdateService', { a: 1 }), sent('DescribeServices', { b: 2 }), sent('DescribeServices', { b: 2 }), sent('RegisterTaskDefinition', {})]],
  ])('rejects %s', (_name, calls) => {
    expect(() => expectSentMatchesPlan(plan, calls)).toThrow();
  });
});
