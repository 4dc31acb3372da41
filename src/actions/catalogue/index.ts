import type { ActionDefinition } from '../action-types';
import { dynamodbBackup } from './dynamodb-backup';
import { dynamodbRestore } from './dynamodb-restore';
import { ecsRestart } from './ecs-restart';
import { ecsScale } from './ecs-scale';
import { ecsStatus } from './ecs-status';
import { healthCheck } from './health-check';
import { pitrStatus } from './pitr-status';
import { route53Failover } from './route53-failover';
import { runbookL1 } from './runbook-l1';
import { runbookL2 } from './runbook-l2';
import { runbookL3 } from './runbook-l3';
import { switchTable } from './switch-table';

/**
 * Every recovery action the bot can run, in the order `/incident help` lists
 * them: read-only first, then each level's actions, then the runbooks.
 */
export const actionCatalogue: ActionDefinition[] = [
  ecsStatus,
  healthCheck,
  pitrStatus,
  ecsRestart,
  dynamodbBackup,
  dynamodbRestore,
  switchTable,
  ecsScale,
  route53Failover,
  runbookL1,
  runbookL2,
  runbookL3,
];

export function findAction(name: string): ActionDefinition | undefined {
  return actionCatalogue.find((action) => action.name === name);
}
