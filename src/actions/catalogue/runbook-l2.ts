import { ParamReader } from '../params';
import { dynamodbRestore } from './dynamodb-restore';
import { healthCheck } from './health-check';
import { pitrStatus } from './pitr-status';
import { makeRunbook, parseStep, step, stepsResult } from './runbook';
import { switchTable } from './switch-table';

/** Level 2 of the plan (database failure): restore a table to a point in time, switch the service to it, check health. */
export const runbookL2 = makeRunbook({
  name: 'runbook-l2',
  summary: 'Level 2 (database): pitr-status → dynamodb-restore → switch-table → health-check.',
  usage: 'runbook-l2 table=<name> [at=<ISO time>]',
  actions: [pitrStatus, dynamodbRestore, switchTable, healthCheck],
  afterwards: 'The plan also asks to verify data integrity (node scripts/verify-data-integrity.js) before resolving.',
  parseSteps(args, targets) {
    const reader = new ParamReader(args, ['table', 'at']);
    const requestedAt = reader.requestedAt();
    const [table] = reader.tables('table', targets, reader.required('table', `one of ${targets.dynamodb.tables.join(', ')}`), false);
    const at = reader.optional('at');
    const errors = [...reader.errors];
    // Each step would word a bad table its own way; one line from here is enough.
    if (table === undefined) return { ok: false, errors };
    const pitr = parseStep(pitrStatus, { table }, targets, errors);
    const restore = parseStep(dynamodbRestore, { table, requestedAt, ...(at === undefined ? {} : { at }) }, targets, errors);
    const switched = parseStep(switchTable, { table, to: restore?.target ?? table }, targets, errors);
    const health = parseStep(healthCheck, {}, targets, errors);
    return stepsResult(errors, [step(pitrStatus, pitr), step(dynamodbRestore, restore), step(switchTable, switched), step(healthCheck, health)]);
  },
});
