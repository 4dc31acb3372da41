import type { PlannedCall } from '../../actions/action-types';
import { describeContinuousBackups, describeTable, restoreToPointInTime } from '../../actions/calls/dynamodb-calls';
import { deleteTable } from '../aws/backup-calls';

export const DRILL_WAIT_NOTE = 'repeated every 30s until the table is ACTIVE, for at most the RTO';

/** Every call a live drill makes, in order: what dry run reports. Pure. */
export function drillPlan(region: string, source: string, target: string): PlannedCall[] {
  return [
    describeTable(region, source).planned,
    { ...describeTable(region, target).planned, note: `expected ResourceNotFoundException: the drill never touches an existing ${target}` },
    describeContinuousBackups(region, source).planned,
    restoreToPointInTime(region, source, target, undefined).planned,
    { ...describeTable(region, target).planned, note: DRILL_WAIT_NOTE },
    deleteTable(region, target).planned,
  ];
}
